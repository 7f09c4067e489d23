/** Guideline files and the library: parsing, overrides, lookup by alias, suggestions, problems. */
import assert from 'node:assert/strict';
import { GuidelineLibrary, parseGuidelineFile } from '../../src/core/index.js';
import * as path from 'node:path';
import { builtinLibrary, FIXTURES, read } from '../helpers.js';

const CLINIC = `# Clinic

Intro text is not an exercise.

## Chair Bridge
- Dosage: 3-4 x 12, hold 5 s, 1x daily
- Aliases: hip lift
- Cues: slow down; breathe out on the way up
- Progression: Single-Leg Chair Bridge (same dosage); Bridge Walk-Out
- Regression: Floor Bridge
- Source: Clinic protocol 2026
`;

describe('guideline files', () => {
  it('reads every key of FORMAT.md', () => {
    const f = parseGuidelineFile(CLINIC, '/ws/clinic.md');
    assert.deepEqual(f.problems, []);
    assert.equal(f.guidelines.length, 1);
    const g = f.guidelines[0];
    assert.ok(g);
    assert.equal(g.name, 'Chair Bridge');
    assert.deepEqual(g.aliases, ['hip lift']);
    assert.deepEqual(g.cues, ['slow down', 'breathe out on the way up']);
    assert.deepEqual(g.progression, ['Single-Leg Chair Bridge', 'Bridge Walk-Out']);
    assert.deepEqual(g.regression, ['Floor Bridge']);
    assert.equal(g.source, 'Clinic protocol 2026');
    assert.deepEqual([g.dosage?.sets?.min, g.dosage?.sets?.max, g.dosage?.holdSeconds?.max], [3, 4, 5]);
    assert.equal(g.range.start.line, 5);
    assert.equal(g.file, '/ws/clinic.md');
  });

  it('reports a bad dosage at its place and keeps the exercise', () => {
    const f = parseGuidelineFile('## Heel Slide\n- Dosage: 2-3 x 10, hold for 5\n', 'g.md');
    assert.equal(f.guidelines.length, 1);
    assert.deepEqual(f.problems.map((p) => [p.range.start.line, p.range.start.column, p.range.end.column]), [[2, 21, 31]]);
  });

  it('reports a range with min above max', () => {
    const f = parseGuidelineFile('## Heel Slide\n- Dosage: 5-3 x 10\n', 'g.md');
    assert.match(f.problems[0]?.message ?? '', /smaller number first/);
  });

  it('reports an exercise defined twice in one file and keeps the first', () => {
    const f = parseGuidelineFile('## A\n- Dosage: 3 x 10\n\n## a\n- Dosage: 9 x 10\n', 'g.md');
    assert.equal(f.guidelines.length, 1);
    assert.equal(f.guidelines[0]?.dosage?.sets?.min, 3);
    assert.match(f.problems[0]?.message ?? '', /^A second guideline for a in one file \(the first is on line 1\); keep one$/);
  });

  it('reports an empty file and a file that is not guidelines', () => {
    for (const text of ['', 'just some prose\n', '\u0000\u0001binary\uFFFD']) {
      const f = parseGuidelineFile(text, 'g.md');
      assert.equal(f.guidelines.length, 0);
      assert.match(f.problems[0]?.message ?? '', /^No exercises in this guideline file/);
    }
  });

  it('reads the part items of the field table (Rest, Intensity, RPE, RIR, Distance, Weeks, Every, Tempo)', () => {
    const f = parseGuidelineFile(read(path.join(FIXTURES, 'guidelines', 'parts.md')), 'parts.md');
    assert.deepEqual(f.problems, []);
    const span = (q: { min: number; max: number } | undefined): number[] | undefined => (q ? [q.min, q.max] : undefined);
    const squat = f.guidelines.find((g) => g.name === 'Goblet Squat')?.dosage;
    assert.deepEqual([span(squat?.sets), span(squat?.restSeconds), span(squat?.rir), span(squat?.weeks)], [[3, 4], [120, 180], [1, 3], [8, 12]]);
    assert.deepEqual([squat?.intensity?.min, squat?.intensity?.max, squat?.intensity?.unit], [70, 80, '%1RM']);
    const press = f.guidelines.find((g) => g.name === 'Leg Press')?.dosage;
    assert.deepEqual([span(press?.rpe), press?.intensity?.unit, span(press?.restSeconds)], [[6, 8], 'RM', [60, 90]]);
    const hills = f.guidelines.find((g) => g.name === 'Hill Repeats');
    assert.deepEqual([span(hills?.dosage?.distanceMeters), span(hills?.dosage?.intervalDays)], [[100, 200], [2, 3]]);
    assert.deepEqual(hills?.parts, ['dosage', 'distance', 'rest', 'every']);
    const t = parseGuidelineFile('## A\n- Dosage: 3 x 10\n- Tempo: 3-0-3\n- Weeks: 12\n- Duration: 6 weeks\n', 'g.md');
    assert.deepEqual([t.guidelines[0]?.dosage?.tempo, t.guidelines[0]?.weeks?.max], ['3-0-3', 6]);
  });

  it('reports a part item that is not that part, at its place', () => {
    const f = parseGuidelineFile('## A\n- Dosage: 3 x 10\n- Rest: 3 x 10\n- RIR: lots\n- Distance: 12\n', 'g.md');
    assert.deepEqual(f.problems.map((p) => [p.range.start.line, p.message]), [
      [3, 'Unexpected Rest value `3 x 10`, expected a rest such as `Rest: 60-90 s`'],
      [4, 'Unexpected RIR value `lots`, expected a RIR such as `RIR: 1-3`'],
      [5, 'Unexpected Distance value `12`, expected a distance such as `Distance: 400-800 m`'],
    ]);
    assert.equal(f.guidelines[0]?.dosage?.restSeconds, undefined);
    assert.equal(f.guidelines[0]?.dosage?.sets?.min, 3);
  });

  it('keeps a known exercise without numbers', () => {
    const f = parseGuidelineFile('## Nordic curl\n- Source: somewhere\n', 'g.md');
    assert.equal(f.guidelines[0]?.dosage, undefined);
  });
});

