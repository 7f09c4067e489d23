/** Test helpers for the dosage grammar, shared by test/unit/dosage.test.ts and test/unit/notation.test.ts. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dosageToJson, formatDosage, parseDosage, type Dosage, type DosageJson, type Quantity } from '../src/core/index.js';

/** What a dosage text should read to: its JSON without the problems list. */
export type Expect = Partial<Omit<DosageJson, 'problems'>>;

/** A span `min`-`max` (one number when `max` is left out). */
export const s = (min: number, max = min): { min: number; max: number } => ({ min, max });

/** The JSON `text` reads to, after checking that it reads without problems. */
export function values(text: string): Expect {
  const { problems, ...rest } = dosageToJson(parseDosage(text));
  assert.deepEqual(problems, [], `no problems in ${JSON.stringify(text)}`);
  return rest;
}

/** Random spans: a low end in `[lo, hi]`, the high end up to 3 above it. */
export const spanArb = (lo: number, hi: number): fc.Arbitrary<{ min: number; max: number }> =>
  fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: 3 })).map(([a, b]) => ({ min: a, max: a + b }));

/** A span as a model quantity written in digits (no place in a text). */
export const q = (sp: { min: number; max: number }): Quantity => ({ ...sp, start: 0, end: 0, style: 'digits' });

/** Formats `d`, reads the text back, and checks that it reads without problems to the same values and text. */
export function assertRoundTrip(d: Dosage): void {
  const text = formatDosage(d);
  const back = parseDosage(text);
  assert.deepEqual(back.problems, [], text);
  assert.deepEqual(dosageToJson(back), dosageToJson(d), text);
  assert.equal(formatDosage(back), text);
}
