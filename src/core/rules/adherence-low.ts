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
import { currentPhase, exerciseKey, lastCompleteWeek, minPerWeek } from '../coaching/coaching.js';
import { formatFrequency } from '../dosage/format.js';
import { isoDate } from '../coaching/history.js';
import { NO_DAY } from '../incremental/timeline.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'adherence-low',
  description: 'Fewer sessions of a prescribed exercise were logged last week than its frequency asks for.',
  defaultSeverity: 'information',
  fixable: false,
  reads: ['dates', 'entries', 'program', 'front'],
  check(ctx) {
    const week = lastCompleteWeek(ctx.log, ctx.options.today);
    const phase = currentPhase(ctx.log, ctx.options.today);
    const t = ctx.timeline();
    if (!week || !phase || !t.hasDates) {
      return;
    }
    const { dates, days, exercises } = t.part;
    for (const p of phase.prescriptions) {
      const expected = minPerWeek(p.dosage);
      if (expected === undefined) {
        continue;
      }
      const key = exerciseKey(ctx.library, p.name);
      const id = key === '' ? -1 : t.ids.ofKey(key);
      // Distinct days in the week with an entry of the exercise.
      const seen = new Set<number>();
      for (let s = 0; s < days.length && id !== undefined; s++) {
        const d = days[s] ?? NO_DAY;
        if (d === NO_DAY || d < week.from || d > week.to) {
          continue;
        }
        for (let e = t.entryStart[s] ?? 0; e < (t.entryStart[s + 1] ?? 0); e++) {
          if (exercises[e] === id) {
            seen.add(dates[s] ?? 0);
            break;
          }
        }
      }
      const logged = seen.size;
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
