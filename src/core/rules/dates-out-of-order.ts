/**
 * `dates-out-of-order`: a session's date goes against the order of the log. The order is decided by the
 * log: oldest first or newest first, whichever keeps more sessions in place. The sessions blamed are the
 * fewest that break that order (the dates outside the longest run of dates in order), so one misfiled
 * session is flagged, not its correct neighbours.
 *
 * A log kept in weeks (week headings such as `## Week 46` or `## 2026-W20`, or session headings that name
 * their week, `### Tue Nov 3, 2026 — Week 1`) is read per week (FORMAT.md v2): the days inside each week
 * keep one order, and the weeks keep one order of their own, so weeks newest first with the days of each
 * week oldest first is in order.
 *
 * Rationale: a session filed in the wrong place is easy to miss when reading the log, and it hides a gap
 * or a pain trend. Sessions on the same day are in order.
 */
import { dayNumber } from '../dates.js';
import { partitionPoint } from '../lists.js';
import { labelWeek } from '../read/dates.js';
import type { AthleteLog, Session, WeekHeading } from '../model.js';
import type { Rule } from './rule.js';

/**
 * The week of each session (in document order): the week its own heading names, else the last week
 * heading before it that no section heading at its level or above has closed; '' for none.
 */
export function sessionWeeks(log: AthleteLog, sessions: readonly Session[]): string[] {
  const weeks = log.weeks;
  const sections = log.sections;
  const out: string[] = [];
  let w = 0;
  let x = 0;
  let open: WeekHeading | undefined;
  for (const s of sessions) {
    const at = s.headingRange.start.offset;
    for (;;) {
      const nextWeek = weeks[w];
      const nextSection = sections[x];
      const wAt = nextWeek ? nextWeek.headingRange.start.offset : Number.POSITIVE_INFINITY;
      const sAt = nextSection ? nextSection.headingRange.start.offset : Number.POSITIVE_INFINITY;
      if (Math.min(wAt, sAt) >= at) {
        break;
      }
      if (wAt < sAt) {
        open = nextWeek;
        w++;
      } else {
        if (open && nextSection && nextSection.depth <= open.depth) {
          open = undefined;
        }
        x++;
      }
    }
    out.push(labelWeek(s.label) ?? open?.key ?? '');
  }
  return out;
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
    const lo = partitionPoint(tails.length, (k) => (tails[k] ?? 0) <= v);
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

/** A blamed session and the kept one before it (in its week, or the week before), if any. */
interface Blame {
  readonly at: number;
  readonly before: number | undefined;
  readonly what: 'sessions' | 'the days of each week' | 'weeks';
  readonly ascending: boolean;
}

/** The sessions out of order in one list of days (all of them, or one week's). */
function blameRun(days: readonly number[], at: readonly number[], ascending: boolean | undefined, what: Blame['what'], out: Blame[]): { kept: Set<number>; ascending: boolean } {
  let asc = ascending;
  let kept: Set<number>;
  if (asc === undefined) {
    const up = longestInOrder(days, false);
    const down = longestInOrder(days, true);
    asc = up.size >= down.size;
    kept = asc ? up : down;
  } else {
    kept = longestInOrder(days, !asc);
  }
  let before: number | undefined;
  days.forEach((_, k) => {
    if (kept.has(k)) {
      before = at[k];
    } else {
      out.push({ at: at[k] ?? 0, before, what, ascending: asc });
    }
  });
  return { kept, ascending: asc };
}

/** Blames for a log kept in weeks: the days inside each week, then the weeks, each in one order. */
function blameWeeks(days: readonly number[], weeks: readonly string[], out: Blame[]): void {
  const groups: number[][] = [];
  weeks.forEach((w, i) => {
    const g = groups[groups.length - 1];
    if (g && weeks[g[0] ?? 0] === w) {
      g.push(i);
    } else {
      groups.push([i]);
    }
  });
  // The days' order is the one most steps inside the weeks take.
  let rising = 0;
  let falling = 0;
  for (const g of groups) {
    for (let k = 1; k < g.length; k++) {
      const a = days[g[k - 1] ?? 0] ?? 0;
      const b = days[g[k] ?? 0] ?? 0;
      rising += b > a ? 1 : 0;
      falling += b < a ? 1 : 0;
    }
  }
  const first: number[] = [];
  const firstDays: number[] = [];
  for (const g of groups) {
    const { kept } = blameRun(g.map((i) => days[i] ?? 0), g, rising >= falling, 'the days of each week', out);
    // A week stands where its earliest kept day is.
    let k0 = -1;
    kept.forEach((k) => {
      if (k0 < 0 || (days[g[k] ?? 0] ?? 0) < (days[g[k0] ?? 0] ?? 0)) {
        k0 = k;
      }
    });
    first.push(g[Math.max(k0, 0)] ?? 0);
    firstDays.push(days[g[Math.max(k0, 0)] ?? 0] ?? 0);
  }
  blameRun(firstDays, first, undefined, 'weeks', out);
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
    if (days.length < 2) {
      return;
    }
    const weeks = ctx.log.weeks.length > 0 || sessions.some((s) => labelWeek(s.label) !== undefined) ? sessionWeeks(ctx.log, sessions) : undefined;
    const out: Blame[] = [];
    if (weeks?.some((w) => w !== '')) {
      blameWeeks(days, weeks, out);
    } else {
      blameRun(days, days.map((_, i) => i), undefined, 'sessions', out);
    }
    out.sort((a, b) => a.at - b.at);
    for (const b of out) {
      const s = sessions[b.at];
      const before = b.before === undefined ? undefined : sessions[b.before];
      if (!s) {
        continue;
      }
      const order = `this log keeps ${b.what} ${b.ascending ? 'oldest' : 'newest'} first`;
      const thing = b.what === 'weeks' ? `The week of ${s.date ?? ''}` : s.date ?? '';
      const beforeThing = b.what === 'weeks' ? `the week of ${before?.date ?? ''}` : before?.date ?? '';
      ctx.report({
        range: s.dateRange,
        message: before ? `${thing} comes after ${beforeThing}; ${order}` : `${thing} stands before ${b.what === 'weeks' ? 'weeks' : 'sessions'} it should follow; ${order}`,
      });
    }
  },
};

export default rule;
