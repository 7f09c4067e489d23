/**
 * `dates-out-of-order`: a session's date goes against the order of the log. The order is the one the log
 * mostly keeps: oldest first (as in FORMAT.md's example) unless most steps go newest first.
 *
 * Rationale: a session filed in the wrong place is easy to miss when reading the log, and it hides a gap
 * or a pain trend. Sessions on the same day are in order.
 */
import type { Session } from '../model.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'dates-out-of-order',
  description: 'A session date goes against the order of the log.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates'],
  check(ctx) {
    const sessions = ctx.view().datedSessions();
    // The order the log mostly keeps: count the steps up and down from one dated session to the next.
    let up = 0;
    let down = 0;
    for (let i = 1; i < sessions.length; i++) {
      const a = sessions[i - 1]?.date ?? '';
      const b = sessions[i]?.date ?? '';
      if (b > a) {
        up++;
      } else if (b < a) {
        down++;
      }
    }
    const ascending = up >= down;
    // Each session against the last one that was in order.
    let edge: Session | undefined;
    for (const s of sessions) {
      const d = s.date ?? '';
      const at = edge?.date ?? '';
      if (edge && (ascending ? d < at : d > at)) {
        ctx.report({
          range: s.dateRange,
          message: `${d} comes after ${at}; this log keeps sessions ${ascending ? 'oldest' : 'newest'} first`,
        });
        continue;
      }
      edge = s;
    }
  },
};

export default rule;
