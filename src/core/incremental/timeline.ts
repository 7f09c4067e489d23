/**
 * The log's sessions and entries as a few typed arrays: what the whole-log rules read (date order,
 * duplicate dates, pain trends, progression, adherence). Reading thousands of scattered model objects on
 * every keystroke is what made those rules slow on big logs; the same facts in contiguous arrays are read
 * in a fraction of a millisecond, and an edit splices the arrays instead of rebuilding them (document.ts).
 * The model objects are still there for what a rule reports (ranges, dosages, dates as written).
 */
import type { GuidelineLibrary } from '../guidelines/library.js';
import { dayNumber } from '../dates.js';
import { exerciseKeyOf, type LoggedEntry, type LoggedExercise, type LogView } from '../logView.js';
import type { AthleteLog, Dosage, ExerciseLine, Session } from '../model.js';

const EMPTY_DOSAGE: Dosage = { text: '', components: [], problems: [] };
const NOWHERE = { line: 1, column: 1, offset: 0 };
const EMPTY_ENTRY: ExerciseLine = {
  kind: 'entry', name: '', dosage: EMPTY_DOSAGE, range: { start: NOWHERE, end: NOWHERE }, nameRange: { start: NOWHERE, end: NOWHERE }, dosageRange: { start: NOWHERE, end: NOWHERE },
};

/** A session without a valid date. */
export const NO_DAY = -2147483648;
/** More sessions than a log can hold (2^26): a day times this plus a session number stays an exact number. */
const SESSION_SPAN = 2 ** 26;

/** `2026-11-03` as 20261103: ordered like the ISO text, unlike days counted from 1970 for years < 100. */
function dateKey(iso: string | undefined): number {
  return iso === undefined ? NO_DAY : Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** A 32-bit hash of a string (FNV-1a); equal hashes are confirmed on the strings themselves. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h | 0;
}

/** Numbers for exercises under one library: an entry's exercise is the key it is known by (aliases merge). */
export class ExerciseIds {
  readonly #byKey = new Map<string, number>();
  readonly #byName = new Map<string, number>();
  readonly keys: string[] = [];

  constructor(readonly library: GuidelineLibrary | undefined) {}

  /** The key of a written name: the guideline's name when there is one, normalized. */
  keyOf(name: string): string {
    return exerciseKeyOf(this.library, name);
  }

  /** The id of a written name; -1 for an empty name. */
  ofName(name: string): number {
    let id = this.#byName.get(name);
    if (id === undefined) {
      id = name === '' ? -1 : this.ofKey(this.keyOf(name), true);
      this.#byName.set(name, id);
    }
    return id;
  }

  ofKey(key: string, add: true): number;
  ofKey(key: string, add?: false): number | undefined;
  ofKey(key: string, add = false): number | undefined {
    let id = this.#byKey.get(key);
    if (id === undefined && add) {
      id = this.keys.length;
      this.keys.push(key);
      this.#byKey.set(key, id);
    }
    return id;
  }
}

/** One block's sessions and entries, in the timeline's terms. */
export interface TimelinePart {
  /** Per session: the date as 20261103 and as days since 1970 (NO_DAY without a valid date). */
  readonly dates: Int32Array;
  readonly days: Int32Array;
  /** Per session: hash of the lowercased label, and how many entries it has. */
  readonly labels: Int32Array;
  readonly counts: Int32Array;
  /** Per entry: exercise id (-1 for none) and pain (NaN when not scored). */
  readonly exercises: Int32Array;
  readonly pains: Float64Array;
}

/**
 * One block's sessions and entries, packed in one plain array (thousands of blocks, each with six typed
 * arrays, cost the garbage collector more than the numbers are worth): per session its date, day, label
 * hash and entry count, then per entry its exercise id and pain.
 */
/** A block without sessions: one shared part. */
export const EMPTY_PART: BlockPart = { sessions: 0, entries: 0, data: [] };

export interface BlockPart {
  readonly sessions: number;
  readonly entries: number;
  readonly data: readonly number[];
}

