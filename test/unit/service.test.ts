/** The service facade: which files are logs, options, suppression comments, injected files, fixes. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createAthleteLogService, type Finding } from '../../src/core/index.js';
import { builtinGuidelines } from '../../src/cli/node-host.js';
import { ROOT } from '../helpers.js';

function lines(...l: string[]): string {
  return l.join('\n');
}

const files = new Map<string, string>();
const service = createAthleteLogService({
  builtinGuidelines: builtinGuidelines(ROOT),
  workspace: {
    readFile: (p) => {
      const t = files.get(p);
      return t === undefined ? Promise.reject(new Error(`ENOENT: ${p}`)) : Promise.resolve(t);
    },
  },
});

const LOG = lines('---', 'athlete: A', '---', '## Program', '- Chair Bridge: 5 x 10, hold 5 s, 2x daily', '- Chair Bridge: 3 x 10, hold 9 s, 2x daily');

async function ids(text: string, options = {}): Promise<string[]> {
  const r = await service.check({ text, options });
  return (r?.findings ?? []).map((f) => `${f.range.start.line}:${f.ruleId}`);
}

describe('service', function () {
  this.timeout(60000);

  it('treats a file as a log by front matter or by name, and nothing else', async () => {
    assert.deepEqual(service.classify(LOG, 'notes/a.md'), { isLog: true, byPath: false });
    assert.deepEqual(service.classify('# x', 'logs/jane.athlete.md'), { isLog: true, byPath: true });
    assert.deepEqual(service.classify('# x', 'README.md'), { isLog: false, byPath: false });
    assert.deepEqual(service.classify('# x', 'j.log.md', { files: ['**/*.log.md'] }), { isLog: true, byPath: true });
    assert.equal(await service.check({ text: '# Readme\n- Chair Bridge: 9 x 10', relativePath: 'README.md' }), undefined);
  });

  it('applies severities from options and turns rules off', async () => {
    const r = await service.check({ text: LOG, options: { rules: { 'sets-out-of-range': 'error', 'hold-out-of-range': 'off', 'duplicate-prescription': 'off' } } });
    assert.deepEqual(r?.findings.map((f) => [f.ruleId, f.severity]), [['sets-out-of-range', 'error']]);
  });

  it('honours suppression comments', async () => {
    const text = lines('---', 'athlete: A', '---', '## Program',
      '<!-- athlete-log-disable-next-line sets-out-of-range -->',
      '- Chair Bridge: 5 x 10, hold 5 s, 2x daily',
      '- Chair Bridge: 5 x 10, hold 5 s, 2x daily',
      '<!-- athlete-log-disable -->',
      '- Chair Bridge: 5 x 10, hold 9 s, 2x daily',
      '<!-- athlete-log-enable hold-out-of-range -->',
      '- Chair Bridge: 5 x 10, hold 9 s, 2x daily',
      '<!-- athlete-log-enable -->',
      '- Chair Bridge: 5 x 10, hold 5 s, 2x daily');
    assert.deepEqual(await ids(text, { rules: { 'duplicate-prescription': 'off' } }), ['7:sets-out-of-range', '11:hold-out-of-range', '13:sets-out-of-range']);
  });

  it('reads extra guideline files through the injected workspace, relative to the log', async () => {
    files.set('/ws/logs/clinic.md', '## Chair Bridge\n- Dosage: 4-5 x 10\n- Source: Clinic\n');
    files.set('/ws/shared.md', '## Heel Slide\n- Dosage: 2 x 10\n');
    const text = lines('---', 'athlete: A', 'guidelines: ./clinic.md', '---', '## Program', '- Chair Bridge: 5 x 10', '- Heel Slide: 3 x 10');
    const r = await service.check({ text, path: '/ws/logs/jane.md', options: { guidelineFiles: ['/ws/shared.md'] } });
    const f = r?.findings.map((x) => `${x.range.start.line}:${x.ruleId}:${x.guideline?.file ?? ''}`);
    assert.deepEqual(f, ['7:sets-out-of-range:/ws/shared.md']);
    const sources = r?.library.lookup('chair bridge')?.source;
    assert.equal(sources, 'Clinic');
  });

  it('reports a missing guideline file on its front-matter line and keeps checking', async () => {
    const text = lines('---', 'athlete: A', 'guidelines: ./nowhere.md', '---', '## Program', '- Chair Bridge: 5 x 10, hold 5 s, 2x daily');
    const r = await service.check({ text, path: '/ws/jane.md' });
    assert.deepEqual(r?.findings.map((x) => `${x.range.start.line}:${x.ruleId}`), ['3:guideline-file-problem', '6:sets-out-of-range']);
    assert.match(r?.findings[0]?.message ?? '', /nowhere\.md.*file not found/);
  });

  it('carries the guideline a finding relied on', async () => {
    const r = await service.check({ text: LOG });
    const g = r?.findings[0]?.guideline;
    assert.equal(g?.exercise, 'Chair Bridge');
    assert.equal(g?.file, 'built-in:hamstring.md');
    assert.match(g?.source ?? '', /Uhan/);
  });

  describe('fixes', () => {
    const lineArb = fc.constantFrom(
      '- Chair Bridge: 5 x 10, hold 9 s, 3x daily', '- Chiar Bridge: 3 x 10', '- Marching drill: 9 bouts x 40 s, after run',
      '- Bridge Walk-Out: 2 x 12', '- Power Position: two reps', '- Skipping drill: 3 x 2 min', '- Chair Bridge: five sets of twenty',
      '### 2026-11-3', '### 2026/11/04', '### 2026-11-05', '## Log', '## Program', '### Phase 1', 'Some notes.', '',
      '- Single-Leg Chair Bridge:', '- Chair Bridge 9x10 TID', '- Bridge Walk-Out: 2 x 10, 9 steps each leg, per run',
    );
    const doc = fc.array(lineArb, { maxLength: 25 }).map((l) => lines('---', 'athlete: A', '---', ...l, ''));

    it('edit only their own ranges, and fixing then checking again finds nothing fixable', async () => {
      await fc.assert(fc.asyncProperty(doc, async (text) => {
        const r = await service.check({ text });
        const findings: Finding[] = r?.findings ?? [];
        const { text: fixed } = service.fix(text, findings);
        // Outside the union of all edit ranges, the text is byte for byte the same.
        const edits = findings.flatMap((f) => f.fix?.edits ?? []).sort((a, b) => a.range.start.offset - b.range.start.offset);
        const first = edits[0];
        const last = edits[edits.length - 1];
        if (first && last) {
          assert.equal(fixed.slice(0, first.range.start.offset), text.slice(0, first.range.start.offset));
          const tail = text.length - Math.max(...edits.map((e) => e.range.end.offset));
          assert.equal(fixed.slice(fixed.length - tail), text.slice(text.length - tail));
        } else {
          assert.equal(fixed, text);
        }
        // Fix-all converges: a second round may still find fixes that overlapped in the first, never more.
        const again = await service.check({ text: fixed });
        const twice = service.fix(fixed, again?.findings ?? []).text;
        const third = await service.check({ text: twice });
        assert.deepEqual((third?.findings ?? []).filter((f) => f.fix).map((f) => `${f.range.start.line} ${f.ruleId}: ${f.message}`), []);
      }), { seed: 99, numRuns: 150 });
    });
  });
});
