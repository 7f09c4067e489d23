/** The log parser: the model FORMAT.md describes, exact ranges, block-wise parsing, and robustness. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { LogDocument, parseLog, type AthleteLog, type Range } from '../../src/core/index.js';
import { runSteps } from '../../src/core/scheduler/steps.js';
import { splitBlocks } from '../../src/core/markdown/blocks.js';
import { needsGuard, parseMarkdown } from '../../src/core/markdown/parse.js';
import { parseSessionDate, parseWhole, splitExerciseLine } from '../../src/core/read/assemble.js';
import { read, ROOT } from '../helpers.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';

const EXAMPLE = read(path.join(ROOT, 'examples', 'jane-runner.athlete.md'));

function at(text: string, r: Range): string {
  return text.slice(r.start.offset, r.end.offset);
}

function lines(...l: string[]): string {
  return l.join('\n');
}

/** The model without positions, for comparing two parses. */
function shape(log: AthleteLog): Record<string, unknown> {
  return JSON.parse(JSON.stringify(log, (k, v: unknown) => (k === 'components' ? undefined : v))) as Record<string, unknown>;
}

describe('parseLog', function () {
  this.timeout(60000);

  describe('the example log', () => {
    const log = parseLog(EXAMPLE);

    it('reads the front matter', () => {
      assert.equal(log.athlete, 'Jane Runner');
      assert.equal(log.coach, 'Sam Coach');
      assert.equal(log.condition, 'Left hamstring strain');
      assert.equal(log.side, 'left');
      assert.equal(log.started, '2026-11-02');
      assert.deepEqual(log.frontMatter?.fields.map((f) => f.key), ['athlete', 'coach', 'condition', 'side', 'started']);
      assert.equal(at(EXAMPLE, log.frontMatter?.fields[0]?.range ?? log.end as unknown as Range), 'athlete: Jane Runner');
    });

    it('reads the assessment with checked state', () => {
      assert.deepEqual(log.assessment.map((a) => [a.text, a.checked]), [
        ['Loss of range in straight-knee and bent-knee raise', true],
        ['Sore spot along the hamstring', true],
        ['Pain with pressure on the SI joint', false],
        ['Tingling or buzzing down the leg', false],
      ]);
      assert.equal(at(EXAMPLE, log.assessment[2]?.range as Range), 'Pain with pressure on the SI joint');
    });

    it('reads phases with week spans and prescriptions', () => {
      assert.deepEqual(log.phases.map((p) => [p.name, p.weeks, p.prescriptions.map((x) => x.name)]), [
        ['Phase 1: Strength (weeks 1-2)', { min: 1, max: 2 }, ['Chair Bridge', 'Bridge Walk-Out']],
        ['Phase 2: Glute activation (weeks 3-4)', { min: 3, max: 4 }, ['Power Position', 'Single-Leg Chair Bridge']],
        ['Phase 3: Gait', undefined, ['Marching drill', 'Skipping drill']],
      ]);
      const chair = log.phases[0]?.prescriptions[0];
      assert.ok(chair);
      assert.equal(at(EXAMPLE, chair.nameRange), 'Chair Bridge');
      assert.equal(at(EXAMPLE, chair.dosageRange), '3 x 10, hold 3-6 s, 2x daily');
      assert.deepEqual([chair.dosage.holdSeconds?.min, chair.dosage.holdSeconds?.max], [3, 6]);
      assert.deepEqual([chair.range.start.line, chair.range.start.column], [20, 3]);
    });

    it('reads sessions with entries, notes and labels', () => {
      assert.equal(log.sessions.length, 6);
      assert.deepEqual(log.sessions.slice(0, 2).map((s) => [s.date, s.label, s.entries.map((e) => e.name), s.notes]), [
        ['2026-11-03', '', ['Chair Bridge', 'Bridge Walk-Out'], ['Felt the glutes burn on the second set.']],
        ['2026-11-04', '(rest)', [], []],
      ]);
      assert.equal(log.sessions[0]?.entries[0]?.dosage.pain?.min, 2);
      assert.equal(at(EXAMPLE, log.sessions[1]?.dateRange as Range), '2026-11-04');
      assert.equal(at(EXAMPLE, log.sessions[0]?.noteRanges[0] as Range), 'Felt the glutes burn on the second set.');
      assert.deepEqual(log.sessions[5]?.entries.map((e) => e.name), ['Marching drill', 'Chair Bridge', 'Bridge Walk-Out']);
    });

    it('parses block by block exactly as one whole document', () => {
      assert.ok(parseMarkdown(EXAMPLE).children.length > 0);
      assert.ok(splitBlocks(EXAMPLE).length > 5);
      // Points are anchored to their block, so models are compared by value (as JSON).
      assert.deepEqual(shape(parseWhole(EXAMPLE)), shape(log));
      const doc = new LogDocument();
      assert.deepEqual(shape(runSteps(doc.update(EXAMPLE)).log), shape(log));
      assert.deepEqual(shape(runSteps(doc.update(`${EXAMPLE}\n`)).log).sessions, shape(log).sessions, 'the same after an edit at the end');
    });
  });

  describe('structure', () => {
    it('accepts the other section names, nested under a title heading', () => {
      const log = parseLog(lines('# Jane', '## Evaluation', '- [x] Sore spot', '## Home Program', '### Week 1', '- Chair Bridge: 3x10', '## Training Log', '### 2026-11-03', '- Chair Bridge: 3x10'));
      assert.deepEqual(log.sections.map((s) => s.kind), ['assessment', 'program', 'log']);
      assert.equal(log.assessment.length, 1);
      assert.equal(log.phases[0]?.prescriptions.length, 1);
      assert.equal(log.sessions[0]?.entries.length, 1);
    });

    it('takes a date heading as a session even without a Log heading', () => {
      const log = parseLog(lines('# Notes', '### 2026-11-03', '- Chair Bridge: 3 x 10'));
      assert.equal(log.sessions.length, 1);
      assert.equal(log.sessions[0]?.entries[0]?.name, 'Chair Bridge');
    });

    it('puts items written directly under Program in an implicit phase', () => {
      const log = parseLog(lines('## Plan', '- Chair Bridge: 3 x 10'));
      assert.equal(log.phases[0]?.name, 'Plan');
      assert.equal(log.phases[0]?.headingRange, undefined);
    });

    it('reads entries at any depth, treats an item with sub-items and no dosage as a group label, and an item with no dosage as a note', () => {
      const log = parseLog(lines('## Log', '### 2026-11-03', '- Warm-up', '  - Marching drill: 3 bouts x 12 s', '  - Skipping drill: 3 bouts x 12 s', '- Chair Bridge: 3 x 10', '  - felt easy'));
      assert.deepEqual(log.sessions[0]?.entries.map((e) => e.name), ['Marching drill', 'Skipping drill', 'Chair Bridge']);
    });

    it('ends a section at a heading of the same or a higher level', () => {
      const log = parseLog(lines('## Program', '### Phase 1', '- Chair Bridge: 3 x 10', '## Other', '- Chair Bridge: 9 x 10'));
      assert.equal(log.phases.length, 1);
      assert.equal(log.phases[0]?.prescriptions.length, 1);
    });

    it('reads suppression comments', () => {
      const log = parseLog(lines('<!-- athlete-log-disable sets-out-of-range -->', 'text', '<!-- athlete-log-disable-next-line -->', '<!-- athlete-log-enable -->'));
      assert.deepEqual(log.suppressions.map((s) => [s.kind, s.ruleIds, s.line]), [
        ['disable', ['sets-out-of-range'], 1], ['disable-next-line', [], 3], ['enable', [], 4],
      ]);
    });

    it('reads guideline files named in front matter, one or a list', () => {
      const one = parseLog(lines('---', 'athlete: A', 'guidelines: ./clinic.md', '---'));
      assert.deepEqual(one.guidelineFiles.map((g) => g.path), ['./clinic.md']);
      const text = lines('---', 'athlete: A', 'guidelines:', '  - a.md', '  - ../b.md', '---');
      const many = parseLog(text);
      assert.deepEqual(many.guidelineFiles.map((g) => [g.path, at(text, g.range)]), [['a.md', 'a.md'], ['../b.md', '../b.md']]);
    });

    it('reports front matter that is not YAML, and goes on', () => {
      const log = parseLog(lines('---', 'athlete: [unclosed', '---', '## Log', '### 2026-11-03'));
      assert.ok((log.frontMatter?.problems.length ?? 0) > 0);
      assert.equal(log.sessions.length, 1);
    });

    it('survives a YAML alias bomb', () => {
      const bomb = lines('---', 'a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'athlete: [*d,*d,*d,*d,*d,*d,*d,*d,*d]', '---');
      const log = parseLog(bomb);
      assert.ok((log.frontMatter?.problems.length ?? 0) > 0);
      assert.equal(log.athlete, undefined);
    });

    it('keeps positions right with CRLF line endings', () => {
      const text = EXAMPLE.replace(/\n/g, '\r\n');
      const log = parseLog(text);
      const chair = log.phases[0]?.prescriptions[0];
      assert.ok(chair);
      assert.equal(at(text, chair.dosageRange), '3 x 10, hold 3-6 s, 2x daily');
      assert.equal(chair.range.start.line, 20);
    });

    it('does not split inside fenced code', () => {
      const text = lines('## Log', '```', '# not a heading', '### 2026-11-03', '```', '### 2026-11-04');
      assert.deepEqual(parseLog(text).sessions.map((s) => s.date), ['2026-11-04']);
      assert.equal(splitBlocks(text).length, 2);
    });
  });

  describe('exercise lines', () => {
    it('splits name and dosage with or without a colon', () => {
      for (const [line, name, dosage] of [
        ['Chair Bridge: 3x10', 'Chair Bridge', '3x10'],
        ['Chair Bridge 3x10', 'Chair Bridge', '3x10'],
        ['Chair Bridge - 3x10', 'Chair Bridge', '3x10'],
        ['Chair Bridge – two sets of ten', 'Chair Bridge', 'two sets of ten'],
        ['Marching drill 3 bouts x 12 s', 'Marching drill', '3 bouts x 12 s'],
        ['Walked the dog', 'Walked the dog', ''],
      ] as const) {
        const { nameEnd, dosageStart } = splitExerciseLine(line);
        assert.deepEqual([line.slice(0, nameEnd), line.slice(dosageStart)], [name, dosage], line);
      }
    });

    it('strips Markdown from names but keeps exact ranges', () => {
      const text = lines('## Program', '- **Chair Bridge**: 3 x 10');
      const p = parseLog(text).phases[0]?.prescriptions[0];
      assert.equal(p?.name, 'Chair Bridge');
      assert.equal(at(text, p?.nameRange as Range), '**Chair Bridge**');
    });
  });

  describe('session dates', () => {
    it('reads valid dates and suggests the valid form of near misses', () => {
      assert.deepEqual(parseSessionDate('2026-11-03 (rest)'), { dateText: '2026-11-03', date: '2026-11-03', label: '(rest)' });
      assert.deepEqual(parseSessionDate('20261103'), { dateText: '20261103', date: '2026-11-03', label: '' });
      assert.deepEqual(parseSessionDate('2026-11-3'), { dateText: '2026-11-3', suggestion: '2026-11-03', label: '' });
      assert.deepEqual(parseSessionDate('2026-02-30'), { dateText: '2026-02-30', label: '' });
      assert.equal(parseSessionDate('Week 1'), undefined);
    });
  });

  describe('properties', () => {
    const md = fc.array(fc.constantFrom('# Log', '## Program', '### 2026-11-03', '- Chair Bridge: 3x10', '  - x', '```', '~~~', '<!--', '-->', '<div>', '', '---', 'athlete: A', '> q', '1. a', 'text', '- [x] a', '|a|b|', '|-|-|', '    code', '\r', '\t- Bridge 2 x 10', '- Chair ~Bridge~: 3x10', 'see www.example.com', '- a@b.co: 3 x 10', '[^1]: note', '- Bridge https://x.y 3x10'), { maxLength: 30 }).map((l) => l.join('\n'));
    const anyText = fc.oneof(md, fc.string({ unit: 'binary', maxLength: 200 }));

    it('never throws and keeps every range inside the text', () => {
      fc.assert(fc.property(anyText, (text) => {
        const log = parseLog(text);
        const ranges: Range[] = [
          ...log.sections.map((s) => s.headingRange), ...log.assessment.map((a) => a.range),
          ...log.phases.flatMap((p) => p.prescriptions.flatMap((x) => [x.range, x.nameRange, x.dosageRange])),
          ...log.sessions.flatMap((s) => [s.headingRange, s.dateRange, ...s.entries.flatMap((x) => [x.range, x.nameRange, x.dosageRange])]),
        ];
        for (const r of ranges) {
          assert.ok(r.start.offset >= 0 && r.start.offset <= r.end.offset && r.end.offset <= text.length);
        }
      }), { seed: 1125, numRuns: 300 });
    });

    it('gives the same model block by block as in one piece', () => {
      fc.assert(fc.property(md, (text) => {
        const blocks = splitBlocks(text);
        assert.equal(blocks.map((b) => b.text).join(''), text, 'blocks cover the text exactly');
        assert.deepEqual(shape(parseLog(text)), shape(parseWhole(text)));
      }), { seed: 3, numRuns: 300 });
    });
  });
});

describe('the cheaper pipelines parse as full GFM does', function () {
  this.timeout(60000);
  const gfm = unified().use(remarkParse).use(remarkGfm);
  const children = (t: string): unknown => JSON.parse(JSON.stringify(t === '' ? [] : gfm.parse(t).children));
  const ours = (t: string): unknown => JSON.parse(JSON.stringify(parseMarkdown(t, false).children));

  it('reads links written in capitals and task boxes with a tab, as GFM does', () => {
    for (const text of ['Notes at WWW.example.org today\n', 'Plan: HTTPS://example.org/plan\n', 'Www.example.org\n', '- [\t] Foam roll\n', '- [X] Foam roll\n']) {
      assert.deepEqual(ours(text), children(text), text);
    }
    assert.equal(JSON.stringify(parseMarkdown('Notes at WWW.example.org today\n', false)).includes('"link"'), true);
  });

  it('a text whose only GFM mark is a table pipe, or any other mix (property)', () => {
    const piece = fc.constantFrom('| set | reps |\n|---|---:|\n| 1 | 10 |\n', '| a |\n', 'plain words ', 'WWW.example.org ', 'http://example.org ', 'HTTPS://x.org ',
      'coach@example.org ', '~~gone~~ ', '~one~ ', '- [ ] box\n', '- [x] done\n', '- [\t] tab\n', '[^1] ', '[^1]: note\n', '*em* ', '`a|b` ', '\\| ', '\n', '\n\n', '> q | r\n', '- item | x\n');
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 80 }), (parts, times) => {
      const text = parts.join('').repeat(times);
      // Storms of openers are cut on purpose (guard.ts, limits.test.ts); every other text parses as GFM.
      fc.pre(!needsGuard(text));
      assert.deepEqual(ours(text), children(text));
    }), { numRuns: 200, seed: 7 });
  });
});
