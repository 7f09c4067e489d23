/**
 * Incremental checking: a service that re-uses what it parsed before must give, for every edit, exactly
 * what a fresh service gives on the edited text (findings and model, byte for byte as JSON).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createNodeService } from '../../src/cli/node-host.js';
import { generateLog } from '../../bench/generate.js';

const BASE = generateLog(6 * 1024);

describe('incremental checking', function () {
  this.timeout(120000);

  it('equals a from-scratch check after every random edit', async () => {
    const warm = createNodeService();
    const request = { path: '/ws/log.athlete.md', relativePath: 'log.athlete.md', options: { today: '2020-02-01' } };
    await warm.check({ ...request, text: BASE });
    const editArb = fc.array(fc.record({
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 8 }),
      ins: fc.constantFrom('', 'x', '\n', '\n### 2020-01-05\n', '- Chair Bridge: 9 x 10\n', '#', '```\n', '---\n', '<!--', '-->', ' ', '2', ', hold 9 s'),
    }), { minLength: 1, maxLength: 4 });
    await fc.assert(fc.asyncProperty(editArb, async (edits) => {
      let text = BASE;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const incremental = await warm.check({ ...request, text });
        const scratch = await createNodeService().check({ ...request, text });
        assert.equal(JSON.stringify(incremental?.findings), JSON.stringify(scratch?.findings));
        assert.equal(JSON.stringify(incremental?.log), JSON.stringify(scratch?.log));
      }
    }), { seed: 2026, numRuns: 60 });
  });
});
