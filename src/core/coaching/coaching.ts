/**
 * Coaching facts read from the log, computed in one place for the coaching rules, the preview and
 * `athlete-log report`: which phase is current, whether an exercise is ready to progress, whether pain is
 * climbing, and adherence. Thresholds are options, ranges come from guidelines.
 */
import { AMOUNT_FIELDS, inRange } from '../dosage/fields.js';
import { dosageToJson, type DosageJson } from '../dosage/format.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { Guideline } from '../guidelines/parse.js';
import { dayNumber, daysPerWeekAsked, exerciseHistory, phaseForWeek, weeklyAdherence, type ExerciseHistory, type HistoryPoint, type WeekAdherence } from './history.js';
import type { AthleteLog, Dosage, ExerciseLine, Phase, Quantity, Session } from '../model.js';
import type { ResolvedOptions } from '../options.js';
import { normalizeName } from '../text.js';

const AT_LEAST_AS_HARD = ['restSeconds'] as const;

const keys = new WeakMap<GuidelineLibrary, Map<string, string>>();

/** The key an exercise is known by: its guideline's name when there is one (aliases merge). */
export function exerciseKey(library: GuidelineLibrary, name: string): string {
  let memo = keys.get(library);
  if (!memo) {
    memo = new Map();
    keys.set(library, memo);
  }
  let k = memo.get(name);
  if (k === undefined) {
    k = normalizeName(library.lookup(name)?.name ?? name);
    memo.set(name, k);
  }
  return k;
}

/** The 1-based program week that holds `today`, counted from `started`. */
export function programWeek(log: AthleteLog, today: string | undefined): number | undefined {
  const start = dayNumber(log.started);
  const now = dayNumber(today);
  return start === undefined || now === undefined || now < start ? undefined : Math.floor((now - start) / 7) + 1;
}

/** The current phase: the one whose `(weeks A-B)` span holds this week, else the last phase. */
export function currentPhase(log: AthleteLog, today: string | undefined): Phase | undefined {
  const week = programWeek(log, today);
  return (week !== undefined ? phaseForWeek(log.phases, week) : undefined) ?? log.phases[log.phases.length - 1];
}

/**
 * The last dated session on or before `today` (sessions dated later are plans, not sessions), and the
 * days from it to `today`; undefined without `today` or without such a session. Used by `log-gap` and
 * the caseload.
 */
export function lastSessionBy(sessions: readonly Session[], today: string | undefined): { session: Session; days: number } | undefined {
  const now = dayNumber(today);
  if (now === undefined) {
    return undefined;
  }
  let best: { session: Session; day: number } | undefined;
  for (const s of sessions) {
    const d = dayNumber(s.date);
    if (d !== undefined && d <= now && (!best || d >= best.day)) {
      best = { session: s, day: d };
    }
  }
  return best && { session: best.session, days: now - best.day };
}

/** Whether a logged dosage reaches the top of the guideline's range in every part both give (and gives one). */
export function atTopOfRange(done: Dosage, g: Dosage): boolean {
  let compared = 0;
  for (const { name: f } of AMOUNT_FIELDS) {
    const q: Quantity | undefined = done[f];
    const want: Quantity | undefined = g[f];
    if (q && want) {
      compared++;
      if (q.max < want.max) {
        return false;
      }
    }
  }
  // Parts where the top of the range is the smaller number (field table, `harder`): the shortest rest.
  // They hold a progression back; alone they do not make the case (volume does).
  for (const f of AT_LEAST_AS_HARD) {
    const q: Quantity | undefined = done[f];
    const want: Quantity | undefined = g[f];
    if (q && want && q.min > want.min) {
      return false;
    }
  }
  const i = done.intensity;
  const wi = g.intensity;
  if (i && wi && i.unit === wi.unit && (wi.unit === 'RM' ? i.min > wi.min : i.max < wi.max)) {
    return false;
  }
  return compared > 0;
}

/** Whether a logged dosage goes outside the prescription in any part both give. */
export function differsFrom(done: Dosage, prescribed: Dosage): string[] {
  const parts: string[] = [];
  for (const { name: f } of AMOUNT_FIELDS) {
    const q: Quantity | undefined = done[f];
    const want: Quantity | undefined = prescribed[f];
    if (q && want && !inRange(q, want)) {
      parts.push(f);
    }
  }
  return parts;
}

export interface Readiness {
  readonly ready: boolean;
  /** The sessions that make the case, oldest first. */
  readonly evidence: readonly HistoryPoint[];
}

/**
 * The most pain a session may have and still count toward progressing the exercise: the readiness
 * setting's bound (`readyToProgress.maxPain`, default 2/10), but never above the pain limit
 * `pain-above-threshold` holds the exercise to (its guideline's `Pain` line or file's `pain-threshold`, else
 * the `painThreshold` setting). One limit, so a session is never both too painful and ready: a pain-free
 * protocol (limit 0) asks for pain 0 before progressing. The handout's next step states the same number.
 */
