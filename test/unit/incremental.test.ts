/**
 * Incremental checking: a service that re-uses what it parsed before (the accelerator, src/core/incremental)
 * must give, for every edit, exactly what the plain engine gives on the edited text (src/core/check.ts:
 * the text read in one piece, every rule run on the whole log through the plain LogView): findings and
 * model, byte for byte as JSON.
 */
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { promises as fs } from 'node:fs';
import { builtinGuidelines, createNodeService } from '../../src/cli/node-host.js';
import { createAthleteLogService, plainEngine } from '../../src/core/index.js';
import { generateLog } from '../../bench/generate.js';

const BASE = generateLog(6 * 1024);

/** A service that checks with the plain engine: the oracle. */
function plainService(): ReturnType<typeof createAthleteLogService> {
  return createAthleteLogService({ builtinGuidelines: builtinGuidelines(), engine: plainEngine, workspace: { readFile: (p) => fs.readFile(p, 'utf8') } });
}

describe('incremental checking', function () {
  this.timeout(300000);

  it('equals the plain engine after every random edit', async () => {
    const warm = createNodeService();
    const plain = plainService();
    const request = { path: '/ws/log.athlete.md', relativePath: 'log.athlete.md', options: { today: '2020-02-01' } };
    await warm.check({ ...request, text: BASE });
    const editArb = fc.array(fc.record({
      at: fc.nat(),
      del: fc.integer({ min: 0, max: 8 }),
      ins: fc.constantFrom('', 'x', '\n', '\n### 2020-01-05\n', '- Chair Bridge: 9 x 10\n', '#', '```\n', '---\n', '<!--', '-->', ' ', '2', ', hold 9 s',
        '\r\n', '\r', '\n## Program\n', '\n## Log\n', '\n### Phase 9 (weeks 1-99)\n', ' (PM)', '. Pain 8/10', '\n<!-- athlete-log-disable -->\n',
        '<!-- athlete-log-enable -->\n', '\n### 2020-01-01\n', 'started: 2020-02-01\n', '- Nordic curl: 3 x 6\n', '  - Chair Bridge: 3 x 10\n',
        // Layouts of real logs (FORMAT.md v2): sub-headings of a session, tables, child lines, set lines,
        // written and year-less dates, numeric dates with a date order, weeks, headings of their own.
        '\n#### Warm-up\n', '\n| Exercise | Sets | Reps |\n| --- | --- | --- |\n| Chair Bridge | 5 | 10 |\n', '| Bridge Walk-Out | 2 | 10 |\n',
        '\n| Exercise | Dosage |\n|---|---|\n| Chair Bridge | 3 x 10<br>hold 5 s |\n', '- Chair Bridge\n  - 3 x 10, hold 5 s\n', '- Set 1: 5 reps\n',
        '**Nordic curl**\n', '\n### Jan 4\n', '\n### Tue Jan 6, 2020 — week 1\n', '\n### 04/05/2020\n', 'date-order: dmy\n', '\n## Week 2\n',
        '\n## Every morning\n', '- 3 x 10\n', '\n## 2020-W03\n', '\n### Week 1\n', '- **Work:** Chair Bridge / 20kg / 5,5,8\n', '- 2 minutes plank\n',
        // Red flags in a note and in a checked assessment item (red-flag runs per block).
        '\nNumb around the saddle area after the long run.\n', '\n## Assessment\n- [x] Feverish at night\n- [ ] Weight loss for no reason\n', '[x]',
        // Morning pain (pain-not-settled reads each block's notes once).
        '\nNext morning: pain 6/10\n', '\nMorning pain 1/10\n'),
    }), { minLength: 1, maxLength: 6 });
    await fc.assert(fc.asyncProperty(editArb, async (edits) => {
      let text = BASE;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
        const incremental = await warm.check({ ...request, text });
        const scratch = await plain.check({ ...request, text });
        assert.equal(JSON.stringify(incremental?.findings), JSON.stringify(scratch?.findings));
        assert.equal(JSON.stringify(incremental?.log), JSON.stringify(scratch?.log));
      }
    }), { seed: 2026, numRuns: 150 });
  });

  it('gives each of two overlapping checks of one log the result for its own text', async () => {
    const warm = createNodeService();
    const request = { path: '/ws/log.athlete.md', relativePath: 'log.athlete.md', options: { today: '2020-02-01' } };
    await warm.check({ ...request, text: BASE });
    // Both give the thread back after every step, so their steps interleave unless the service queues them.
    const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
    const a = BASE.replace('### 2020-01-03', '### 2020-01-03 (PM)\n- Chair Bridge: 9 x 10');
    const b = `${BASE}\n### 2019-12-01\n- Chair Bridge: 3 x 10. Pain 9/10\n`;
    const [ra, rb] = await Promise.all([warm.check({ ...request, text: a, pause }), warm.check({ ...request, text: b, pause })]);
    for (const [r, text] of [[ra, a], [rb, b]] as const) {
      const scratch = await plainService().check({ ...request, text });
      assert.equal(JSON.stringify(r?.findings), JSON.stringify(scratch?.findings));
      assert.equal(JSON.stringify(r?.log.sessions.length), JSON.stringify(scratch?.log.sessions.length));
    }
    assert.notEqual(JSON.stringify(ra?.findings), JSON.stringify(rb?.findings), 'the two texts give different findings');
  });

  it('returns findings that stay where they were found when later edits move their blocks', async () => {
    const warm = createNodeService();
    const request = { path: '/ws/log.athlete.md', relativePath: 'log.athlete.md', options: { today: '2020-02-01' } };
    const text = BASE.replace('### 2020-01-03', '### 2020-01-03\n- Chair Bridge: 9 x 10');
    const first = await warm.check({ ...request, text });
    const before = JSON.stringify(first?.findings);
    assert.ok(first?.findings.some((f) => f.ruleId === 'sets-out-of-range'));
    await warm.check({ ...request, text: `\n\n${text}` });
    assert.equal(JSON.stringify(first?.findings), before);
  });

  it('does not keep every edited version of a big log alive', async () => {
    // Each block parsed after an edit owns its text; slices of the document would keep each version
    // (here 1 MB) alive as long as a block from it does. Measured as heap held after 40 edits.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const warm = createNodeService();
    const request = { path: '/ws/big.athlete.md', relativePath: 'big.athlete.md', options: { today: '2020-02-01' } };
    let text = generateLog(1024 * 1024);
    await warm.check({ ...request, text });
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 40; k++) {
      const nl = text.indexOf('\n', Math.floor(((k * 37) % 100) / 100 * text.length));
      text = `${text.slice(0, nl)}x${text.slice(nl)}`;
      await warm.check({ ...request, text });
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    assert.ok(grown < 15, `heap grew by ${grown.toFixed(1)} MB over 40 edits of a 1 MB log`);
  });
});
