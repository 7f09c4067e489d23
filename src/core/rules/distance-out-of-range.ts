/**
 * `distance-out-of-range`: The distance of each repeat (or of the whole run or walk) is outside the
 * guideline range.
 *
 * Rationale: In a return-to-run or walking program the distance is the dose: a repeat longer than the
 * stage allows loads the healing tissue before it is ready. Only checked where the exercise's guideline
 * gives a distance (its `Distance:` item or a distance in its dosage); the range is the guideline's,
 * never a number in this rule. Miles, yards and kilometres are compared in metres.
 *
 * Source of the ranges: the guideline file the message names.
 *
 * Fix: moves the distance to the nearest bound of the guideline's range, in the writer's unit when it
 * can (`6 x 1000 m` becomes `6 x 800 m`; `2 km` against 400-800 m becomes `800 m`).
 */
import type { Span } from '../model.js';
import { formatMeters } from '../dosage/fields.js';
import { outOfRangeRule } from './out-of-range.js';

/** Whole metres: a mile reads `1609 m`, not `1609.344 m`. */
function meters(s: Span): string {
  return formatMeters({ min: Math.round(s.min), max: s.max === Number.POSITIVE_INFINITY ? s.max : Math.round(s.max) });
}

export default outOfRangeRule({
  id: 'distance-out-of-range',
  description: 'The distance of each repeat or run is outside the guideline range.',
  field: 'distanceMeters',
  describe: meters,
  baseUnit: 'm',
  found: (v) => `distance ${v}`,
});
