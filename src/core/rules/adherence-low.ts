/**
 * `adherence-low`: in the last complete program week, the exercise was logged on fewer days than its
 * prescribed frequency asks for (for example `2x daily` prescribed, 3 days with it in 7; a daily
 * prescription asks for every day, `3x/week` for 3).
 * Reported on the prescription, in the current phase.
 *
 * Rationale: a dosage only works when it is done; a gap between program and log is worth a conversation
 * before the program is blamed. Weeks count from `started` (without it, the 7 days before today); a log
 * with no sessions yet is not judged.
 */
import { currentPhase, exerciseKey, lastCompleteWeek, minPerWeek } from '../coaching.js';
import { formatFrequency } from '../dosage/format.js';
import { dayNumber, isoDate } from '../history.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'adherence-low',
  description: 'Fewer sessions of a prescribed exercise were logged last week than its frequency asks for.',
  defaultSeverity: 'information',
  fixable: false,
  check(ctx) {
    const week = lastCompleteWeek(ctx.log, ctx.options.today);
    const phase = currentPhase(ctx.log, ctx.options.today);
    if (!week || !phase || !ctx.log.sessions.some((s) => s.date !== undefined)) {
      return;
    }
    for (const p of phase.prescriptions) {
      const expected = minPerWeek(p.dosage);
      if (expected === undefined) {
        continue;
      }
      const key = exerciseKey(ctx.library, p.name);
      const days = new Set(ctx.log.sessions.filter((s) => {
        const d = dayNumber(s.date);
        return d !== undefined && d >= week.from && d <= week.to && s.entries.some((e) => exerciseKey(ctx.library, e.name) === key);
      }).map((s) => s.date));
      const logged = days.size;
      if (logged >= expected) {
        continue;
      }
      ctx.report({
        range: p.range,
        message: `Unexpected ${logged} day${logged === 1 ? '' : 's'} with ${p.name} logged from ${isoDate(week.from)} to ${isoDate(week.to)}, expected ${expected} for ${formatFrequency(p.dosage).join(', ')}`,
      });
    }
  },
};

export default rule;
