/** The pipeline never breaks on hostile input (fixed seed here; `npm run fuzz` runs many more cases). */
import fc from 'fast-check';
import { hostileInput, inputNeverBreaks } from '../robustness.js';

describe('robustness', function () {
  this.timeout(120000);

  it('parses, checks, fixes and renders any string or file bytes without breaking, and keeps the bytes no fix touched', async () => {
    await fc.assert(fc.asyncProperty(hostileInput, inputNeverBreaks), { seed: 20261125, numRuns: 300 });
  });

  it('survives 10,000-deep quotes and lists, NUL bytes, lone surrogates, CR line endings and a BOM', async () => {
    const deep = (p: string): string => `---\nathlete: A\n---\n## Log\n### 2026-11-03\n${p.repeat(10000)}deep\n`;
    for (const text of [deep('> '), deep('- '), deep('1. '), '\uFEFF---\r\nathlete: A\r\n---\r\n## Log\r\n### 2026-11-03\r\n- Chair Bridge: 3 x 10\u0000\ud800\r\n', '---\rathlete: A\r---\r## Log\r### 2026-11-03\r- Chair Bridge: 9 x 10\r']) {
      await inputNeverBreaks(text);
    }
  });
});