export function blockPart(sessions: readonly Session[], ids: ExerciseIds): BlockPart {
  const n = sessions.length;
  let e = 0;
  for (const s of sessions) {
    e += s.entries.length;
  }
  const data = new Array<number>(4 * n + 2 * e).fill(0);
  let k = 0;
  sessions.forEach((s, i) => {
    data[i] = dateKey(s.date);
    data[n + i] = dayNumber(s.date) ?? NO_DAY;
    data[2 * n + i] = hash32(s.label.toLowerCase());
    data[3 * n + i] = s.entries.length;
    for (const x of s.entries) {
      data[4 * n + k] = ids.ofName(x.name);
      data[4 * n + e + k] = x.dosage.pain?.max ?? Number.NaN;
      k++;
    }
  });
  return { sessions: n, entries: e, data };
}

/** The timeline part of sessions built in one go. */
export function timelinePart(sessions: readonly Session[], ids: ExerciseIds): TimelinePart {
  return joinParts([blockPart(sessions, ids)]);
}

/** One exercise's entries from dated sessions, in date order (entry indices into the timeline). */
export interface ExerciseTrack {
  readonly id: number;
  /** The guideline's name when the library knows it, else the name as first written. */
  readonly name: string;
  readonly entries: readonly number[];
}

export class Timeline {
  #entryStart: Int32Array | undefined;
  #entrySession: Int32Array | undefined;
  #tracks: ExerciseTrack[] | undefined;

  constructor(readonly sessions: readonly Session[], readonly part: TimelinePart, readonly ids: ExerciseIds, same?: Timeline) {
    if (same) {
      // The same numbers for a new model (an edit that changed nothing the timeline holds).
      this.#entryStart = same.#entryStart;
      this.#entrySession = same.#entrySession;
    }
  }

  /** Where each session's entries start (one more than there are sessions): worked out on first use. */
  get entryStart(): Int32Array {
    if (!this.#entryStart) {
      this.#index();
    }
    return this.#entryStart as Int32Array;
  }

  /** Each entry's session: worked out on first use. */
  get entrySession(): Int32Array {
    if (!this.#entrySession) {
      this.#index();
    }
    return this.#entrySession as Int32Array;
  }

  #index(): void {
    const counts = this.part.counts;
    const n = counts.length;
    const entryStart = new Int32Array(n + 1);
    const entrySession = new Int32Array(this.part.exercises.length);
    let at = 0;
    for (let s = 0; s < n; s++) {
      const end = at + (counts[s] ?? 0);
      for (; at < end; at++) {
        entrySession[at] = s;
      }
      entryStart[s + 1] = at;
    }
    this.#entryStart = entryStart;
    this.#entrySession = entrySession;
  }

  /** The timeline of a model built in one go (when no document keeps one). */
  static of(log: AthleteLog, library: GuidelineLibrary | undefined): Timeline {
    const ids = new ExerciseIds(library);
    return new Timeline(log.sessions, timelinePart(log.sessions, ids), ids);
  }

  get hasDates(): boolean {
    return this.part.dates.some((d) => d !== NO_DAY);
  }

  /** The entry object behind an entry index. */
  entry(e: number): ExerciseLine | undefined {
    const s = this.entrySession[e] ?? 0;
    return this.sessions[s]?.entries[e - (this.entryStart[s] ?? 0)];
  }

  /** An entry as a point of its exercise's history. */
  point(e: number): LoggedEntry {
    const x = this.entry(e) ?? EMPTY_ENTRY;
    const pain = this.part.pains[e] ?? Number.NaN;
    const date = this.sessionOf(e)?.date ?? '';
    return Number.isNaN(pain) ? { date, line: x.range.start.line, dosage: x.dosage, entry: x } : { date, line: x.range.start.line, dosage: x.dosage, pain, entry: x };
  }

  sessionOf(e: number): Session | undefined {
    return this.sessions[this.entrySession[e] ?? 0];
  }

  /** Entries grouped by exercise, each in date order (document order within a day), exercises by name. */
  tracks(): ExerciseTrack[] {
    const steps = this.tracksSteps();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        return r.value;
      }
    }
  }

  /** The same as steps: it yields every few thousand entries. */
  *tracksSteps(): Generator<undefined, ExerciseTrack[]> {
    if (this.#tracks) {
      return this.#tracks;
    }
    const { days, exercises } = this.part;
    const entrySession = this.entrySession;
    const lists: (number[] | undefined)[] = [];
    for (let e = 0; e < exercises.length; e++) {
      const id = exercises[e] ?? -1;
      if (id < 0 || days[entrySession[e] ?? 0] === NO_DAY) {
        continue;
      }
      let list = lists[id];
      if (!list) {
        list = [];
        lists[id] = list;
      }
      list.push(e);
      if (e % 16384 === 16383) {
        yield;
      }
    }
    const tracks: ExerciseTrack[] = [];
    for (const [id, list] of lists.entries()) {
      if (!list) {
        continue;
      }
      const first = this.entry(list[0] ?? 0)?.name ?? '';
      const name = this.ids.library?.lookup(first)?.name ?? first;
      const dates = this.part.dates;
      const dateOf = (e: number): number => dates[this.entrySession[e] ?? 0] ?? 0;
      let sorted = true;
      for (let i = 1; i < list.length && sorted; i++) {
        sorted = dateOf(list[i - 1] ?? 0) <= dateOf(list[i] ?? 0);
      }
      if (!sorted) {
        list.sort((a, b) => dateOf(a) - dateOf(b) || a - b);
      }
      yield;
      tracks.push({ id, name, entries: list });
    }
    this.#tracks = tracks.sort((a, b) => a.name.localeCompare(b.name));
    return this.#tracks;
  }
}

