/**
 * The LogView port: what the whole-log rules and the coaching model read from a log (sessions with a
 * date, each exercise's history, the days an exercise was logged in a window). Rules read the log
 * through this port only, so they read like their specification.
 *
 * `plainLogView` below is the plain implementation over the model's objects: the reference. The
 * accelerator (src/core/incremental/) implements the same port over typed arrays it keeps between
 * checks (`timelineView`); tests compare the two on random logs.
 */
import { dayNumber } from './dates.js';
import type { GuidelineLibrary } from './guidelines/library.js';
import type { AthleteLog, Dosage, ExerciseLine, Session } from './model.js';
import { normalizeName } from './text.js';

/** One logged entry of an exercise: the session's date, the entry's line, its dosage and pain. */
export interface HistoryPoint {
  readonly date: string;
  /** 1-based line of the entry. */
  readonly line: number;
  readonly dosage: Dosage;
  readonly pain?: number;
}

export interface ExerciseHistory {
  /** The guideline's name when the library knows the exercise, else the name as first written. */
  readonly name: string;
  readonly points: readonly HistoryPoint[];
}

/** A point of an exercise's history with the entry it was read from (for the range a rule reports on). */
export interface LoggedEntry extends HistoryPoint {
  readonly entry: ExerciseLine;
}

/**
 * One exercise's history as the port gives it: entries counted from the oldest, each read on demand, so
 * a rule that reads the last few (or only pains and days) makes no point for the others.
 */
export interface LoggedExercise {
  /** The guideline's name when the library knows the exercise, else the name as first written. */
  readonly name: string;
  /** How many entries it has. */
  readonly length: number;
  /** Its `i`-th entry (0 the oldest) as a point of its history. */
  point(i: number): LoggedEntry;
  /** The pain scored at its `i`-th entry (undefined when none was), without making the point. */
  pain(i: number): number | undefined;
  /** The day (days since 1970-01-01) of its `i`-th entry. */
  day(i: number): number;
}

/** Every entry of an exercise as points, oldest first. */
export function pointsOf(h: LoggedExercise): LoggedEntry[] {
  return Array.from({ length: h.length }, (_, i) => h.point(i));
}

export interface LogView {
  /** Sessions with a valid date, in the order the log has them. */
  datedSessions(): readonly Session[];
  /**
   * The days that two or more sessions with a valid date fall on: each day's sessions in the order the
   * log has them, the days in the order of their first session.
   */
  sameDaySessions(): readonly (readonly Session[])[];
  /**
   * Each exercise's entries from sessions with a valid date, in date order (log order within a day);
   * names that a guideline's aliases merge are one exercise; exercises sorted by name. Entries without
   * a name are left out.
   */
  exercises(): readonly LoggedExercise[];
  /**
   * How many distinct days from `from` to `to` (day numbers, both included) have an entry of `exercise`;
   * none for a name that normalizes to nothing.
   */
  daysWith(exercise: string, from: number, to: number): number;
}

/**
 * A name without the qualifier in brackets at its end (`Isometric hamstring curl (prone, band)` is
 * `Isometric hamstring curl`); undefined when the name has none, or is nothing but brackets.
 */
export function withoutQualifier(name: string): string | undefined {
  const t = name.trimEnd();
  if (!t.endsWith(')')) {
    return undefined;
  }
  const open = t.lastIndexOf('(');
  if (open <= 0 || t.indexOf(')', open) !== t.length - 1) {
    return undefined;
  }
  const bare = t.slice(0, open).trimEnd();
  return bare === '' ? undefined : bare;
}

/**
 * The key an exercise is known by under a library: its guideline's name when there is one (aliases
 * merge). A name no guideline knows drops a bracketed qualifier at its end, so the program's
 * `Isometric hamstring curl (prone, band)` and the log's `Isometric hamstring curl` are one exercise.
 * The one key function: the coaching model, the plain LogView and the timeline all use it.
 */
export function exerciseKeyOf(library: GuidelineLibrary | undefined, name: string): string {
  const g = library?.lookup(name);
  if (g) {
    return normalizeName(g.name);
  }
  const bare = withoutQualifier(name);
  return normalizeName(bare === undefined ? name : library?.lookup(bare)?.name ?? bare);
}

/** The plain LogView: computed from the model's objects on first use. */
export function plainLogView(log: AthleteLog, library?: GuidelineLibrary): LogView {
  let dated: Session[] | undefined;
  let exercises: LoggedExercise[] | undefined;
  const datedSessions = (): Session[] => (dated ??= log.sessions.filter((s) => s.date !== undefined));
  return {
    datedSessions,
    sameDaySessions() {
      const byDate = new Map<string, Session[]>();
      for (const s of datedSessions()) {
        const day = byDate.get(s.date ?? '');
        if (day) {
          day.push(s);
        } else {
          byDate.set(s.date ?? '', [s]);
        }
      }
      return [...byDate.values()].filter((day) => day.length > 1);
    },
    exercises() {
      if (exercises) {
        return exercises;
      }
      const byKey = new Map<string, { name: string; points: LoggedEntry[] }>();
      for (const s of datedSessions()) {
        for (const entry of s.entries) {
          if (entry.name === '') {
            continue;
          }
          const key = exerciseKeyOf(library, entry.name);
          let h = byKey.get(key);
          if (!h) {
            h = { name: library?.lookup(entry.name)?.name ?? entry.name, points: [] };
            byKey.set(key, h);
          }
          const pain = entry.dosage.pain?.max;
          const point = { date: s.date ?? '', line: entry.range.start.line, dosage: entry.dosage, entry };
          h.points.push(pain === undefined ? point : { ...point, pain });
        }
      }
      const all = [...byKey.values()];
      for (const h of all) {
        h.points.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
      }
      exercises = all.sort((a, b) => a.name.localeCompare(b.name)).map(({ name, points }) => ({
        name,
        length: points.length,
        point: (i) => points[i] as LoggedEntry,
        pain: (i) => points[i]?.pain,
        day: (i) => dayNumber(points[i]?.date) ?? 0,
      }));
      return exercises;
    },
    daysWith(exercise, from, to) {
      const key = exerciseKeyOf(library, exercise);
      const days = new Set<string>();
      if (key === '') {
        return 0;
      }
      for (const s of datedSessions()) {
        const day = dayNumber(s.date);
        if (day !== undefined && day >= from && day <= to && s.entries.some((e) => e.name !== '' && exerciseKeyOf(library, e.name) === key)) {
          days.add(s.date ?? '');
        }
      }
      return days.size;
    },
  };
}
