/**
 * `off-program-dosage`: a logged dosage differs from the program's prescription for that exercise (for
 * example `2 x 10` logged, `3 x 10` prescribed). Compares sets, reps, hold, bouts, bout time and steps
 * with the prescription of the phase that was current on the session's date (else the latest one).
 *
 * Rationale: the log is where the coach sees whether the program was done as written; a steady
 * difference is either a program to adjust or a habit to correct.
 */
import { differsFrom } from '../coaching/coaching.js';
import { prescriptionFinder } from '../coaching/prescription.js';
import { AMOUNT_FIELDS } from '../dosage/fields.js';
import type { ExerciseLine } from '../model.js';

/** The parts `parts` of a dosage as the field table says them (`hold 5 s`). */
function describe(d: ExerciseLine['dosage'], parts: readonly string[]): string {
  return AMOUNT_FIELDS.filter((f) => parts.includes(f.name)).map((f) => {
    const q = d[f.name];
    return q ? f.amount.says(q) : '';
  }).filter((x) => x !== '').join(', ');
}
import { capitalize, type Rule } from './rule.js';

const rule: Rule = {
  id: 'off-program-dosage',
  description: 'A logged dosage differs from the program\'s prescription.',
  defaultSeverity: 'information',
  fixable: false,
  scope: 'block',
  check(ctx) {
    // A block with no logged entry (each phase of a program, say) needs no lookup: building it for each
    // block made a program of n phases take n * n steps.
    if (!ctx.scope.sessions.some((s) => s.entries.length > 0)) {
      return;
    }
    const prescriptionOf = prescriptionFinder(ctx.log, ctx.library);
    for (const s of ctx.scope.sessions) {
      for (const e of s.entries) {
        const prescribed = prescriptionOf(s.date, e.name);
        if (!prescribed) {
          continue;
        }
        const parts = differsFrom(e.dosage, prescribed.dosage);
        if (parts.length === 0) {
          continue;
        }
        const first = parts[0] as 'sets';
        const q = e.dosage[first];
        ctx.report({
          range: q ? ctx.index.range(e.dosageRange.start.offset + q.start, e.dosageRange.start.offset + (q.unitEnd ?? q.end)) : e.dosageRange,
          message: `${capitalize(describe(e.dosage, parts))} logged for ${e.name}; the program prescribes ${describe(prescribed.dosage, parts)} (line ${prescribed.range.start.line})`,
        });
      }
    }
  },
};

export default rule;
