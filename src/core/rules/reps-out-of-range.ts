/**
 * `reps-out-of-range`: The number of repetitions is outside the guideline range.
 *
 * Rationale: Repetitions set the volume of each set; staying inside the guideline keeps the load where the program meant it. The range is the exercise guideline's (built-in library or the coach's own guideline
 * files), never a number in this rule; the message names the guideline it relied on.
 *
 * Source of the built-in ranges: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * When the guideline gives reps but no sets (Power Position: 4-6 holds on one side), the reps of all
 * sets count together, so `2 x 5` (10 holds) is flagged too (hamstring review F13).
 *
 * Fix: moves the number to the nearest bound of the guideline's range, in the writer's notation
 * (`5 x 10` becomes `3 x 10`, `five sets of ten` becomes `three sets of ten`); none for a total over
 * several sets.
 */
import { outOfRangeRule } from './out-of-range.js';
import { plural } from './rule.js';

export default outOfRangeRule({
  id: 'reps-out-of-range',
  description: 'The number of repetitions is outside the guideline range.',
  field: 'reps',
  found: (v) => plural(v, 'rep'),
  totalWithoutSets: true,
});