describe('guideline library', () => {
  const builtin = builtinLibrary();

  it('looks up by name or alias, ignoring case, dashes and spacing', () => {
    for (const name of ['Chair Bridge', 'chair bridge', 'CHAIR  BRIDGE', 'chair bridges', 'bridge on chair', 'Single Leg Chair Bridge', 'single-leg chair-bridge']) {
      assert.ok(builtin.lookup(name), name);
    }
    assert.equal(builtin.lookup('high-knee skip')?.name, 'Skipping drill');
    assert.equal(builtin.lookup('Goblet Squat'), undefined);
  });

  it('suggests a close name for a typo, and nothing for a stranger', () => {
    assert.equal(builtin.suggest('Chiar Bridge'), 'Chair Bridge');
    assert.equal(builtin.suggest('Bridge Wlak-Out'), 'Bridge Walk-Out');
    assert.equal(builtin.suggest('Skiping drill'), 'Skipping drill');
    assert.equal(builtin.suggest('Goblet Squat'), undefined);
    assert.equal(builtin.suggest(''), undefined);
  });

  it('lets a later file override an earlier one, aliases included', () => {
    const lib = new GuidelineLibrary([...builtinLibrary().files, parseGuidelineFile(CLINIC, 'clinic.md')]);
    const g = lib.lookup('chair bridge');
    assert.equal(g?.file, 'clinic.md');
    assert.equal(g?.dosage?.sets?.max, 4);
    assert.equal(lib.lookup('hip lift')?.file, 'clinic.md');
    assert.equal(lib.lookup('bridge on chair'), undefined, 'the built-in aliases went with the overridden guideline');
    assert.equal(lib.all().filter((x) => x.name === 'Chair Bridge').length, 1);
  });

  it('lists every guideline once, in name order', () => {
    const names = builtin.all().map((g) => g.name);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b)));
    assert.equal(new Set(names).size, names.length);
  });
});
