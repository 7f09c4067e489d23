/**
 * `pain-not-settled`: the pain written down for the morning after a session has not settled: it is higher
 * than on the morning before that session, or (when no earlier morning was scored) higher than the pain
 * logged during the session itself.
 *
 * Rationale: the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007, as restated in clinical
 * summaries) allows pain after exercise only if it has settled by the next morning; pain that is still up
 * the next morning says the session's load was more than the tissue took, and the next session should be
 * lighter. In an acute hamstring strain the column asks the same of strengthening: it must not leave pain
 * raised after the session. The handout's tick sheet has a row for next-morning pain; the log takes it as a
 * note under the session (`Next morning: pain 4/10`) or under the next day (`Morning pain 4/10`), see
 * coaching/morning.ts. Only the morning right after a session day counts; a morning after a rest day is the
 * baseline for the next session. No number in this rule: it compares the athlete's own scores.
 *
 * Source: Silbernagel KG et al., Am J Sports Med 2007;35(6):897-906 (the pain-monitoring model).
 */
import { dayNumber, isoDate } from '../dates.js';
import { morningPains, type MorningPain } from '../coaching/morning.js';
import { partitionPoint } from '../lists.js';
import type { Rule, RuleScope } from './rule.js';

const SOURCE = 'the pain-monitoring model says pain after exercise should have settled by the next morning (Silbernagel et al. 2007)';

/** What the rule reads of a block: the highest pain logged on each day with exercises, and the morning scores. */
interface Days {
  readonly during: readonly (readonly [day: number, most: number | undefined])[];
  readonly mornings: readonly MorningPain[];
}

/** The highest of two pains, none being lower than any. */
function higher(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || (b !== undefined && b > a) ? b : a;
}

/** A block's days (read once per block: an edit reads again only the notes of the blocks it touched). */
const daysOf = (scope: RuleScope): Days => {
  const during = new Map<number, number | undefined>();
  for (const s of scope.sessions) {
    const day = dayNumber(s.date);
    if (day === undefined || s.entries.length === 0) {
      continue;
    }
    let most = during.get(day);
    for (const e of s.entries) {
      most = higher(most, e.dosage.pain?.max);
    }
    during.set(day, most);
  }
  return { during: [...during], mornings: morningPains(scope.sessions) };
};

const rule: Rule = {
  id: 'pain-not-settled',
  description: 'Pain the morning after a session is up on the morning before it, or on the session itself.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates', 'entries', 'notes'],
  *check(ctx) {
    // Every morning score, in log order; then the highest pain logged on the days before them (only those
    // days: a long log has thousands of session days, and most logs score no mornings at all).
    const blocks = yield* ctx.perBlock(daysOf);
    const mornings: MorningPain[] = [];
    for (const block of blocks) {
      for (const m of block.mornings) {
        mornings.push(m);
      }
    }
    if (mornings.length === 0) {
      return;
    }
    const during = new Map<number, number | undefined>();
    const asked = new Set(mornings.map((m) => m.day - 1));
    for (const block of blocks) {
      for (const [day, most] of block.during) {
        if (asked.has(day)) {
          during.set(day, higher(during.get(day), most));
        }
      }
    }
    // The last score of each morning, for baselines.
    const byDay = new Map<number, MorningPain>();
    for (const m of mornings) {
      byDay.set(m.day, m);
    }
    const days = [...byDay.keys()].sort((a, b) => a - b);
    for (let i = 0; i < mornings.length; i++) {
      const m = mornings[i] as MorningPain;
      if (i % 1024 === 1023) {
        yield; // a long log has a morning score on most days
      }
      const sessionDay = m.day - 1;
      if (!during.has(sessionDay)) {
        continue;
      }
      // The morning before the session: the latest scored morning on or before the session's day.
      const lo = partitionPoint(days.length, (k) => (days[k] ?? 0) <= sessionDay);
      const before = lo > 0 ? byDay.get(days[lo - 1] ?? 0) : undefined;
      const session = isoDate(sessionDay);
      const what = `Pain ${m.score}/10 the morning after the session of ${session}`;
      if (before) {
        if (m.score > before.score) {
          ctx.report({ range: m.range, message: `${what}, up from ${before.score}/10 on the morning of ${isoDate(before.day)}; ${SOURCE}` });
        }
        continue;
      }
      const most = during.get(sessionDay);
      if (most !== undefined && m.score > most) {
        ctx.report({ range: m.range, message: `${what}, higher than the ${most}/10 logged during it; ${SOURCE}` });
      }
    }
  },
};

export default rule;
