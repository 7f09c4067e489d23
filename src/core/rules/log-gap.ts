/**
 * `log-gap`: no session has been logged for more than N days (the setting `athleteLog.logGapDays`,
 * default 7) before the day the log is read on. Reported as a note on the last session's date heading.
 *
 * Rationale: a program whose last session is weeks old is not "on track", however clean its dosages are:
 * the athlete may have stopped, been hurt, or kept training without logging. A week without a session is
 * worth a check-in. The rule needs the day the log is read on (the editor gives today; on the command
 * line `--today`, default today); without one it reports nothing. A log with no dated session yet is not
 * judged, and sessions dated after today (planned ones) do not count.
 *
 * Source: the days are a setting, not a clinical rule: pick what suits the athlete's program.
 */
import { lastSessionBy } from '../coaching/coaching.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'log-gap',
  description: 'No session has been logged for longer than the log-gap setting allows.',
  defaultSeverity: 'information',
  fixable: false,
  reads: ['dates'],
  check(ctx) {
    const today = ctx.options.today;
    const last = lastSessionBy(ctx.view().datedSessions(), today);
    const limit = ctx.options.logGapDays;
    if (!last || last.days <= limit) {
      return;
    }
    ctx.report({
      range: last.session.dateRange,
      message: `No session logged for ${last.days} days (the last on ${last.session.date ?? last.session.dateText}, today ${today ?? ''}); time to check in with the athlete: the log-gap setting asks for a session at least every ${limit} days`,
    });
  },
};

export default rule;
