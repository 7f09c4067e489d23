/**
 * `duplicate-date`: two session headings name the same day with the same label. Two sessions on one day
 * are fine when their labels tell them apart (`2026-11-03 (AM)`, `2026-11-03 (PM)`).
 *
 * Rationale: a repeated heading is usually a copy-paste slip; it double-counts adherence and splits one
 * day's notes in two.
 */
import { NO_DAY } from '../timeline.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'duplicate-date',
  description: 'Two session headings name the same day with the same label.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates', 'labels'],
  check(ctx) {
    const t = ctx.timeline();
    const { dates, labels } = t.part;
    // Sessions by a hash of date and label; only sessions that share one are read and compared. The
    // first session of each hash is in `seen`; more sessions with a hash (rare) in `more`.
    const seen = new Map<number, number>();
    const more = new Map<number, number[]>();
    for (let i = 0; i < dates.length; i++) {
      const d = dates[i] ?? NO_DAY;
      if (d === NO_DAY) {
        continue;
      }
      const key = (Math.imul(d, 0x9e3779b1) ^ (labels[i] ?? 0)) >> 1;
      const one = seen.get(key);
      if (one === undefined) {
        seen.set(key, i);
        continue;
      }
      const firsts = [one, ...(more.get(key) ?? [])];
      const s = t.sessions[i];
      const label = s?.label.toLowerCase();
      const first = firsts.map((k) => t.sessions[k]).find((x) => x !== undefined && x.date === s?.date && x.label.toLowerCase() === label);
      if (s && first) {
        ctx.report({
          range: s.dateRange,
          message: `Unexpected second session on ${s.date ?? ''}${s.label ? ` ${s.label}` : ''}, expected one (first at line ${first.headingRange.start.line}); add a label such as (PM) to tell them apart`,
        });
        continue;
      }
      more.set(key, [...(more.get(key) ?? []), i]);
    }
  },
};

export default rule;
