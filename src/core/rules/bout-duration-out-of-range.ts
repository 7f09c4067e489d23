/**
 * `bout-duration-out-of-range`: The length of each bout of a timed drill is outside the guideline range.
 *
 * Rationale: A drill bout should stay short and crisp so the stride pattern stays compact. The range is the exercise guideline's (built-in library or the coach's own guideline
 * files), never a number in this rule; the message names the guideline it relied on.
 *
 * Source of the built-in ranges: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * Fix: moves the number to the nearest bound of the guideline's range, in the writer's notation
 * (`5 x 10` becomes `3 x 10`, `five sets of ten` becomes `three sets of ten`).
 */
import { outOfRangeRule } from './out-of-range.js';

export default outOfRangeRule({
  id: 'bout-duration-out-of-range',
  description: 'The length of each bout of a timed drill is outside the guideline range.',
  field: 'boutSeconds',
  found: (v) => `${v} s bouts`,
});