export function readyMaxPain(g: Pick<Guideline, 'painThreshold'> | undefined, options: Pick<ResolvedOptions, 'painThreshold' | 'readyToProgress'>): number {
  return Math.min(options.readyToProgress.maxPain, g?.painThreshold ?? options.painThreshold);
}

/** The last `sessions` logs of the exercise were all at the top of the range with pain at or below the bound (readyMaxPain). */
export function readiness(h: ExerciseHistory, g: Guideline | undefined, options: ResolvedOptions): Readiness {
  const n = options.readyToProgress.sessions;
  if (!g?.dosage || h.points.length < n) {
    return { ready: false, evidence: [] };
  }
  const last = h.points.slice(-n);
  const maxPain = readyMaxPain(g, options);
  const ok = last.every((p) => atTopOfRange(p.dosage, g.dosage as Dosage) && (p.pain === undefined || p.pain <= maxPain));
  return { ready: ok, evidence: ok ? last : [] };
}

export type PainTrend = 'rising' | 'falling' | 'steady' | 'unknown';

/**
 * Mean pain per week of scored sessions in date order, weeks counted from the first of them (or from
 * `first`, the day of the first scored session, when `scored` is only the last part of them).
 */
export function weeklyMeans(scored: readonly { day: number | undefined; pain: number }[], first = scored[0]?.day): { week: number; mean: number }[] {
  if (first === undefined) {
    return [];
  }
  const byWeek = new Map<number, number[]>();
  for (const p of scored) {
    const w = Math.floor(((p.day ?? first) - first) / 7) + 1;
    let v = byWeek.get(w);
    if (!v) {
      v = [];
      byWeek.set(w, v);
    }
    v.push(p.pain);
  }
  return [...byWeek.entries()].sort((a, b) => a[0] - b[0]).map(([week, v]) => ({ week, mean: v.reduce((s, x) => s + x, 0) / v.length }));
}

/** Mean pain per week (weeks counted from the first scored session). */
export function weeklyPain(h: ExerciseHistory): { week: number; mean: number }[] {
  return weeklyMeans(h.points.filter((p) => p.pain !== undefined).map((p) => ({ day: dayNumber(p.date), pain: p.pain ?? 0 })));
}

/**
 * The pain trend the report and the caseload show: a clear run in the last scored sessions when there is
 * one (`recentTrend`: 3, 2, 1, 1 is falling even within one week), else the week-over-week trend of
 * weekly means (`trendOf`), else `steady` when at least two sessions were scored, else `unknown`.
 */
export function painTrend(h: ExerciseHistory): PainTrend {
  return painTrendOf(h.points.filter((p) => p.pain !== undefined).map((p) => ({ day: dayNumber(p.date), pain: p.pain ?? 0 })));
}

/**
 * The week-over-week trend of an exercise's weekly mean pain (`trendOf`), the one `consider-regression`
 * acts on: the pain-monitoring model asks that pain not climb from week to week.
 */
export function weeklyPainTrend(h: ExerciseHistory): PainTrend {
  return trendOf(weeklyPain(h));
}

/** Scored sessions to look at for a clear recent run (`recentTrend`). */
const RECENT_SESSIONS = 4;

/**
 * The trend of pain scores in date order (see `painTrend`): the scores of one exercise, or the worst
 * score of each day of a whole log (the caseload).
 */
export function painTrendOf(scored: readonly { day: number | undefined; pain: number }[]): PainTrend {
  if (scored.length < 2) {
    return 'unknown';
  }
  const recent = recentTrend(scored.slice(-RECENT_SESSIONS).map((p) => p.pain));
  if (recent !== 'steady') {
    return recent;
  }
  const weekly = trendOf(weeklyMeans(scored));
  return weekly === 'unknown' ? 'steady' : weekly;
}

/**
 * A clear run in a few scores in date order: `falling` when no score is above the one before and at least
 * two are below it (3, 2, 1, 1), `rising` the other way round (1, 2, 3, 3), else `steady`. Two steps,
 * not one, so a single better or worse day does not make a trend.
 */
export function recentTrend(pains: readonly number[]): PainTrend {
  let up = 0;
  let down = 0;
  for (let i = 1; i < pains.length; i++) {
    const d = (pains[i] ?? 0) - (pains[i - 1] ?? 0);
    if (d > 0) {
      up++;
    } else if (d < 0) {
      down++;
    }
  }
  return down >= 2 && up === 0 ? 'falling' : up >= 2 && down === 0 ? 'rising' : 'steady';
}

/**
 * The trend of weekly means: rising when the mean went up two weeks running (the pain-monitoring model:
 * it should settle), falling when the last week's is below the week before, steady otherwise; unknown
 * with fewer than two weeks.
 */
