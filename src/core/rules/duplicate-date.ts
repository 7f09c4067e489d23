/**
 * `duplicate-date`: two session headings name the same day with the same label. Two sessions on one day
 * are fine when their labels tell them apart (`2026-11-03 (AM)`, `2026-11-03 (PM)`).
 *
 * Rationale: a repeated heading is usually a copy-paste slip; it double-counts adherence and splits one
 * day's notes in two.
 */
import type { Session } from '../model.js';
import { NO_DAY } from '../incremental/timeline.js';
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
    const n = dates.length;
    // An open-addressing table of the sessions seen so far, by date and label hash (typed, so a log of
    // thousands of sessions is one pass over two arrays); equal hashes are confirmed on the text.
    let size = 16;
    while (size < 2 * n) {
      size *= 2;
    }
    const table = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (let i = 0; i < n; i++) {
      const d = dates[i] ?? NO_DAY;
      if (d === NO_DAY) {
        continue;
      }
      const l = labels[i] ?? 0;
      let h = Math.imul(d ^ Math.imul(l, 0x9e3779b1), 0x85ebca6b);
      h ^= h >>> 16;
      let slot = h & mask;
      let first: Session | undefined;
      for (let j = table[slot] ?? -1; j !== -1; slot = (slot + 1) & mask, j = table[slot] ?? -1) {
        if (dates[j] === d && labels[j] === l) {
          const a = t.sessions[j];
          const b = t.sessions[i];
          if (a && b && a.date === b.date && a.label.toLowerCase() === b.label.toLowerCase()) {
            first = a;
            break;
          }
        }
      }
      const s = t.sessions[i];
      if (s && first) {
        ctx.report({
          range: s.dateRange,
          message: `Unexpected second session on ${s.date ?? ''}${s.label ? ` ${s.label}` : ''}, expected one (first at line ${first.headingRange.start.line}); add a label such as (PM) to tell them apart`,
        });
        continue;
      }
      table[slot] = i;
    }
  },
};

export default rule;
