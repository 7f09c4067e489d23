/**
 * The two engines keep one check contract (src/core/check.ts): the plain engine (the text read in one
 * piece, every rule on the whole log through the plain LogView) and the accelerator the editor and the
 * CLI use (src/core/incremental). On every rule fixture and example log they give the same model and
 * the same findings, byte for byte as JSON. (test/unit/incremental.test.ts does the same after edits.)
 */
import assert from 'node:assert/strict';
import { promises as fs, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { builtinGuidelines, createNodeService } from '../../src/cli/node-host.js';
import { createAthleteLogService, plainEngine } from '../../src/core/index.js';
import { FIXTURES, fixtureConfig, read, ROOT } from '../helpers.js';

const plain = createAthleteLogService({ builtinGuidelines: builtinGuidelines(), engine: plainEngine, workspace: { readFile: (p) => fs.readFile(p, 'utf8') } });
const accelerated = createNodeService();

function logFiles(): string[] {
  const rules = path.join(FIXTURES, 'rules');
  const fixtures = readdirSync(rules).sort().flatMap((id) => readdirSync(path.join(rules, id)).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(rules, id, f)));
  const examples = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.md')).sort().map((f) => path.join(ROOT, 'examples', f));
  return [...fixtures, ...examples];
}

describe('the plain engine and the accelerator', function () {
  this.timeout(60000);

  it('give the same model and findings on every rule fixture and example log', async () => {
    const files = logFiles();
    let checked = 0;
    for (const file of files) {
      const text = read(file);
      const cfg = fixtureConfig(text);
      const request = { text, path: file, relativePath: cfg.relativePath ?? path.relative(ROOT, file), options: { today: '2026-11-20', ...cfg.options } };
      const a = await accelerated.check(request);
      const b = await plain.check(request);
      assert.equal(JSON.stringify(a?.findings), JSON.stringify(b?.findings), file);
      assert.equal(JSON.stringify(a?.log), JSON.stringify(b?.log), file);
      checked += a ? 1 : 0;
    }
    assert.ok(checked > 20, `${checked} logs checked`);
  });

  it('give the same model and findings on a log kept as dated tables under week headings', async () => {
    const text = [
      '---', 'athlete: Lena Example', 'protocol: silbernagel', 'started: 2026-10-05', '---', '## Program', '### Phase 1 (weeks 1-6)',
      '- Two-leg heel raise: 3 x 15, 1x daily', '', '## Log', '### Week 1 (5-11 Oct)', '',
      '| Date | Exercise | Sets x reps | Pain during | Morning pain |', '| --- | --- | --- | --- | --- |',
      '| 2026-10-05 | Two-leg heel raise | 3 x 15 | 1/10 | 4/10 |', '| | Two-leg heel raise | 3 x 15 | 2/10 | |',
      '| 2026-10-08 | Two-leg heel raise | 3 x 15 | 6/10 | |', '', '### Week 2 (12-18 Oct)', '',
      '| Day | Exercise | Sets | Reps | Pain |', '| --- | --- | --- | --- | --- |', '| Tue 13 Oct | Two-leg heel raise | 3 | 15 | 7/10 |', '',
    ].join('\n');
    const request = { text, path: '/ws/tables.athlete.md', relativePath: 'tables.athlete.md', options: { today: '2026-10-20' } };
    const a = await accelerated.check(request);
    const b = await plain.check(request);
    assert.equal(a?.log.sessions.length, 3);
    assert.ok(a?.findings.some((f) => f.ruleId === 'pain-above-threshold'));
    assert.equal(JSON.stringify(a?.findings), JSON.stringify(b?.findings));
    assert.equal(JSON.stringify(a?.log), JSON.stringify(b?.log));
  });
});
