/**
 * `dates-out-of-order`: a session's date goes against the order of the log. The order is the one the log
 * mostly keeps: oldest first (as in FORMAT.md's example) unless most steps go newest first.
 *
 * Rationale: a session filed in the wrong place is easy to miss when reading the log, and it hides a gap
 * or a pain trend. Sessions on the same day are in order.
 */
import { NO_DAY } from '../incremental/timeline.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'dates-out-of-order',
  description: 'A session date goes against the order of the log.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates'],
  check(ctx) {
    const t = ctx.timeline();
    const dates = t.part.dates;
    let up = 0;
    let down = 0;
    let prev = NO_DAY;
    for (const d of dates) {
      if (d === NO_DAY) {
        continue;
      }
      if (prev !== NO_DAY) {
        if (d > prev) {
          up++;
        } else if (d < prev) {
          down++;
        }
      }
      prev = d;
    }
    const ascending = up >= down;
    let edge = -1;
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i] ?? NO_DAY;
      if (d === NO_DAY) {
        continue;
      }
      const at = dates[edge] ?? NO_DAY;
      if (edge >= 0 && (ascending ? d < at : d > at)) {
        const s = t.sessions[i];
        if (s) {
          ctx.report({
            range: s.dateRange,
            message: `Unexpected date ${s.date ?? ''} after ${t.sessions[edge]?.date ?? ''}, expected sessions ${ascending ? 'oldest' : 'newest'} first`,
          });
        }
        continue;
      }
      edge = i;
    }
  },
};

export default rule;
