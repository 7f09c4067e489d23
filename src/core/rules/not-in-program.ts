/**
 * `not-in-program`: a logged exercise that no phase of the program prescribes (names and aliases of one
 * guideline count as the same exercise, and a name no guideline knows counts without a bracketed
 * qualifier at its end: logView.ts, `exerciseKeyOf`). Only logs with a program are checked.
 *
 * Rationale: extra exercises are sometimes right, but an unplanned one in a rehab log may be load the
 * program does not account for, or a renamed exercise that no longer links to its prescription.
 */
import { exerciseKey, prescriptionsByKey } from '../coaching/coaching.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'not-in-program',
  description: 'A logged exercise that the program does not prescribe.',
  defaultSeverity: 'information',
  fixable: false,
  scope: 'block',
  check(ctx) {
    const prescribed = prescriptionsByKey(ctx.log, ctx.library);
    if (prescribed.size === 0) {
      return;
    }
    for (const s of ctx.scope.sessions) {
      for (const e of s.entries) {
        if (e.dosage.components.length === 0 || prescribed.has(exerciseKey(ctx.library, e.name))) {
          continue;
        }
        ctx.report({ range: e.nameRange, message: `${e.name} is logged, but no phase of the program prescribes it` });
      }
    }
  },
};

export default rule;
