/**
 * `adherence-low`: in the last complete program week, the exercise was logged on fewer days than its
 * prescribed frequency asks for (for example `2x daily` prescribed, 3 days with it in 7; a daily
 * prescription asks for every day, `3x/week` for 3; a range counts its low end as enough: `every other day`
 * and `3-4x/week` ask for at least 3, as the adherence chart's line shows).
 * Reported on the prescription, in the phase of that week (the phase the week's number falls in; without
 * phase spans or a start date, the current phase): an exercise is never blamed for a week its phase did not
 * prescribe it.
 *
 * Rationale: a dosage only works when it is done; a gap between program and log is worth a conversation
 * before the program is blamed. Weeks count from `started` (without it, the 7 days before today); a log
 * with no sessions yet is not judged.
 */
import { currentPhase, lastCompleteWeek, programWeek } from '../coaching/coaching.js';
import { formatFrequency } from '../dosage/format.js';
import { daysPerWeekAsked, isoDate, phaseForWeek } from '../coaching/history.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'adherence-low',
  description: 'Fewer sessions of a prescribed exercise were logged last week than its frequency asks for.',
  defaultSeverity: 'information',
  fixable: false,
  reads: ['dates', 'entries', 'program', 'front'],
  check(ctx) {
    const week = lastCompleteWeek(ctx.log, ctx.options.today);
    // The week judged is the one before today's: judge it by its own phase's prescriptions.
    const now = programWeek(ctx.log, ctx.options.today);
    const phase = (now !== undefined && now > 1 ? phaseForWeek(ctx.log.phases, now - 1) : undefined) ?? currentPhase(ctx.log, ctx.options.today);
    if (!week || !phase || ctx.view().datedSessions().length === 0) {
      return;
    }
    for (const p of phase.prescriptions) {
      // The low end of what the prescription asks for counts as enough (`every other day`: 3), as on the
      // adherence chart's line.
      const asked = daysPerWeekAsked(p.dosage);
      if (asked === undefined) {
        continue;
      }
      const expected = asked.min;
      const logged = ctx.view().daysWith(p.name, week.from, week.to);
      if (logged >= expected) {
        continue;
      }
      ctx.report({
        range: p.range,
        message: `${p.name} logged on ${logged} day${logged === 1 ? '' : 's'} from ${isoDate(week.from)} to ${isoDate(week.to)}; the program says ${formatFrequency(p.dosage).join(', ')}, so ${asked.max > expected ? 'at least ' : ''}${expected} day${expected === 1 ? '' : 's'} a week`,
      });
    }
  },
};

export default rule;
