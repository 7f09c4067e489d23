/**
 * `invalid-date`: a session heading starts with something that looks like a date but is not a valid
 * day (FORMAT.md v2 date forms), such as `2026-13-01`, `2026-02-30`, `2026-11-3` or `Feb 30, 2026`, or a
 * date written without a year (`Nov 9`) where neither an earlier session nor `started` gives one.
 *
 * Rationale: sessions are ordered, counted per week and charted by their date; a date that cannot be read
 * drops the session from all of that.
 *
 * Fix: when the heading names a real day in another shape (`2026-11-3`, `2026/11/03`), rewrites it as
 * `2026-11-03`.
 */
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'invalid-date',
  description: 'A session heading has a date that is not a valid YYYY-MM-DD date.',
  defaultSeverity: 'error',
  fixable: true,
  scope: 'block',
  check(ctx) {
    for (const s of ctx.scope.sessions) {
      if (s.date !== undefined || s.ambiguous) {
        continue;
      }
      if (s.dateProblem) {
        ctx.report({
          range: s.dateRange,
          message: s.dateProblem === 'no-year'
            ? `${s.dateText} has no year, and no session before it or started date in the front matter gives one; write the date as YYYY-MM-DD`
            : `${s.dateText} is not a day of the year the sessions before it are in; write the date as YYYY-MM-DD`,
        });
        continue;
      }
      ctx.report({
        range: s.dateRange,
        message: s.suggestion
          ? `${s.dateText} is not written as a date (YYYY-MM-DD); did you mean ${s.suggestion}?`
          : `${s.dateText} is not a real date; write the session date as YYYY-MM-DD, such as 2026-11-03`,
        ...(s.suggestion ? { fix: { title: `Change to ${s.suggestion}`, edits: [{ range: s.dateRange, text: s.suggestion }], raisesDose: false } } : {}),
      });
    }
  },
};

export default rule;
