/**
 * `unread-exercise-line`: a list item, table row or paragraph looks like an exercise line (a number with a
 * unit, `3 x 10`, `x 10`, a labelled field such as `Reps: 10`) but no exercise name and dosage could be
 * read from it, so it is not checked. The finding says why (no name; not under a dated session or a
 * program heading). A log in which nothing at all could be read gets one more finding on its first line
 * saying how many such lines were skipped.
 *
 * Rationale: a checker that says "all clear" when it read nothing is worse than none. Every line a coach
 * wrote as an exercise is either read or reported; nothing is dropped in silence (FORMAT.md v2).
 */
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'unread-exercise-line',
  description: 'A line looks like an exercise line but could not be read.',
  defaultSeverity: 'information',
  fixable: false,
  reads: ['entries', 'program', 'unread'],
  check(ctx) {
    const unread = ctx.log.unread;
    if (unread.length === 0) {
      return;
    }
    const read = ctx.log.phases.some((p) => p.prescriptions.length > 0) || ctx.log.sessions.some((s) => s.entries.length > 0);
    if (!read) {
      const n = unread.length;
      ctx.report({
        range: ctx.index.range(0, Math.max(0, ctx.index.lineStart(2) - 1)),
        message: `No exercise line could be read in this log: ${n} line${n === 1 ? '' : 's'} that look${n === 1 ? 's' : ''} like exercises ${n === 1 ? 'was' : 'were'} skipped, so nothing here was checked`,
      });
    }
    for (const u of unread) {
      ctx.report({ range: u.range, message: `This line looks like an exercise but was not read: ${u.reason}` });
    }
  },
};

export default rule;
