/**
 * `dates-out-of-order`: a session's date goes against the order of the log. The order is the one the log
 * mostly keeps: oldest first (as in FORMAT.md's example) unless most steps go newest first.
 *
 * Rationale: a session filed in the wrong place is easy to miss when reading the log, and it hides a gap
 * or a pain trend. Sessions on the same day are in order.
 */
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'dates-out-of-order',
  description: 'A session date goes against the order of the log.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const dated = ctx.log.sessions.filter((s): s is typeof s & { date: string } => s.date !== undefined);
    let up = 0;
    let down = 0;
    for (let i = 1; i < dated.length; i++) {
      const a = dated[i - 1]?.date ?? '';
      const b = dated[i]?.date ?? '';
      if (b > a) {
        up++;
      } else if (b < a) {
        down++;
      }
    }
    const ascending = up >= down;
    let edge: string | undefined;
    for (const s of dated) {
      if (edge !== undefined && (ascending ? s.date < edge : s.date > edge)) {
        ctx.report({
          range: s.dateRange,
          message: `Unexpected date ${s.date} after ${edge}, expected sessions ${ascending ? 'oldest' : 'newest'} first`,
        });
        continue;
      }
      edge = s.date;
    }
  },
};

export default rule;