export function trendOf(weeks: readonly { mean: number }[]): PainTrend {
  if (weeks.length < 2) {
    return 'unknown';
  }
  const [a, b, c] = weeks.slice(-3).map((w) => w.mean);
  if (c !== undefined && a !== undefined && b !== undefined && a < b && b < c) {
    return 'rising';
  }
  const x = weeks[weeks.length - 2]?.mean ?? 0;
  const y = weeks[weeks.length - 1]?.mean ?? 0;
  return y < x ? 'falling' : 'steady';
}

/** The last two scored sessions both above the threshold. */
export function twoHighInARow(h: ExerciseHistory, threshold: number): HistoryPoint[] {
  const scored = h.points.filter((p) => p.pain !== undefined);
  const last = scored.slice(-2);
  return last.length === 2 && last.every((p) => (p.pain ?? 0) > threshold) ? last : [];
}

/** Logged days a week a prescription asks for, at the least (the low end of daysPerWeekAsked in history.ts). */
export function minPerWeek(d: Dosage): number | undefined {
  return daysPerWeekAsked(d)?.min;
}

/** Sessions of an exercise logged in the last complete program week before `today`. */
export function lastCompleteWeek(log: AthleteLog, today: string | undefined): { from: number; to: number } | undefined {
  const now = dayNumber(today);
  if (now === undefined) {
    return undefined;
  }
  const start = dayNumber(log.started);
  if (start === undefined) {
    return { from: now - 7, to: now - 1 };
  }
  const week = Math.floor((now - start) / 7);
  if (week < 1) {
    return undefined;
  }
  const from = start + (week - 1) * 7;
  return { from, to: from + 6 };
}

// The last log and library asked about, and their answer: block rules ask once per block of a log.
let lastPrescribed: { log: AthleteLog; library: GuidelineLibrary; phases: readonly unknown[]; map: Map<string, ExerciseLine[]> } | undefined;

/** The program's prescriptions by exercise key, in program order (one pass; the same log asks once). */
export function prescriptionsByKey(log: AthleteLog, library: GuidelineLibrary): Map<string, ExerciseLine[]> {
  if (lastPrescribed && lastPrescribed.log === log && lastPrescribed.library === library && lastPrescribed.phases === log.phases) {
    return lastPrescribed.map;
  }
  const out = new Map<string, ExerciseLine[]>();
  for (const p of log.phases) {
    for (const x of p.prescriptions) {
      const k = exerciseKey(library, x.name);
      const list = out.get(k);
      if (list) {
        list.push(x);
      } else {
        out.set(k, [x]);
      }
    }
  }
  lastPrescribed = { log, library, phases: log.phases, map: out };
  return out;
}

export interface ExerciseReport {
  readonly exercise: string;
  readonly guideline: boolean;
  readonly sessions: { date: string; line: number; dosage: DosageJson; pain?: number }[];
  readonly lastPain?: number;
  readonly trend: PainTrend;
  readonly progression: 'ready' | 'consider-regression' | 'not-yet' | 'no-progression';
  readonly nextStep?: string;
}

export interface CoachingReport {
  readonly athlete?: string;
  readonly today: string;
  readonly currentPhase?: string;
  readonly exercises: ExerciseReport[];
  readonly adherence: WeekAdherence[];
}

/** The model behind `athlete-log report --format json`. */
export function coachingReport(log: AthleteLog, library: GuidelineLibrary, options: ResolvedOptions, today: string): CoachingReport {
  const exercises = exerciseHistory(log, library).map((h): ExerciseReport => {
    const g = library.lookup(h.name);
    const scored = h.points.filter((p) => p.pain !== undefined);
    const lastPain = scored[scored.length - 1]?.pain;
    const trend = painTrend(h);
    let progression: ExerciseReport['progression'] = 'not-yet';
    // The exercise's own pain limit when its guideline gives one (an acute strain is not a tendinopathy);
    // pain climbing week over week, as consider-regression reads it.
    if (twoHighInARow(h, g?.painThreshold ?? options.painThreshold).length > 0 || weeklyPainTrend(h) === 'rising') {
      progression = 'consider-regression';
    } else if (!g || g.progression.length === 0) {
      progression = 'no-progression';
    } else if (readiness(h, g, options).ready) {
      progression = 'ready';
    }
    const next = progression === 'ready' ? g?.progression[0] : progression === 'consider-regression' ? g?.regression[0] : undefined;
    return {
      exercise: h.name,
      guideline: g !== undefined,
      sessions: h.points.map((p) => ({ date: p.date, line: p.line, dosage: dosageToJson(p.dosage), ...(p.pain !== undefined ? { pain: p.pain } : {}) })),
      ...(lastPain !== undefined ? { lastPain } : {}),
      trend,
      progression,
      ...(next ? { nextStep: next } : {}),
    };
  });
  const phase = currentPhase(log, today);
  return {
    ...(log.athlete ? { athlete: log.athlete } : {}),
    today,
    ...(phase ? { currentPhase: phase.name } : {}),
    exercises,
    adherence: weeklyAdherence(log, today, 52),
  };
}
