/**
 * `weeks-out-of-range`: A prescription's program length (`for 16 weeks`) is outside the guideline's.
 *
 * Rationale: Tendon and strength protocols are tested over a set length (12 weeks of heavy slow
 * resistance, say); stopping early loses the effect the protocol was chosen for, and running it much
 * longer without review is a decision to make on purpose. Only checked where the exercise's guideline
 * gives a length (its `Weeks:` item or `for N weeks` in its dosage) and the line writes one.
 *
 * Source of the ranges: the guideline file the message names.
 *
 * Fix: moves the number of weeks to the nearest bound of the guideline's range (`for 6 weeks` becomes
 * `for 12 weeks`). A longer program is a larger dose, so that fix is offered as a quick fix only.
 */
import { outOfRangeRule } from './out-of-range.js';

export default outOfRangeRule({
  id: 'weeks-out-of-range',
  description: 'The program length is outside the guideline range.',
  field: 'weeks',
  found: (v) => (v === '1' ? 'for 1 week' : `for ${v} weeks`),
});
