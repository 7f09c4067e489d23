/**
 * The built-in library against the domain facts (../shared/domain/hamstring-guidelines.md): every exercise
 * and variant is known, the numbers match the domain table, and every guideline cites its source.
 */
import assert from 'node:assert/strict';
import { builtinLibrary } from '../helpers.js';

const lib = builtinLibrary();

function span(name: string, field: 'sets' | 'reps' | 'holdSeconds' | 'bouts' | 'boutSeconds' | 'steps' | 'perDay'): [number, number] | undefined {
  const q = lib.lookup(name)?.dosage?.[field];
  return q ? [q.min, q.max] : undefined;
}

describe('built-in guideline library', () => {
  it('has no problems', () => {
    assert.deepEqual(lib.problems, []);
  });

  it('cites the column for every guideline of its own file, and every guideline its source', () => {
    for (const g of lib.all()) {
      assert.ok(g.cues.length > 0, `${g.name} has cues`);
      assert.match(g.source ?? '', /\d{4}|iRunFar/, g.name);
      if (g.file === 'built-in:hamstring.md') {
        assert.match(g.source ?? '', /Hamstrung.*Uhan.*iRunFar/, g.name);
      }
    }
  });

  it('matches the domain table', () => {
    assert.deepEqual([span('Chair Bridge', 'sets'), span('Chair Bridge', 'reps'), span('Chair Bridge', 'holdSeconds'), span('Chair Bridge', 'perDay')], [[2, 3], [10, 10], [3, 6], [1, 2]]);
    assert.deepEqual([span('Single-Leg Chair Bridge', 'sets'), span('Single-Leg Chair Bridge', 'holdSeconds')], [[2, 3], [3, 6]]);
    assert.deepEqual([span('Bridge Walk-Out', 'sets'), span('Bridge Walk-Out', 'reps'), span('Bridge Walk-Out', 'steps'), span('Bridge Walk-Out', 'perDay')], [[2, 3], [10, 10], [4, 5], [1, 2]]);
    assert.deepEqual([span('Power Position', 'reps'), span('Power Position', 'holdSeconds'), span('Power Position', 'perDay')], [[4, 6], [6, Number.POSITIVE_INFINITY], [1, 2]]);
    assert.equal(lib.lookup('Power Position')?.dosage?.side?.value, 'succession', 'the column repeats the same side in succession');
    for (const drill of ['Marching drill', 'Skipping drill']) {
      assert.deepEqual([span(drill, 'bouts'), span(drill, 'boutSeconds')], [[3, 4], [10, 15]], drill);
      assert.equal(lib.lookup(drill)?.dosage?.perRun, true);
      assert.equal(lib.lookup(drill)?.dosage?.timing?.value, 'before-run');
    }
  });

  it('knows the progressions both ways', () => {
    assert.deepEqual(lib.lookup('Chair Bridge')?.progression, ['Single-Leg Chair Bridge']);
    assert.deepEqual(lib.lookup('Single-Leg Chair Bridge')?.regression, ['Chair Bridge']);
    assert.deepEqual(lib.lookup('Bridge Walk-Out')?.progression, ['Bridge Walk-Out with Leg Raise']);
    assert.deepEqual(lib.lookup('Marching drill')?.progression, ['Skipping drill']);
    for (const g of lib.all()) {
      for (const p of [...g.progression, ...g.regression]) {
        assert.ok(lib.lookup(p), `${g.name} names ${p}, which the library knows`);
      }
    }
  });

  it('knows the initial-treatment items and the Nordic curl, without numbers, in the column\'s file', () => {
    const column = lib.select(['hamstring']);
    for (const name of ['Nordic hamstring curl', 'nordic curl', 'RICE', 'ice', 'foam rolling', 'soft-tissue mobilization', 'hamstring stretch', 'hamstring strengthening']) {
      const g = column.lookup(name);
      assert.ok(g, name);
      assert.equal(g.dosage, undefined, `${name} has no numbers`);
    }
  });
});
