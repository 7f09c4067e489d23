/**
 * `ambiguous-date`: a session heading's date is written with numbers only (`04/05/2026`) and either number
 * could be the month, while neither the front matter (`date-order: dmy` or `mdy`) nor the
 * `athleteLog.dateOrder` setting says which comes first. The session is left without a date.
 *
 * Rationale: 4 May and 5 April are a month apart; guessing would file the session in the wrong week and
 * skew adherence and pain trends. Other numeric dates in the log that are clear (`11/13/2026`) are read.
 *
 * Fix: rewrites the date as ISO `YYYY-MM-DD`, read day first for dates written with dots (`04.05.2026`)
 * and month first for slashes and dashes; the message names both readings so the coach can pick.
 */
import type { Rule } from './rule.js';

function spoken(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][(m ?? 1) - 1] ?? '';
  return `${d ?? ''} ${month} ${y ?? ''}`;
}

const rule: Rule = {
  id: 'ambiguous-date',
  description: 'A numeric session date could be read day first or month first.',
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'block',
  check(ctx) {
    for (const s of ctx.scope.sessions) {
      const a = s.ambiguous;
      if (!a) {
        continue;
      }
      const iso = s.dateText.includes('.') ? a.dmy : a.mdy;
      ctx.report({
        range: s.dateRange,
        message: `${s.dateText} could be ${spoken(a.mdy)} or ${spoken(a.dmy)}; write the date as ${a.mdy} or ${a.dmy}, or add date-order: dmy or mdy to the front matter`,
        fix: { title: `Change to ${iso} (${spoken(iso)})`, edits: [{ range: s.dateRange, text: iso }], raisesDose: false },
      });
    }
  },
};

export default rule;
