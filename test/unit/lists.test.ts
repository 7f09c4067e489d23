/** src/core/lists.ts: the one binary search (`partitionPoint`), held to counting by hand. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { partitionPoint } from '../../src/core/lists.js';

describe('partitionPoint', () => {
  it('is 0 for an empty list, and the length when every item is before the cut', () => {
    assert.equal(partitionPoint(0, () => true), 0);
    assert.equal(partitionPoint(5, () => true), 5);
    assert.equal(partitionPoint(5, () => false), 0);
  });

  it('finds where the sorted list passes a value, as counting the items at most the value does', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { maxLength: 60 }), fc.integer({ min: -25, max: 25 }), (raw, x) => {
      const sorted = [...raw].sort((a, b) => a - b);
      assert.equal(partitionPoint(sorted.length, (i) => (sorted[i] ?? 0) <= x), sorted.filter((v) => v <= x).length);
      assert.equal(partitionPoint(sorted.length, (i) => (sorted[i] ?? 0) < x), sorted.filter((v) => v < x).length);
    }), { seed: 12, numRuns: 500 });
  });

  it('asks only about indexes inside the list', () => {
    const asked: number[] = [];
    partitionPoint(1000, (i) => {
      asked.push(i);
      return i < 637;
    });
    assert.ok(asked.every((i) => i >= 0 && i < 1000));
    assert.ok(asked.length <= 11, `${asked.length} questions for 1000 items`);
  });
});