/** Joins parts of consecutive blocks (and stretches of an earlier timeline), as steps. */
export function* joinPartsSteps(parts: readonly (TimelinePart | BlockPart)[]): Generator<undefined, TimelinePart> {
  let sessions = 0;
  let entries = 0;
  for (const p of parts) {
    sessions += 'data' in p ? p.sessions : p.dates.length;
    entries += 'data' in p ? p.entries : p.exercises.length;
  }
  const out = {
    dates: new Int32Array(sessions), days: new Int32Array(sessions), labels: new Int32Array(sessions), counts: new Int32Array(sessions),
    exercises: new Int32Array(entries), pains: new Float64Array(entries),
  };
  let s = 0;
  let e = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p) {
      continue;
    }
    if ('data' in p) {
      const { data } = p;
      const n = p.sessions;
      for (let k = 0; k < n; k++) {
        out.dates[s + k] = data[k] ?? 0;
        out.days[s + k] = data[n + k] ?? 0;
        out.labels[s + k] = data[2 * n + k] ?? 0;
        out.counts[s + k] = data[3 * n + k] ?? 0;
      }
      for (let k = 0; k < p.entries; k++) {
        out.exercises[e + k] = data[4 * n + k] ?? 0;
        out.pains[e + k] = data[4 * n + p.entries + k] ?? 0;
      }
      s += n;
      e += p.entries;
    } else {
      out.dates.set(p.dates, s);
      out.days.set(p.days, s);
      out.labels.set(p.labels, s);
      out.counts.set(p.counts, s);
      out.exercises.set(p.exercises, e);
      out.pains.set(p.pains, e);
      s += p.dates.length;
      e += p.exercises.length;
    }
    if (i % 1024 === 1023) {
      yield;
    }
  }
  return out;
}

/** Joins parts of consecutive blocks in one go. */
export function joinParts(parts: readonly (TimelinePart | BlockPart)[]): TimelinePart {
  const steps = joinPartsSteps(parts);
  for (;;) {
    const r = steps.next();
    if (r.done) {
      return r.value;
    }
  }
}

/** Whether blocks' parts hold the same numbers as a timeline's sessions `[s0, s1)` and entries `[e0, e1)`. */
export function sameNumbers(parts: readonly BlockPart[], old: TimelinePart, s0: number, s1: number, e0: number, e1: number): boolean {
  let s = s0;
  let e = e0;
  for (const p of parts) {
    const { data } = p;
    const n = p.sessions;
    if (s + n > s1 || e + p.entries > e1) {
      return false;
    }
    for (let k = 0; k < n; k++) {
      if (old.dates[s + k] !== data[k] || old.days[s + k] !== data[n + k] || old.labels[s + k] !== data[2 * n + k] || old.counts[s + k] !== data[3 * n + k]) {
        return false;
      }
    }
    for (let k = 0; k < p.entries; k++) {
      const pain = data[4 * n + p.entries + k] ?? 0;
      const was = old.pains[e + k] ?? 0;
      if (old.exercises[e + k] !== data[4 * n + k] || (pain !== was && !(Number.isNaN(pain) && Number.isNaN(was)))) {
        return false;
      }
    }
    s += n;
    e += p.entries;
  }
  return s === s1 && e === e1;
}

