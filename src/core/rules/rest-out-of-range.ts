/**
 * `rest-out-of-range`: The rest between sets or bouts is outside the guideline range.
 *
 * Rationale: Rest sets how hard a session is: a shorter rest than the guideline asks for makes every set
 * that follows harder, a much longer one loses the training effect the protocol counts on (heavy slow
 * resistance rests 2-3 min between sets, say). Only checked where the exercise's guideline gives a rest
 * (its `Rest:` item or a rest in its dosage); the range is the guideline's, never a number in this rule.
 *
 * Source of the ranges: the guideline file the message names.
 *
 * Fix: moves the rest to the nearest bound of the guideline's range, in the writer's unit (`rest 30 s`
 * becomes `rest 60 s`). Shortening a rest makes the session harder, so that fix is offered as a quick fix
 * only, never applied in bulk.
 */
import { formatSeconds } from '../dosage/fields.js';
import { outOfRangeRule } from './out-of-range.js';

export default outOfRangeRule({
  id: 'rest-out-of-range',
  description: 'The rest between sets or bouts is outside the guideline range.',
  field: 'restSeconds',
  describe: formatSeconds,
  found: (v) => `rest ${v}`,
});
