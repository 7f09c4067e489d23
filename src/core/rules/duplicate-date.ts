/**
 * `duplicate-date`: two session headings name the same day with the same label. Two sessions on one day
 * are fine when their labels tell them apart (`2026-11-03 (AM)`, `2026-11-03 (PM)`).
 *
 * Rationale: a repeated heading is usually a copy-paste slip; it double-counts adherence and splits one
 * day's notes in two.
 */
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'duplicate-date',
  description: 'Two session headings name the same day with the same label.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    const seen = new Map<string, number>();
    for (const s of ctx.log.sessions) {
      if (s.date === undefined) {
        continue;
      }
      const key = `${s.date}\u0000${s.label.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.report({
          range: s.dateRange,
          message: `Unexpected second session on ${s.date}${s.label ? ` ${s.label}` : ''}, expected one (first at line ${first}); add a label such as (PM) to tell them apart`,
        });
        continue;
      }
      seen.set(key, s.headingRange.start.line);
    }
  },
};

export default rule;
