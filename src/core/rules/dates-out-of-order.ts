/**
 * `dates-out-of-order`: a session's date goes against the order of the log. The order is decided by the
 * log: oldest first or newest first, whichever keeps more sessions in place. The sessions blamed are the
 * fewest that break that order (the dates outside the longest run of dates in order), so one misfiled
 * session is flagged, not its correct neighbours. A log kept in weeks newest first with the days of each
 * week oldest first (each stretch of rising dates within seven days, each stretch older than the one
 * before) is in order.
 *
 * Rationale: a session filed in the wrong place is easy to miss when reading the log, and it hides a gap
 * or a pain trend. Sessions on the same day are in order.
 */
import { dayNumber } from '../dates.js';
import type { Session } from '../model.js';
import type { Rule } from './rule.js';

/** Whether the dates run in stretches of rising dates within a week, each stretch older than the one before. */
function weeksNewestFirst(days: readonly number[]): boolean {
  let stretches = 1;
  let lo = days[0] ?? 0;
  let hi = lo;
  let prevLo = Number.POSITIVE_INFINITY;
  for (let i = 1; i < days.length; i++) {
    const d = days[i] ?? 0;
    if (d >= hi && d - lo <= 6) {
      hi = d;
      continue;
    }
    // A new stretch: the one just ended must lie wholly before the one before it.
    if (hi >= prevLo) {
      return false;
    }
    prevLo = lo;
    lo = d;
    hi = d;
    stretches++;
  }
  return stretches > 1 && hi < prevLo && days.some((d, i) => i > 0 && d > (days[i - 1] ?? d));
}

/**
 * Indexes of a longest run of dates in order (non-decreasing, or non-increasing when `down`); of several
 * equally long runs, the one keeping the earliest sessions, so the session blamed is the one that comes
 * after a date it should precede.
 */
function longestInOrder(days: readonly number[], down: boolean): Set<number> {
  const n = days.length;
  const key = (i: number): number => (down ? -(days[i] ?? 0) : (days[i] ?? 0));
  // best[i]: the longest run in order that starts at i, worked out from the end (patience sorting: a run
  // from the end must not rise, so -key must not fall; tails hold the smallest last -key per length).
  const best = new Int32Array(n);
  const tails: number[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const v = -key(i);
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) <= v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    tails[lo] = v;
    best[i] = lo + 1;
  }
  // The earliest sessions that make a longest run.
  let need = tails.length;
  let last = Number.NEGATIVE_INFINITY;
  const kept = new Set<number>();
  for (let i = 0; i < n && need > 0; i++) {
    if (best[i] === need && key(i) >= last) {
      kept.add(i);
      last = key(i);
      need--;
    }
  }
  return kept;
}

const rule: Rule = {
  id: 'dates-out-of-order',
  description: 'A session date goes against the order of the log.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates'],
  check(ctx) {
    const sessions = ctx.view().datedSessions();
    const days = sessions.map((s) => dayNumber(s.date) ?? 0);
    if (days.length < 2 || weeksNewestFirst(days)) {
      return;
    }
    const up = longestInOrder(days, false);
    const down = longestInOrder(days, true);
    const ascending = up.size >= down.size;
    const kept = ascending ? up : down;
    if (kept.size === days.length) {
      return;
    }
    const order = ascending ? 'oldest' : 'newest';
    let before: Session | undefined;
    sessions.forEach((s, k) => {
      if (kept.has(k)) {
        before = s;
        return;
      }
      ctx.report({
        range: s.dateRange,
        message: before
          ? `${s.date ?? ''} comes after ${before.date ?? ''}; this log keeps sessions ${order} first`
          : `${s.date ?? ''} stands before sessions it should follow; this log keeps sessions ${order} first`,
      });
    });
  },
};

export default rule;
