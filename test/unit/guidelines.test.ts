/** Guideline files and the library: parsing, overrides, lookup by alias, suggestions, problems. */
import assert from 'node:assert/strict';
import { GuidelineLibrary, parseGuidelineFile } from '../../src/core/index.js';
import { builtinLibrary } from '../helpers.js';

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
