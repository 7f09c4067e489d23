/**
 * What the log says over time, computed once from the model: each exercise's history (date, dosage done,
 * pain) and week-by-week adherence (sessions logged against the prescribed frequency). Used by the
 * preview's charts, the text summary and the coaching rules.
 */
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { AthleteLog, Dosage, Phase, Span } from '../model.js';
import { dayNumber, isoDate } from '../dates.js';
import { plainLogView, pointsOf, type ExerciseHistory } from '../logView.js';
import { maxOf, minOf } from '../lists.js';

export { dayNumber, isoDate } from '../dates.js';
export type { ExerciseHistory, HistoryPoint } from '../logView.js';

const histories = new WeakMap<AthleteLog, { library: GuidelineLibrary | undefined; value: ExerciseHistory[] }>();

/** Logged entries grouped by exercise (aliases merged), each in date order. Computed once per model. */
export function exerciseHistory(log: AthleteLog, library?: GuidelineLibrary): ExerciseHistory[] {
  const hit = histories.get(log);
  if (hit && hit.library === library) {
    return hit.value;
  }
  // The port's points also carry the entry they were read from; a history is plain data.
  const value = plainLogView(log, library).exercises().map((h) => ({
    name: h.name,
    points: pointsOf(h).map(({ date, line, dosage, pain }) => (pain === undefined ? { date, line, dosage } : { date, line, dosage, pain })),
  }));
  histories.set(log, { library, value });
  return value;
}

export interface WeekAdherence {
  /** 1-based week counted from `started` (or the first session). */
  readonly week: number;
  readonly start: string;
  readonly end: string;
  /** Days with at least one logged entry in the week. */
  readonly logged: number;
  /**
   * Days the program asks for in that week (its most demanding prescription), at the least: what counts as
   * enough, as in adherence-low (`every other day` and `3-4x/week`: 3). Undefined without a frequency.
   */
  readonly expected?: number;
  /** The top of that prescription's range when it asks for a range (`every other day`, `3-4x/week`: 4). */
  readonly expectedUpTo?: number;
}

/** The phase for a program week: the one whose `(weeks A-B)` span holds it, else the last phase. */
export function phaseForWeek(phases: readonly Phase[], week: number): Phase | undefined {
  const spanned = phases.find((p) => p.weeks && week >= p.weeks.min && week <= p.weeks.max);
  return spanned ?? (phases.some((p) => p.weeks) ? phases[phases.length - 1] : undefined);
}

/**
 * Days a week a prescription asks for, as a range: a daily prescription (`2x daily` too) asks for every
 * day, since a log has one session heading a day; `3-4x/week` for 3 to 4; `every other day` for 3 to 4
 * (at least 3 whole days in 7, at most 4). The low end is what counts as enough: the adherence-low rule
 * and the adherence chart's line both use it. Undefined without a frequency, or per run.
 */
export function daysPerWeekAsked(d: Dosage): Span | undefined {
  if (d.perDay) {
    return { min: 7, max: 7 };
  }
  if (d.intervalDays && d.intervalDays.max > 0) {
    const min = Math.floor(7 / d.intervalDays.max);
    const max = d.intervalDays.min > 0 ? Math.ceil(7 / d.intervalDays.min) : 7;
    return { min, max: Math.max(min, max) };
  }
  return d.perWeek ? { min: d.perWeek.min, max: Math.max(d.perWeek.min, d.perWeek.max) } : undefined;
}

/** The days a week the most demanding prescription asks for: the highest low end, and the highest top. */
function expectedPerWeek(phases: readonly Phase[]): Span | undefined {
  let best: { min: number; max: number } | undefined;
  for (const p of phases) {
    for (const x of p.prescriptions) {
      const n = daysPerWeekAsked(x.dosage);
      if (n !== undefined) {
        best = best ? { min: Math.max(best.min, n.min), max: Math.max(best.max, n.max) } : { min: n.min, max: n.max };
      }
    }
  }
  return best;
}

/** Week-by-week adherence from the start of the program up to `today` (at most the last `limit` weeks). */
export function weeklyAdherence(log: AthleteLog, today: string, limit = 12): WeekAdherence[] {
  const sessions = plainLogView(log).datedSessions();
  const days = sessions.map((s) => dayNumber(s.date)).filter((d): d is number => d !== undefined);
  const start = dayNumber(log.started) ?? minOf(days);
  const end = maxOf(days, dayNumber(today) ?? 0) ?? 0;
  if (start === undefined || end < start) {
    return [];
  }
  const weeks = Math.floor((end - start) / 7) + 1;
  const first = Math.max(1, weeks - limit + 1);
  const out: WeekAdherence[] = [];
  for (let w = first; w <= weeks; w++) {
    const from = start + (w - 1) * 7;
    const to = from + 6;
    const logged = new Set(sessions.filter((s) => {
      const d = dayNumber(s.date);
      return d !== undefined && d >= from && d <= to && s.entries.length > 0;
    }).map((s) => s.date)).size;
    const phase = phaseForWeek(log.phases, w);
    const asked = expectedPerWeek(phase ? [phase] : log.phases);
    const week: WeekAdherence = { week: w, start: isoDate(from), end: isoDate(to), logged };
    out.push(asked === undefined ? week : asked.max > asked.min ? { ...week, expected: asked.min, expectedUpTo: asked.max } : { ...week, expected: asked.min });
  }
  return out;
}
