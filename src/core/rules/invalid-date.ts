/**
 * `invalid-date`: a session heading starts with something that looks like a date but is not a valid
 * `YYYY-MM-DD` (or `YYYYMMDD`) date, such as `2026-13-01`, `2026-02-30` or `2026-11-3`.
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
      if (s.date !== undefined) {
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