/** A part's sessions `[s0, s1)` with their entries `[e0, e1)`. */
export function slicePart(p: TimelinePart, s0: number, s1: number, e0: number, e1: number): TimelinePart {
  return {
    dates: p.dates.subarray(s0, s1), days: p.days.subarray(s0, s1), labels: p.labels.subarray(s0, s1), counts: p.counts.subarray(s0, s1),
    exercises: p.exercises.subarray(e0, e1), pains: p.pains.subarray(e0, e1),
  };
}

/**
 * The LogView port (../logView.ts) over a timeline: the same answers as the plain view, read from the
 * typed arrays. `prepareSteps` works the exercises' histories out in steps ahead of the rules that read
 * them.
 */
export class TimelineView implements LogView {
  #dated: Session[] | undefined;
  #exercises: LoggedExercise[] | undefined;

  constructor(readonly timeline: Timeline) {}

  datedSessions(): readonly Session[] {
    if (!this.#dated) {
      const { days } = this.timeline.part;
      const out: Session[] = [];
      for (let s = 0; s < days.length; s++) {
        const session = this.timeline.sessions[s];
        if (days[s] !== NO_DAY && session) {
          out.push(session);
        }
      }
      this.#dated = out;
    }
    return this.#dated;
  }

  sameDaySessions(): readonly (readonly Session[])[] {
    // Day and session number in one sortable number: sorted, sessions of one day stand together, in log order.
    const { days } = this.timeline.part;
    const keys = new Float64Array(days.length);
    let n = 0;
    for (let s = 0; s < days.length; s++) {
      const day = days[s] ?? NO_DAY;
      if (day !== NO_DAY) {
        keys[n++] = day * SESSION_SPAN + s;
      }
    }
    const sorted = keys.subarray(0, n).sort();
    const groups: { first: number; sessions: Session[] }[] = [];
    for (let i = 0; i < n;) {
      const day = Math.floor((sorted[i] ?? 0) / SESSION_SPAN);
      let j = i + 1;
      while (j < n && Math.floor((sorted[j] ?? 0) / SESSION_SPAN) === day) {
        j++;
      }
      if (j - i > 1) {
        const at = Array.from(sorted.subarray(i, j), (k) => k - day * SESSION_SPAN);
        groups.push({ first: at[0] ?? 0, sessions: at.map((s) => this.timeline.sessions[s] as Session) });
      }
      i = j;
    }
    return groups.sort((a, b) => a.first - b.first).map((g) => g.sessions);
  }

  /** Works the exercises' histories out, as steps (the tracks; points are made when read). */
  *prepareSteps(): Generator<undefined, readonly LoggedExercise[]> {
    if (this.#exercises) {
      return this.#exercises;
    }
    const t = this.timeline;
    const { days, pains } = t.part;
    const tracks = yield* t.tracksSteps();
    this.#exercises = tracks.map(({ name, entries }): LoggedExercise => ({
      name,
      length: entries.length,
      point: (i) => t.point(entries[i] ?? 0),
      pain: (i) => {
        const p = pains[entries[i] ?? 0] ?? Number.NaN;
        return Number.isNaN(p) ? undefined : p;
      },
      day: (i) => days[t.entrySession[entries[i] ?? 0] ?? 0] ?? 0,
    }));
    return this.#exercises;
  }

  exercises(): readonly LoggedExercise[] {
    const steps = this.prepareSteps();
    for (;;) {
      const r = steps.next();
      if (r.done) {
        return r.value;
      }
    }
  }

  daysWith(exercise: string, from: number, to: number): number {
    const t = this.timeline;
    const key = t.ids.keyOf(exercise);
    const id = key === '' ? undefined : t.ids.ofKey(key);
    if (id === undefined) {
      return 0;
    }
    const { dates, days, exercises } = t.part;
    const seen = new Set<number>();
    for (let s = 0; s < days.length; s++) {
      const d = days[s] ?? NO_DAY;
      if (d === NO_DAY || d < from || d > to) {
        continue;
      }
      for (let e = t.entryStart[s] ?? 0; e < (t.entryStart[s + 1] ?? 0); e++) {
        if (exercises[e] === id) {
          seen.add(dates[s] ?? 0);
          break;
        }
      }
    }
    return seen.size;
  }
}
