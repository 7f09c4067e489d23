/**
 * `hold-out-of-range`: The hold time is outside the guideline range.
 *
 * Rationale: Holds train the glutes to switch on and stay on; a shorter hold misses that, a longer one fatigues the hamstring the program is protecting. The range is the exercise guideline's (built-in library or the coach's own guideline
 * files), never a number in this rule; the message names the guideline it relied on.
 *
 * Source of the built-in ranges: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * Fix: moves the number to the nearest bound of the guideline's range, in the writer's notation
 * (`5 x 10` becomes `3 x 10`, `five sets of ten` becomes `three sets of ten`).
 */
import { outOfRangeRule } from './out-of-range.js';

export default outOfRangeRule({
  id: 'hold-out-of-range',
  description: 'The hold time is outside the guideline range.',
  field: 'holdSeconds',
  found: (v) => `hold ${v} s`,
});
