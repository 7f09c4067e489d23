/**
 * `duplicate-date`: two session headings name the same day with the same label. Two sessions on one day
 * are fine when their labels tell them apart (`2026-11-03 (AM)`, `2026-11-03 (PM)`).
 *
 * Rationale: a repeated heading is usually a copy-paste slip; it double-counts adherence and splits one
 * day's notes in two.
 */
import type { Session } from '../model.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'duplicate-date',
  description: 'Two session headings name the same day with the same label.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates', 'labels'],
  check(ctx) {
    // On each day with more than one session: the first session seen for each label (compared without case).
    for (const day of ctx.view().sameDaySessions()) {
      const first = new Map<string, Session>();
      for (const s of day) {
        const label = s.label.toLowerCase();
        const earlier = first.get(label);
        if (!earlier) {
          first.set(label, s);
          continue;
        }
        ctx.report({
          range: s.dateRange,
          message: `A second session on ${s.date ?? ''}${s.label ? ` ${s.label}` : ''} (the first is on line ${earlier.headingRange.start.line}); add a label such as (PM) to tell them apart`,
        });
      }
    }
  },
};

export default rule;
