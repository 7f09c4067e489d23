/**
 * The dosage grammar of FORMAT.md: a list of components in any order, separated by commas, periods
 * or nothing at all. Each component is tried at the current token; a token that starts no component
 * becomes a problem with its exact range and reading goes on after it.
 */
import type { ComponentKind, Dosage, Intensity, IntensityUnit, LoadUnit, NumberStyle, Quantity, SetGroup, Side, Timing } from '../model.js';
import { exact, maxOf, minOf } from '../lists.js';
import { fieldLabel } from './fields.js';
import { tokenize, type Token } from './tokenize.js';
import {
  BOUT_WORDS, DISTANCE_UNITS, FIELD_LABELS, HOLD_FILLERS, HOLD_WORDS, IMPLEMENT_WORDS, JOINERS, LABEL_PREFIXES, LIMB_WORDS,
  LOAD_UNITS, NUMBER_WORDS, ORDINAL_DAYS, PAIN_LIMIT_WORDS, PER_DAY_ABBREVIATIONS, RANGE_SEPARATORS, REP_WORDS, REST_WORDS,
  RUN_EXERCISE_WORDS, RUN_WORDS, SET_WORDS, SIDE_LIMBS, STEP_WORDS, TIMES_WORDS, TIME_UNITS, UNIT_WORDS, WEEK_WORDS,
} from './words.js';
import { suggestNotation } from './suggest.js';

interface Num {
  value: number;
  start: number;
  end: number;
  style: NumberStyle;
  next: number;
}

interface RangeNum {
  min: number;
  max: number;
  start: number;
  end: number;
  style: NumberStyle;
  next: number;
  descending: boolean;
}

/** What a component sets; applied only when the whole component was read. */
type Setter = (d: Dosage) => void;

interface Match {
  next: number;
  kind: ComponentKind;
  set: Setter;
  /** Fields the component sets, to catch a component given twice. */
  fields: (keyof Dosage)[];
  problem?: string;
}

type Matcher = (p: Parser, i: number) => Match | undefined;

function quantity(r: RangeNum | Num, scale?: number, unitEnd?: number): Quantity {
  const min = 'min' in r ? r.min : r.value;
  const max = 'max' in r ? r.max : r.value;
  const q: { -readonly [K in keyof Quantity]: Quantity[K] } = {
    min: min * (scale ?? 1), max: max * (scale ?? 1), start: r.start, end: r.end, style: r.style,
  };
  if (scale !== undefined) {
    q.unitScale = scale;
  }
  if (unitEnd !== undefined) {
    q.unitEnd = unitEnd;
  }
  return q;
}

class Parser {
  readonly tokens: Token[];
  constructor(readonly text: string) {
    this.tokens = tokenize(text);
  }

  tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  is(i: number, ...norms: string[]): boolean {
    const t = this.tokens[i];
    return t !== undefined && norms.includes(t.norm);
  }

  inSet(i: number, set: ReadonlySet<string>): boolean {
    const t = this.tokens[i];
    return t !== undefined && set.has(t.norm);
  }

  /** A digit number or a number word (`one` to `twenty`). */
  num(i: number): Num | undefined {
    const t = this.tokens[i];
    if (!t) {
      return undefined;
    }
    if (t.kind === 'num') {
      return { value: Number(t.text), start: t.start, end: t.end, style: 'digits', next: i + 1 };
    }
    const w = t.kind === 'word' ? NUMBER_WORDS[t.norm] : undefined;
    if (w !== undefined) {
      return { value: w, start: t.start, end: t.end, style: 'words', next: i + 1 };
    }
    return undefined;
  }

  /** `2`, `2-3`, `2 to 3`, `2–3`, `two to three`, `2 or 3`. */
  range(i: number): RangeNum | undefined {
    const a = this.num(i);
    if (!a) {
      return undefined;
    }
    if (this.inSet(a.next, RANGE_SEPARATORS)) {
      const b = this.num(a.next + 1);
      // `3-1-1` is a tempo, not a range; a range never chains.
      if (b && !(this.is(b.next, '-') && this.num(b.next + 1))) {
        const style: NumberStyle = a.style === 'words' || b.style === 'words' ? 'words' : 'digits';
        return {
          min: Math.min(a.value, b.value), max: Math.max(a.value, b.value), start: a.start, end: b.end, style,
          next: b.next, descending: a.value > b.value,
        };
      }
    }
    return { min: a.value, max: a.value, start: a.start, end: a.end, style: a.style, next: a.next, descending: false };
  }

  readonly #listEnds = new Map<number, number | null>();
  readonly #gluedEnds = new Map<number, number | null>();

  /**
   * The token after a comma list of digit numbers that starts at i (`3,2,1`), or null when a comma in it
   * is followed by something else. `glued`: written with no spaces (`5,5,8`), whole numbers only; a spaced
   * comma ends the list. Remembered for every start inside the list, so that trying a list at each of its
   * numbers (as the parser does after a failed match) stays linear in the list's length.
   */
  listEnd(i: number, glued = false): number | null {
    const memo = glued ? this.#gluedEnds : this.#listEnds;
    const hit = memo.get(i);
    if (hit !== undefined) {
      return hit;
    }
    const starts = [i];
    let j = this.num(i)?.next ?? i + 1;
    let end: number | null;
    for (;;) {
      if (!this.is(j, ',') || (glued && this.tokens[j]?.start !== this.tokens[j - 1]?.end)) {
        end = j;
        break;
      }
      const n = this.num(j + 1);
      if (!n || n.style !== 'digits' || (glued && (n.start !== this.tokens[j]?.end || !Number.isInteger(n.value)))) {
        end = null;
        break;
      }
      const known = memo.get(j + 1);
      if (known !== undefined) {
        end = known;
        break;
      }
      starts.push(j + 1);
      j = n.next;
    }
    for (const k of starts) {
      memo.set(k, end);
    }
    return end;
  }

  /** A time unit word at i: seconds per unit. */
  timeUnit(i: number): number | undefined {
    const t = this.tokens[i];
    return t && t.kind === 'word' ? TIME_UNITS[t.norm] : undefined;
  }

  end(i: number): number {
    return this.tokens[i - 1]?.end ?? 0;
  }
}

function descendingProblem(r: RangeNum): string | undefined {
  return r.descending ? `The range ${r.max}-${r.min} is written backwards; write the smaller number first (${r.min}-${r.max})` : undefined;
}

function withProblem(m: Match, problem: string | undefined): Match {
  if (problem !== undefined) {
    m.problem = problem;
  }
  return m;
}

interface Read {
  q: Quantity;
  next: number;
}

/** `1:30`, `44:20 min`, `1:05:00`: a clock time in seconds. `unitScale` 0 marks it, so a fix rewrites it whole. */
function clock(p: Parser, i: number): Read | undefined {
  const a = p.tok(i);
  const colon = p.tok(i + 1);
  const b = p.tok(i + 2);
  const two = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'num' && /^\d\d$/.test(t.text);
  if (!a || a.kind !== 'num' || a.text.includes('.') || colon?.text !== ':' || colon.start !== a.end || !two(b) || b.start !== colon.end) {
    return undefined;
  }
  let secs = Number(a.text) * 60 + Number(b.text);
  let j = i + 3;
  const colon2 = p.tok(j);
  const c = p.tok(j + 1);
  if (colon2?.text === ':' && colon2.start === b.end && two(c) && c.start === colon2.end) {
    secs = Number(a.text) * 3600 + Number(b.text) * 60 + Number(c.text);
    if (Number(c.text) >= 60) {
      return undefined;
    }
    j += 2;
  }
  if (Number(b.text) >= 60) {
    return undefined;
  }
  let unitEnd = p.end(j);
  if (p.timeUnit(j) !== undefined || p.is(j, 'h', 'hr', 'hrs', 'hour', 'hours')) {
    unitEnd = p.tok(j)?.end ?? unitEnd;
    j++;
  }
  return { q: { min: secs, max: secs, start: a.start, end: unitEnd, style: 'digits', unitScale: 0, unitEnd }, next: j };
}

/** A time: `30 s`, `2-3 min`, `1:30`; with `bare`, a number alone is seconds (`Hold: 5`). */
function time(p: Parser, i: number, bare = false): Read | undefined {
  const c = clock(p, i);
  if (c) {
    return c;
  }
  const r = p.range(i);
  if (!r) {
    return undefined;
  }
  const scale = p.timeUnit(r.next);
  if (scale !== undefined) {
    return { q: quantity(r, scale, p.tok(r.next)?.end ?? r.end), next: r.next + 1 };
  }
  return bare ? { q: quantity(r), next: r.next } : undefined;
}

/** `100 m`, `2 km`, `1 mile`, `400 yd`: metres, kept to the millimetre. */
function distance(p: Parser, i: number, bare = false): Read | undefined {
  const r = p.range(i);
  if (!r) {
    return undefined;
  }
  const t = p.tok(r.next);
  const scale = t && t.kind === 'word' ? DISTANCE_UNITS[t.norm] : undefined;
  if (scale === undefined) {
    return bare ? { q: quantity(r), next: r.next } : undefined;
  }
  const round = (v: number): number => Math.round(v * scale * 1000) / 1000;
  return {
    q: { min: round(r.min), max: round(r.max), start: r.start, end: r.end, style: r.style, unitScale: scale, unitEnd: t?.end ?? r.end },
    next: r.next + 1,
  };
}

/** `AMRAP`, `to failure`, `max reps`, `max`: the next token after it, or undefined. */
function failure(p: Parser, i: number, bareMax = false): number | undefined {
  if (p.is(i, 'amrap', 'amap', 'failure')) {
    return i + 1;
  }
  if (p.is(i, 'to') && p.is(i + 1, 'failure')) {
    return i + 2;
  }
  if (p.is(i, 'max', 'maximum') && (bareMax || p.inSet(i + 1, REP_WORDS))) {
    return p.inSet(i + 1, REP_WORDS) ? i + 2 : i + 1;
  }
  return undefined;
}

/**
 * `AMRAP-2` (a lifter's "as many as possible, minus two"): stop two reps short of failure, which is
 * `RIR 2`, not to failure. The dash and number follow the word with no space (`‑` and `–` too).
 */
function amrapMinus(p: Parser, i: number): { next: number; q: Quantity } | undefined {
  const w = p.tok(i);
  const dash = p.tok(i + 1);
  const n = p.num(i + 2);
  if (!w || !dash || !n || !p.is(i, 'amrap', 'amap') || dash.norm !== '-' || dash.start !== w.end || n.start !== dash.end || n.style !== 'digits') {
    return undefined;
  }
  return { next: n.next, q: quantity(n) };
}

/** `between sets`, `between reps`: words that may follow a rest. */
function betweenClause(p: Parser, j: number): number {
  if (p.is(j, 'between')) {
    if (p.is(j + 1, 'each')) {
      return p.is(j + 2, 'set', 'rep', 'bout', 'round', 'exercise') ? j + 3 : j + 2;
    }
    return p.is(j + 1, 'sets', 'reps', 'bouts', 'rounds', 'exercises', 'efforts') ? j + 2 : j + 1;
  }
  return j;
}

function restMatch(t: Read, next: number, problem?: string): Match {
  return withProblem({ next, kind: 'rest', fields: ['restSeconds'], set: (d) => { d.restSeconds = t.q; } }, problem);
}

// ---------------------------------------------------------------------------------------------------
// Component matchers, tried in order at each token. Word-led components come before number-led ones.

/**
 * Labelled fields of printed home programs: `Reps: 10`, `Sets: 3`, `Hold: 5` (seconds), `Daily: 2`,
 * `Weekly: 7`, `Rest: 90`, `Time: 30`, `Distance: 100`, `Weeks: 12`, `Steps: 5`, `RIR: 2`.
 */
const labelled: Matcher = (p, i) => {
  const t = p.tok(i);
  const label = t && t.kind === 'word' ? FIELD_LABELS[t.norm] : undefined;
  if (!label || !p.is(i + 1, ':')) {
    return undefined;
  }
  const j = i + 2;
  switch (label) {
    case 'hold':
    case 'rest':
    case 'time': {
      const r = time(p, j, true);
      if (!r) {
        return undefined;
      }
      const field = label === 'hold' ? 'holdSeconds' : label === 'rest' ? 'restSeconds' : 'boutSeconds';
      const next = label === 'rest' ? betweenClause(p, r.next) : r.next;
      return withProblem({ next, kind: label === 'time' ? 'duration' : label, fields: [field], set: (d) => { d[field] = r.q; } }, undefined);
    }
    case 'distance': {
      const r = distance(p, j, true);
      return r ? { next: r.next, kind: 'distance', fields: ['distanceMeters'], set: (d) => { d.distanceMeters = r.q; } } : undefined;
    }
    default: {
      const r = p.range(j);
      if (!r) {
        return undefined;
      }
      let next = r.next;
      if (label === 'reps' && p.inSet(next, REP_WORDS)) {
        next++;
      }
      if ((label === 'perDay' || label === 'perWeek') && p.is(next, 'x', 'times')) {
        next++;
      }
      if (label === 'weeks' && p.inSet(next, WEEK_WORDS)) {
        next++;
      }
      const kinds = { reps: 'reps', sets: 'sets', perDay: 'frequency', perWeek: 'frequency', weeks: 'length', steps: 'steps', rir: 'effort' } as const;
      const field = label;
      return withProblem({ next, kind: kinds[label], fields: [field], set: (d) => { d[field] = quantity(r); } }, descendingProblem(r));
    }
  }
};

/** `AMRAP`, `to failure`, `max reps`: sets left open-ended. */
const toFailure: Matcher = (p, i) => {
  const minus = amrapMinus(p, i);
  if (minus) {
    return { next: minus.next, kind: 'effort', fields: ['rir'], set: (d) => { d.rir = minus.q; } };
  }
  const next = failure(p, i);
  return next === undefined ? undefined : { next, kind: 'failure', fields: ['toFailure'], set: (d) => { d.toFailure = true; } };
};

/** `EMOM 10 min` (10 bouts of 60 s), `E2MOM 10 min` (5 bouts of 120 s). */
const emom: Matcher = (p, i) => {
  let j = i;
  let every = 1;
  if (p.is(j, 'emom')) {
    j++;
  } else if (p.is(j, 'e') && p.tok(j + 1)?.kind === 'num' && p.is(j + 2, 'mom')) {
    every = Number(p.tok(j + 1)?.text);
    j += 3;
  } else {
    return undefined;
  }
  if (p.is(j, 'for', 'x')) {
    j++;
  }
  const t = time(p, j);
  if (!t || !(every > 0)) {
    return undefined;
  }
  const period = every * 60;
  const q = t.q;
  const bouts: Quantity = { min: Math.floor(q.min / period), max: Math.floor(q.max / period), start: q.start, end: q.end, style: 'digits' };
  return {
    next: t.next, kind: 'bouts', fields: ['bouts', 'boutSeconds'],
    set: (d) => { d.bouts = bouts; d.boutSeconds = { min: period, max: period, start: q.start, end: q.end, style: 'digits' }; },
  };
};

/** `rest 90 s`, `rest: 1:30`, `(rest 1:30)`, `interval 1 min`, `rest 10-20 seconds between sets`. */
const rest: Matcher = (p, i) => {
  if (!p.inSet(i, REST_WORDS)) {
    return undefined;
  }
  let j = i + 1;
  if (p.is(j, 'of', 'for')) {
    j++;
  }
  const t = time(p, j);
  if (!t) {
    const r = p.range(j);
    return r ? { next: r.next, kind: 'rest', fields: [], set: () => undefined, problem: `A rest with no unit; write a time such as rest ${r.max} s` } : undefined;
  }
  return restMatch(t, betweenClause(p, t.next));
};

/** `every other day`, `every third day`, `once every third day`, `every 2-3 days`, `EOD`, `QOD`, `alternate days`. */
const interval: Matcher = (p, i) => {
  const t = p.tok(i);
  if (!t) {
    return undefined;
  }
  const make = (n: { min: number; max: number; style: NumberStyle }, next: number): Match => ({
    next, kind: 'frequency', fields: ['intervalDays'],
    set: (d) => { d.intervalDays = { min: n.min, max: n.max, start: t.start, end: p.end(next), style: n.style }; },
  });
  if (p.is(i, 'eod', 'qod')) {
    return make({ min: 2, max: 2, style: 'words' }, i + 1);
  }
  let j = i;
  if (p.is(j, 'on')) {
    j++;
  }
  if (p.is(j, 'alternate', 'alternating') && p.is(j + 1, 'days')) {
    return make({ min: 2, max: 2, style: 'words' }, j + 2);
  }
  j = i;
  if (p.is(j, 'once', '1x')) {
    j++;
  }
  if (!p.is(j, 'every')) {
    return undefined;
  }
  j++;
  const o = p.tok(j);
  const ordinal = o ? ORDINAL_DAYS[o.norm] : undefined;
  if (ordinal !== undefined && p.is(j + 1, 'day')) {
    return make({ min: ordinal, max: ordinal, style: 'words' }, j + 2);
  }
  const r = p.range(j);
  if (r && p.is(r.next, 'nd', 'rd', 'th') && p.is(r.next + 1, 'day')) {
    return make(r, r.next + 2);
  }
  if (r && p.is(r.next, 'days')) {
    return make(r, r.next + 1);
  }
  return undefined;
};

/** `for 12 weeks`, `12 weeks`, `12 wk`, `12-week`. */
const programLength: Matcher = (p, i) => {
  let j = i;
  if (p.is(j, 'for', 'over')) {
    j++;
  }
  const r = p.range(j);
  if (!r) {
    return undefined;
  }
  let k = r.next;
  if (p.is(k, '-') && p.inSet(k + 1, WEEK_WORDS)) {
    k++;
  }
  if (!p.inSet(k, WEEK_WORDS)) {
    return undefined;
  }
  return withProblem({ next: k + 1, kind: 'length', fields: ['weeks'], set: (d) => { d.weeks = quantity(r); } }, descendingProblem(r));
};

/** `@ 75% 1RM`, `62.5%`, `75% of 1RM`, `70% MVIC`, `70-80% MVC`, `70% effort`, `15RM`, `8-12RM`. */
function intensityAt(p: Parser, i: number): { value: Intensity; next: number; problem?: string } | undefined {
  let j = i;
  if (p.is(j, '@', 'at')) {
    j++;
  }
  const r = p.range(j);
  if (!r) {
    return undefined;
  }
  let k = r.next;
  let unit: IntensityUnit;
  if (p.is(k, 'rm')) {
    unit = 'RM';
    k++;
  } else if (p.is(k, '%')) {
    k++;
    let m = k;
    if (p.is(m, 'of')) {
      m++;
    }
    if (p.is(m, 'mvic', 'mvc')) {
      unit = '%MVIC';
      k = m + 1;
    } else if (p.is(k, 'effort', 'speed', 'pace')) {
      unit = '%effort';
      k++;
    } else if (p.tok(m)?.text === '1' && p.is(m + 1, 'rm')) {
      unit = '%1RM';
      k = m + 2;
    } else if (p.is(m, 'rm', 'max')) {
      unit = '%1RM';
      k = m + 1;
    } else {
      unit = '%1RM';
    }
  } else {
    return undefined;
  }
  const start = p.tok(i)?.start ?? r.start;
  const value: Intensity = { min: r.min, max: r.max, unit, start, end: p.end(k) };
  const problem = unit !== 'RM' && r.max > 150 ? `Intensity ${r.max}% is off the scale; write a share such as 75% 1RM` : descendingProblem(r);
  return problem === undefined ? { value, next: k } : { value, next: k, problem };
}

const intensity: Matcher = (p, i) => {
  const r = intensityAt(p, i);
  return r ? withProblem({ next: r.next, kind: 'intensity', fields: ['intensity'], set: (d) => { d.intensity = r.value; } }, r.problem) : undefined;
};

/** `with 2 x 20 lb dumbbells`, `with 10 kg`: the load carried, not a second set group. */
const withLoad: Matcher = (p, i) => {
  if (!p.is(i, 'with', 'holding', 'using')) {
    return undefined;
  }
  let j = i + 1;
  const n = p.range(j);
  if (n && p.is(n.next, 'x') && p.range(n.next + 1)) {
    j = n.next + 1;
  }
  const r = p.range(j);
  const unit = r ? loadUnit(p, r.next) : undefined;
  if (!r || !unit) {
    return undefined;
  }
  let next = r.next + 1;
  while (p.inSet(next, IMPLEMENT_WORDS)) {
    next++;
  }
  if (p.is(next, 'in', 'each') && (p.is(next + 1, 'hand') || (p.is(next + 1, 'each') && p.is(next + 2, 'hand')))) {
    next += p.is(next + 1, 'each') ? 3 : 2;
  }
  return loadMatch(p, i, next, r, unit);
};

/** A bare tempo: `3-0-3`, `(3-1-1)`, `2-0-X-0`. */
const bareTempo: Matcher = (p, i) => {
  const part = (k: number): boolean => (p.tok(k)?.kind === 'num' && (p.tok(k)?.text.length ?? 0) === 1) || p.is(k, 'x');
  if (!part(i) || !p.is(i + 1, '-') || !part(i + 2) || !p.is(i + 3, '-') || !part(i + 4)) {
    return undefined;
  }
  let j = i + 5;
  if (p.is(j, '-') && part(j + 1)) {
    j += 2;
  }
  const value = p.text.slice(p.tok(i)?.start ?? 0, p.end(j)).replace(/\s+/g, '').replace(/[‐‑‒–—]/g, '-');
  return { next: j, kind: 'tempo', fields: ['tempo'], set: (d) => { d.tempo = value; } };
};

/** A ladder: `3,2,1 x 10 s hold` is three sets of 3, 2 and 1 reps, each held 10 s. */
/**
 * The counts of a comma list that starts with `first` and ends at token `listEnd` (read once the whole
 * match holds, so a failed try stays constant time), and the sets and reps they stand for: one set per
 * count, reps from the lowest to the highest, each set's reps kept in `repsPerSet`.
 */
function setsOfList(p: Parser, first: { value: number; next: number; start: number }, listEnd: number): Setter {
  const values = [first.value];
  let j = first.next;
  while (j < listEnd) {
    values.push(p.num(j + 1)?.value ?? 0);
    j = p.num(j + 1)?.next ?? listEnd;
  }
  const start = first.start;
  const end = p.end(j);
  return (d) => {
    d.sets = { min: values.length, max: values.length, start, end, style: 'digits' };
    d.reps = { min: minOf(values) ?? 0, max: maxOf(values) ?? 0, start, end, style: 'digits' };
    d.repsPerSet = values;
  };
}

const ladder: Matcher = (p, i) => {
  const first = p.num(i);
  if (!first || first.style !== 'digits' || !p.is(first.next, ',')) {
    return undefined;
  }
  const listEnd = p.listEnd(i);
  const t = listEnd !== null && p.is(listEnd, 'x') ? time(p, listEnd + 1) : undefined;
  if (listEnd === null || !t) {
    return undefined;
  }
  const sets = setsOfList(p, first, listEnd);
  let next = t.next;
  if (p.inSet(next, HOLD_WORDS)) {
    next++;
  }
  return {
    next, kind: 'sets-reps', fields: ['sets', 'reps', 'holdSeconds'],
    set: (d) => {
      sets(d);
      d.holdSeconds = t.q;
    },
  };
};

/**
 * Reps of each set, listed with no spaces: `5,5,8` is three sets of 5, 5 and 8 reps (the load and reps
 * fields of `Squat / 30kg / 5,5,8`). Whole counts only, two or more, standing alone.
 */
const repsList: Matcher = (p, i) => {
  const first = p.num(i);
  if (!first || first.style !== 'digits' || !p.is(first.next, ',')) {
    return undefined;
  }
  // Where the list ends, remembered for every number in it (a long list stays linear).
  const listEnd = p.listEnd(i, true);
  if (listEnd === null || listEnd === first.next) {
    return i === 0 ? spacedRepsList(p, first) : undefined;
  }
  const next = p.inSet(listEnd, REP_WORDS) ? listEnd + 1 : listEnd;
  if (!Number.isInteger(first.value) || !bareEnd(p, next) || p.is(next, ',') && p.tok(next)?.start === p.tok(next - 1)?.end) {
    return undefined;
  }
  return { next, kind: 'sets-reps', fields: ['sets', 'reps'], set: setsOfList(p, first, listEnd) };
};

/**
 * Whole counts separated by commas: the numbers and the token after the last, or undefined when fewer
 * than two. The list stops before a comma followed by anything but such a count (`10, 8, RPE 8`).
 */
function countList(p: Parser, first: Num): { values: number[]; next: number } | undefined {
  const values = [first.value];
  let k = first.next;
  while (p.is(k, ',')) {
    const n = p.num(k + 1);
    if (!n || n.style !== 'digits' || !Number.isInteger(n.value) || !bareEnd(p, n.next)) {
      break;
    }
    values.push(n.value);
    k = n.next;
  }
  return values.length > 1 && Number.isInteger(first.value) ? { values, next: k } : undefined;
}

/** The reps of each set from a list of counts: one set per count, reps from the lowest to the highest. */
function perSetReps(values: readonly number[], start: number, end: number): Setter {
  return (d) => {
    d.sets = { min: values.length, max: values.length, start, end, style: 'digits' };
    d.reps = { min: minOf(values) ?? 0, max: maxOf(values) ?? 0, start, end, style: 'digits' };
    d.repsPerSet = [...values];
  };
}

/**
 * `10, 8` as a whole entry (`- Pull-ups: 10, 8`): the reps of each set, written with spaces. Only at the
 * start of a dosage, so that `2 x 10, 5 steps each leg` keeps its comma.
 */
function spacedRepsList(p: Parser, first: Num): Match | undefined {
  const list = countList(p, first);
  if (!list) {
    return undefined;
  }
  const next = p.inSet(list.next, REP_WORDS) ? list.next + 1 : list.next;
  if (!bareEnd(p, next) || p.is(next, '/')) {
    return undefined;
  }
  return { next, kind: 'sets-reps', fields: ['sets', 'reps'], set: perSetReps(list.values, first.start, p.end(list.next)) };
}

/**
 * `5/5/5`: the reps of each set written with slashes, three or more whole counts with nothing between
 * them (`10/side` is a count per side, `2/10` a pain score).
 */
const slashList: Matcher = (p, i) => {
  const first = p.num(i);
  if (!first || first.style !== 'digits' || !Number.isInteger(first.value)) {
    return undefined;
  }
  const values = [first.value];
  let k = first.next;
  while (p.is(k, '/') && p.tok(k)?.start === p.tok(k - 1)?.end) {
    const n = p.num(k + 1);
    if (!n || n.style !== 'digits' || !Number.isInteger(n.value) || n.start !== p.tok(k)?.end) {
      return undefined;
    }
    values.push(n.value);
    k = n.next;
  }
  if (values.length < 3) {
    return undefined;
  }
  const next = p.inSet(k, REP_WORDS) ? k + 1 : k;
  return { next, kind: 'sets-reps', fields: ['sets', 'reps'], set: perSetReps(values, first.start, p.end(k)) };
};

/**
 * A load first, then `x`: the lifting order weight x reps (x sets). `80kg x 5` is 5 reps at 80 kg,
 * `80kg x 5 x 3` is 3 sets of 5 reps, `87.5 kg x 5, 5, 8` three sets of 5, 5 and 8 reps. Without the `x`
 * after the load, `80kg 5x3` is the usual sets x reps: 5 sets of 3.
 */
const loadThenReps: Matcher = (p, i) => {
  let j = i;
  if (p.is(j, '@')) {
    j++;
  }
  const r = p.range(j);
  const unit = r ? loadUnit(p, r.next) : undefined;
  if (!r || !unit || !p.is(r.next + 1, 'x')) {
    return undefined;
  }
  const at = r.next + 2;
  const first = p.num(at);
  const reps = p.range(at);
  if (!first || !reps || p.timeUnit(reps.next) !== undefined || loadUnit(p, reps.next) || p.inSet(reps.next, SET_WORDS)) {
    return undefined;
  }
  const loadStart = p.tok(i)?.start ?? 0;
  const loadEnd = p.tok(r.next)?.end ?? 0;
  const setLoad: Setter = (d) => { d.load = { min: r.min, max: r.max, unit, start: loadStart, end: loadEnd }; };
  const problem = descendingProblem(r) ?? descendingProblem(reps);
  // `80kg x 5 x 3`, `80kg x 5x3`: reps, then sets.
  if (p.is(reps.next, 'x')) {
    const sets = p.range(reps.next + 1);
    if (!sets || p.timeUnit(sets.next) !== undefined || loadUnit(p, sets.next) || p.is(sets.next, 'x')) {
      return undefined;
    }
    let next = sets.next;
    if (p.inSet(next, SET_WORDS)) {
      next++;
    }
    return withProblem({
      next, kind: 'sets-reps', fields: ['sets', 'reps', 'load'],
      set: (d) => { d.sets = quantity(sets); d.reps = quantity(reps); setLoad(d); },
    }, problem ?? descendingProblem(sets));
  }
  // `87.5 kg x 5, 5, 8`: the reps of each set.
  const list = reps.min === reps.max ? countList(p, first) : undefined;
  if (list) {
    const next = p.inSet(list.next, REP_WORDS) ? list.next + 1 : list.next;
    const each = perSetReps(list.values, first.start, p.end(list.next));
    return withProblem({ next, kind: 'sets-reps', fields: ['sets', 'reps', 'load'], set: (d) => { each(d); setLoad(d); } }, problem);
  }
  return undefined;
};

/** `pain 2/10`, `pain: 3`, `2/10 pain`, `2/10`. */
const pain: Matcher = (p, i) => {
  let j = i;
  // `keep pain under 4/10`, `stop at pain ≤3/10`: a limit.
  let limit = false;
  if (p.is(j, 'keep', 'stop', 'limit') && (p.is(j + 1, 'pain') || (p.is(j + 1, 'at', 'if', 'before', 'when') && p.is(j + 2, 'pain')))) {
    limit = true;
    j += p.is(j + 1, 'pain') ? 1 : 2;
  }
  const led = p.is(j, 'pain');
  if (led) {
    j++;
    if (p.is(j, ':')) {
      j++;
    }
    if (p.inSet(j, PAIN_LIMIT_WORDS) || (p.is(j, 'up', 'at') && p.is(j + 1, 'to', 'most'))) {
      limit = true;
      j += p.is(j, 'up', 'at') ? 2 : 1;
      while (p.is(j, '=', 'than', 'of')) {
        j++;
      }
    }
  }
  const r = p.range(j);
  if (!r) {
    return undefined;
  }
  j = r.next;
  let outOf10 = false;
  if (p.is(j, '/') && p.tok(j + 1)?.text === '10') {
    j += 2;
    outOf10 = true;
  }
  if (!led) {
    if (!outOf10) {
      return undefined;
    }
    if (p.is(j, 'pain')) {
      j++;
    }
  }
  const problem = r.max > 10 ? `Pain ${r.max} is off the scale; pain is scored from 0 to 10` : descendingProblem(r);
  if (limit) {
    return withProblem({ next: j, kind: 'pain-limit', fields: ['painLimit'], set: (d) => { d.painLimit = quantity(r); } }, problem);
  }
  return withProblem({ next: j, kind: 'pain', fields: ['pain'], set: (d) => { d.pain = quantity(r); } }, problem);
};

/** `RPE 7`, `RPE 6-7`, `@ RPE 8`. */
const effort: Matcher = (p, i) => {
  let j = i;
  if (p.is(j, '@')) {
    j++;
  }
  const rir = p.is(j, 'rir');
  if (!rir && !p.is(j, 'rpe')) {
    return undefined;
  }
  j++;
  if (p.is(j, ':')) {
    j++;
  }
  const r = p.range(j);
  if (!r) {
    return undefined;
  }
  if (rir) {
    return withProblem({ next: r.next, kind: 'effort', fields: ['rir'], set: (d) => { d.rir = quantity(r); } }, descendingProblem(r));
  }
  // `RPE 6/10`, `RPE 7-8/10`: the scale is said, not a second number.
  const next = p.is(r.next, '/') && p.tok(r.next + 1)?.text === '10' ? r.next + 2 : r.next;
  const problem = r.max > 10 ? `RPE ${r.max} is off the scale; RPE runs from 1 to 10` : descendingProblem(r);
  return withProblem({ next, kind: 'effort', fields: ['rpe'], set: (d) => { d.rpe = quantity(r); } }, problem);
};

/** `tempo 3-1-1`, `tempo 3010`, `tempo 2-0-X-0`. */
const tempo: Matcher = (p, i) => {
  if (!p.is(i, 'tempo')) {
    return undefined;
  }
  let j = i + 1;
  if (p.is(j, ':')) {
    j++;
  }
  const first = j;
  const part = (k: number): boolean => p.tok(k)?.kind === 'num' || p.is(k, 'x');
  if (!part(j)) {
    return undefined;
  }
  j++;
  let parts = 1;
  while (p.is(j, '-') && part(j + 1)) {
    j += 2;
    parts++;
  }
  // A tempo has three or four phases: `3-1-1`, or `3010` written together. `Tempo: 2 x 1 mile` names a
  // tempo run, whose dosage follows.
  const together = p.tok(first)?.kind === 'num' && /^\d{3,4}$/.test(p.tok(first)?.text ?? '');
  if (parts < 3 && !(parts === 1 && together)) {
    return undefined;
  }
  // One part alone is a tempo only written as its digits (`3010`): `Tempo: 2 x 1 mile` names a tempo run.
  if (j === first + 1 && !/^\d{3,4}$/.test(p.tok(first)?.text ?? '')) {
    return undefined;
  }
  const value = p.text.slice(p.tok(first)?.start ?? 0, p.end(j)).replace(/\s+/g, '').replace(/[‐‑‒–—]/g, '-');
  return { next: j, kind: 'tempo', fields: ['tempo'], set: (d) => { d.tempo = value; } };
};

/**
 * `hold 5 s`, `hold 3-6 seconds`, `hold this position for six seconds`, `5 s hold`, `6-second hold`; a
 * minimum with no upper bound: `hold at least 6 s`, `hold 6 s or more` (the maximum is Infinity).
 */
const hold: Matcher = (p, i) => {
  if (p.inSet(i, HOLD_WORDS)) {
    let j = i + 1;
    while (p.inSet(j, HOLD_FILLERS) && !p.num(j)) {
      j++;
    }
    let atLeast = p.is(j, 'at') && p.is(j + 1, 'least');
    if (atLeast) {
      j += 2;
    }
    const t = time(p, j);
    if (!t) {
      const r = p.range(j);
      return r ? {
        next: r.next, kind: 'hold', fields: [], set: () => undefined,
        problem: `A hold with no unit; write a time such as hold ${r.max} s`,
      } : undefined;
    }
    const r = p.range(j);
    let next = t.next;
    if (!atLeast && t.q.min === t.q.max && p.is(next, 'or') && (p.is(next + 1, 'more') || p.is(next + 1, 'longer'))) {
      atLeast = true;
      next += 2;
    }
    return withProblem({
      next, kind: 'hold', fields: ['holdSeconds'],
      set: (d) => { d.holdSeconds = atLeast ? { ...t.q, max: Number.POSITIVE_INFINITY } : t.q; },
    }, atLeast && t.q.min !== t.q.max ? 'A minimum hold is one number; write hold at least 6 s' : r && t.q.unitScale !== 0 ? descendingProblem(r) : undefined);
  }
  const r = p.range(i);
  if (!r) {
    return undefined;
  }
  let j = r.next;
  if (p.is(j, '-')) {
    j++; // `6-second hold`
  }
  const scale = p.timeUnit(j);
  if (scale === undefined || !p.inSet(j + 1, HOLD_WORDS)) {
    return undefined;
  }
  const unitEnd = p.tok(j)?.end ?? r.end;
  return withProblem({
    next: j + 2, kind: 'hold', fields: ['holdSeconds'],
    set: (d) => { d.holdSeconds = quantity(r, scale, unitEnd); },
  }, descendingProblem(r));
};

/** The period after a count: `daily`, `a day`, `per day`, `/day`, `weekly`, `/week`, `a week`. */
function period(p: Parser, i: number): { per: 'day' | 'week'; next: number } | undefined {
  let j = i;
  if (p.is(j, 'daily')) {
    return { per: 'day', next: j + 1 };
  }
  if (p.is(j, 'weekly')) {
    return { per: 'week', next: j + 1 };
  }
  if (p.is(j, 'a', 'per', '/', 'each', 'every')) {
    j++;
  } else if (!p.is(j, 'day', 'd', 'week', 'wk')) {
    return undefined;
  } else if (!p.is(i - 1, 'x', 'times')) {
    return undefined;
  }
  if (p.is(j, 'day', 'd')) {
    return { per: 'day', next: j + 1 };
  }
  if (p.is(j, 'week', 'wk')) {
    return { per: 'week', next: j + 1 };
  }
  return undefined;
}

function frequencyMatch(r: RangeNum | Num, per: 'day' | 'week', next: number): Match {
  const q = quantity(r);
  return withProblem({
    next, kind: 'frequency', fields: [per === 'day' ? 'perDay' : 'perWeek'],
    set: (d) => {
      if (per === 'day') {
        d.perDay = q;
      } else {
        d.perWeek = q;
      }
    },
  }, 'descending' in r ? descendingProblem(r) : undefined);
}

/** `once or twice daily`, `twice a day`. */
function timesWord(p: Parser, i: number): RangeNum | undefined {
  const t = p.tok(i);
  const a = t ? TIMES_WORDS[t.norm] : undefined;
  if (!t || a === undefined) {
    return undefined;
  }
  if (p.inSet(i + 1, RANGE_SEPARATORS)) {
    const u = p.tok(i + 2);
    const b = u ? TIMES_WORDS[u.norm] : undefined;
    if (u && b !== undefined) {
      return { min: Math.min(a, b), max: Math.max(a, b), start: t.start, end: u.end, style: 'words', next: i + 3, descending: a > b };
    }
  }
  return { min: a, max: a, start: t.start, end: t.end, style: 'words', next: i + 1, descending: false };
}

/**
 * `2x daily`, `1-2x daily`, `2x/day`, `2 times a day`, `3x/week`, `3 days a week`, `once or twice daily`,
 * `twice a day`, `daily`, `weekly`, `BID`, `TID`, `per run`, `each run`.
 */
const frequency: Matcher = (p, i) => {
  const t = p.tok(i);
  if (!t) {
    return undefined;
  }
  const abbreviation = PER_DAY_ABBREVIATIONS[t.norm];
  if (abbreviation !== undefined) {
    return frequencyMatch({ value: abbreviation, start: t.start, end: t.end, style: 'digits', next: i + 1 }, 'day', i + 1);
  }
  if (p.is(i, 'per', 'each', 'every') && p.inSet(i + 1, RUN_WORDS)) {
    return { next: i + 2, kind: 'frequency', fields: ['perRun'], set: (d) => { d.perRun = true; } };
  }
  if (p.is(i, 'daily') || (p.is(i, 'every', 'each') && p.is(i + 1, 'day'))) {
    const next = p.is(i, 'daily') ? i + 1 : i + 2;
    const d = { value: 1, start: t.start, end: p.tok(next - 1)?.end ?? t.end, style: 'words' as const, next };
    return frequencyMatch(d, 'day', next);
  }
  if (p.is(i, 'weekly')) {
    return frequencyMatch({ value: 1, start: t.start, end: t.end, style: 'words', next: i + 1 }, 'week', i + 1);
  }
  const w = timesWord(p, i);
  if (w) {
    const per = period(p, w.next);
    if (per) {
      return frequencyMatch(w, per.per, per.next);
    }
    return undefined;
  }
  const r = p.range(i);
  if (!r) {
    return undefined;
  }
  let j = r.next;
  if (p.is(j, 'days', 'sessions') && p.is(j + 1, 'a', 'per', '/', 'each', 'every') && p.is(j + 2, 'week', 'wk')) {
    return frequencyMatch(r, 'week', j + 3);
  }
  if (p.is(j, '/') && p.is(j + 1, 'week', 'wk')) {
    return frequencyMatch(r, 'week', j + 2);
  }
  if (p.is(j, '/') && p.is(j + 1, 'day', 'd')) {
    return frequencyMatch(r, 'day', j + 2);
  }
  if (!p.is(j, 'x', 'times')) {
    return undefined;
  }
  j++;
  const per = period(p, j);
  return per ? frequencyMatch(r, per.per, per.next) : undefined;
};

/** `before run`, `before running`, `before a run`, `immediately before running`, `after run`, `pre-run`, `warm-up`. */
const timing: Matcher = (p, i) => {
  let j = i;
  if (p.is(j, 'immediately', 'right', 'just')) {
    j++;
  }
  if (p.is(j, 'as') && (p.is(j + 1, 'warm', 'warmup') || (p.is(j + 1, 'a') && p.is(j + 2, 'warm', 'warmup')))) {
    j += p.is(j + 1, 'a') ? 2 : 1;
  }
  if (p.is(j, 'warmup')) {
    return { next: j + 1, kind: 'timing', fields: ['timing'], set: setTiming('warm-up', p, i, j + 1) };
  }
  if (p.is(j, 'warm') && (p.is(j + 1, 'up') || (p.is(j + 1, '-') && p.is(j + 2, 'up')))) {
    const next = p.is(j + 1, 'up') ? j + 2 : j + 3;
    return { next, kind: 'timing', fields: ['timing'], set: setTiming('warm-up', p, i, next) };
  }
  let when: Timing | undefined;
  if (p.is(j, 'before', 'pre')) {
    when = 'before-run';
  } else if (p.is(j, 'after', 'post')) {
    when = 'after-run';
  }
  if (!when) {
    return undefined;
  }
  j++;
  if (p.is(j, '-')) {
    j++;
  }
  if (p.is(j, 'a', 'each', 'every', 'your', 'the')) {
    j++;
  }
  if (!p.inSet(j, RUN_WORDS)) {
    return undefined;
  }
  return { next: j + 1, kind: 'timing', fields: ['timing'], set: setTiming(when, p, i, j + 1) };
};

function setTiming(value: Timing, p: Parser, i: number, next: number): Setter {
  const start = p.tok(i)?.start ?? 0;
  const end = p.end(next);
  return (d) => { d.timing = { value, start, end }; };
}

function sideMatch(p: Parser, i: number, next: number, value: Side): Match {
  const start = p.tok(i)?.start ?? 0;
  const end = p.end(next);
  return { next, kind: 'side', fields: ['side'], set: (d) => { d.side = { value, start, end }; } };
}

/** `each side`, `each leg`, `per side`, `both sides`, `left`, `right`, `L`, `R`, `both`, `alternating`,
 * and `(repeating) the same side (in succession)`: each side, one side's reps in a row (`succession`). */
const side: Matcher = (p, i) => {
  let j = i;
  // `/side`, `/leg`: per side.
  if (p.is(j, '/') && p.inSet(j + 1, SIDE_LIMBS)) {
    return sideMatch(p, i, j + 2, 'each');
  }
  if (p.is(j, 'bilateral', 'bilaterally')) {
    return sideMatch(p, i, j + 1, 'each');
  }
  // `L,R`, `L/R`, `left & right`, `left and right`, `R/L`.
  if (p.is(j, 'left', 'l', 'right', 'r') && p.is(j + 1, ',', '/', '&', 'and', '+')) {
    const other = p.is(j, 'left', 'l') ? ['right', 'r'] : ['left', 'l'];
    if (p.is(j + 2, ...other)) {
      return sideMatch(p, i, p.inSet(j + 3, LIMB_WORDS) ? j + 4 : j + 3, 'each');
    }
  }
  if (p.is(j, 'on')) {
    j++;
  }
  if (p.is(j, 'each', 'per', 'every') && p.inSet(j + 1, SIDE_LIMBS)) {
    return sideMatch(p, i, j + 2, 'each');
  }
  // A bare `each` or `ea` after a count: `3x5 each`, `5 reps ea.`
  if (j === i && p.is(j, 'each', 'ea')) {
    return sideMatch(p, i, j + 1, 'each');
  }
  if (p.is(j, 'both')) {
    return sideMatch(p, i, p.inSet(j + 1, LIMB_WORDS) ? j + 2 : j + 1, 'both');
  }
  if (p.is(j, 'left', 'right', 'l', 'r')) {
    const value: Side = p.is(j, 'left', 'l') ? 'left' : 'right';
    return sideMatch(p, i, p.inSet(j + 1, LIMB_WORDS) ? j + 2 : j + 1, value);
  }
  if (p.is(j, 'alternating', 'alternate')) {
    return sideMatch(p, i, p.inSet(j + 1, LIMB_WORDS) ? j + 2 : j + 1, 'alternating');
  }
  if (p.is(j, 'repeating')) {
    j++;
    if (p.is(j, 'on')) {
      j++;
    }
    if (p.is(j, 'the')) {
      j++;
    }
  }
  if (p.is(j, 'same') && p.inSet(j + 1, LIMB_WORDS)) {
    let next = j + 2;
    if (p.is(next, 'in') && p.is(next + 1, 'succession')) {
      next += 2;
    }
    return sideMatch(p, i, next, 'succession');
  }
  return undefined;
};

function loadMatch(p: Parser, i: number, next: number, r: RangeNum | undefined, unit: LoadUnit): Match {
  const start = p.tok(i)?.start ?? 0;
  const end = p.end(next);
  const min = r?.min ?? 0;
  const max = r?.max ?? 0;
  return withProblem({
    next, kind: 'load', fields: ['load'], set: (d) => { d.load = { min, max, unit, start, end }; },
  }, r ? descendingProblem(r) : undefined);
}

function loadUnit(p: Parser, i: number): 'kg' | 'lb' | undefined {
  const t = p.tok(i);
  if (!t) {
    return undefined;
  }
  return t.norm === '#' ? 'lb' : LOAD_UNITS[t.norm];
}

/** `@ 20 kg`, `@ 45 lb`, `20 kg`, `45#`, `bodyweight`, `BW`, `body weight`. */
const load: Matcher = (p, i) => {
  let j = i;
  if (p.is(j, '@')) {
    j++;
  }
  if (p.is(j, 'bodyweight', 'bw')) {
    return loadMatch(p, i, j + 1, undefined, 'bodyweight');
  }
  if (p.is(j, 'body') && p.is(j + 1, 'weight')) {
    return loadMatch(p, i, j + 2, undefined, 'bodyweight');
  }
  const r = p.range(j);
  if (!r) {
    return undefined;
  }
  const unit = loadUnit(p, r.next);
  if (!unit) {
    return undefined;
  }
  // `85#,90#,90#`: the load of each set.
  const values = [r.min];
  let k = r.next + 1;
  while (r.min === r.max && p.is(k, ',') && p.num(k + 1) && loadUnit(p, (p.num(k + 1)?.next ?? 0)) === unit) {
    values.push(p.num(k + 1)?.value ?? 0);
    k = (p.num(k + 1)?.next ?? k) + 1;
  }
  if (values.length > 1) {
    const start = p.tok(i)?.start ?? 0;
    const end = p.end(k);
    return {
      next: k, kind: 'load', fields: ['load', 'loadPerSet'],
      set: (d) => { d.load = { min: minOf(values) ?? 0, max: maxOf(values) ?? 0, unit, start, end }; d.loadPerSet = values; },
    };
  }
  return loadMatch(p, i, r.next + 1, r, unit);
};

/** After `N x` or `N bouts of`: `100m` makes N repeats of a distance, `1:00` N bouts of a clock time. */
function boutsOfDistanceOrClock(p: Parser, a: RangeNum, at: number): Match | undefined {
  const dist = distance(p, at);
  if (dist) {
    return withProblem({
      next: dist.next, kind: 'bouts', fields: ['bouts', 'distanceMeters'],
      set: (d) => { d.bouts = quantity(a); d.distanceMeters = dist.q; },
    }, descendingProblem(a));
  }
  const ct = clock(p, at);
  if (ct) {
    return withProblem({
      next: ct.next, kind: 'bouts', fields: ['bouts', 'boutSeconds'],
      set: (d) => { d.bouts = quantity(a); d.boutSeconds = ct.q; },
    }, descendingProblem(a));
  }
  return undefined;
}

/** `3 bouts x 12 s`, `3 bouts of 12 s`, `3-4 bouts of 10-15 seconds`, `4 bouts`. */
const bouts: Matcher = (p, i) => {
  const a = p.range(i);
  if (!a || !p.inSet(a.next, BOUT_WORDS)) {
    return undefined;
  }
  let j = a.next + 1;
  if (p.is(j, 'x', 'of')) {
    const repeats = boutsOfDistanceOrClock(p, a, j + 1);
    if (repeats) {
      return repeats;
    }
    const b = p.range(j + 1);
    const scale = b ? p.timeUnit(b.next) : undefined;
    if (b && scale !== undefined) {
      const unitEnd = p.tok(b.next)?.end ?? b.end;
      return withProblem({
        next: b.next + 1, kind: 'bouts', fields: ['bouts', 'boutSeconds'],
        set: (d) => { d.bouts = quantity(a); d.boutSeconds = quantity(b, scale, unitEnd); },
      }, descendingProblem(a) ?? descendingProblem(b));
    }
  }
  j = a.next + 1;
  return withProblem({ next: j, kind: 'bouts', fields: ['bouts'], set: (d) => { d.bouts = quantity(a); } }, descendingProblem(a));
};

/** `5 steps each leg`, `4-5 steps per leg`, `4 to 5 'steps' with each leg`. */
const steps: Matcher = (p, i) => {
  const a = p.range(i);
  if (!a) {
    return undefined;
  }
  let j = a.next;
  const quoted = p.is(j, "'", '"');
  if (quoted) {
    j++;
  }
  if (!p.inSet(j, STEP_WORDS)) {
    return undefined;
  }
  j++;
  if (quoted && p.is(j, "'", '"')) {
    j++;
  }
  let k = j;
  if (p.is(k, 'with', 'on')) {
    k++;
  }
  if (p.is(k, 'each', 'per', 'every') && p.inSet(k + 1, LIMB_WORDS)) {
    j = k + 2;
  }
  return withProblem({ next: j, kind: 'steps', fields: ['steps'], set: (d) => { d.steps = quantity(a); } }, descendingProblem(a));
};

/** Whether a number ending before token k stands alone: end of text, or a mark that is not `x`, `/`, `-` or `#`. */
function bareEnd(p: Parser, k: number): boolean {
  const t = p.tok(k);
  return t === undefined || (t.kind === 'sym' && !['x', '/', '-', '#'].includes(t.norm));
}

/**
 * Per-set list after `3x3`: `,5,5` makes `3x3,5,5`. Taken only when it gives exactly one number per set,
 * so `2 x 10, 5 steps each leg` keeps its comma.
 */
function perSetList(p: Parser, first: Num | RangeNum, j: number, sets: RangeNum, bare: (k: number) => boolean): { values: number[]; next: number } | undefined {
  if (sets.min !== sets.max || !('value' in first) || !p.is(j, ',')) {
    return undefined;
  }
  const values = [first.value];
  let k = j;
  while (values.length < sets.min && p.is(k, ',')) {
    const n = p.num(k + 1);
    if (!n || n.style !== 'digits' || !bare(n.next)) {
      return undefined;
    }
    values.push(n.value);
    k = n.next;
  }
  return values.length === sets.min && values.length > 1 ? { values, next: k } : undefined;
}

/**
 * The reps each set to failure reached, after `2 x AMRAP`: `(9, 7)`, `- 10, 9`, `: 10,9`. One count per
 * set, or nothing is read.
 */
function amrapDone(p: Parser, at: number, sets: RangeNum): { next: number; set: Setter } | undefined {
  let k = at;
  const open = p.is(k, '(');
  if (open || p.is(k, '-', ':')) {
    k++;
  }
  const first = p.num(k);
  const list = first && first.style === 'digits' ? countList(p, first) : undefined;
  if (!first || !list || sets.min !== sets.max || list.values.length !== sets.min) {
    return undefined;
  }
  let next = p.inSet(list.next, REP_WORDS) ? list.next + 1 : list.next;
  if (open) {
    if (!p.is(next, ')')) {
      return undefined;
    }
    next++;
  }
  return { next, set: perSetReps(list.values, first.start, p.end(list.next)) };
}

/**
 * `3x10`, `3 × 10 reps`, `2-3 x 10`, `3 sets of 10`, `two to three sets of ten reps`, `3 sets`,
 * chained `3x5x15 s` (hold), `3x6x20 lb` (load), `3x8`, `3 x 12 s` (bouts), per-set `3x3,5,5`, `3x3x85,90,90 lb`.
 */
const setsReps: Matcher = (p, i) => {
  const a = p.range(i);
  if (!a) {
    return undefined;
  }
  let j = a.next;
  const setsWord = p.inSet(j, SET_WORDS);
  if (setsWord) {
    j++;
    // `2 sets to failure`, `2 sets of AMRAP`.
    const f = failure(p, p.is(j, 'of', 'x') ? j + 1 : j, true);
    if (f !== undefined) {
      return withProblem({ next: f, kind: 'sets-reps', fields: ['sets', 'toFailure'], set: (d) => { d.sets = quantity(a); d.toFailure = true; } }, descendingProblem(a));
    }
    if (!p.is(j, 'of', 'x') || !p.range(j + 1)) {
      return withProblem({ next: j, kind: 'sets', fields: ['sets'], set: (d) => { d.sets = quantity(a); } }, descendingProblem(a));
    }
  }
  if (!p.is(j, 'x') && !(setsWord && p.is(j, 'of'))) {
    return undefined;
  }
  // `2 x AMRAP-2`: two sets stopped two reps short of failure.
  const minus = amrapMinus(p, j + 1);
  if (minus) {
    return withProblem({ next: minus.next, kind: 'sets-reps', fields: ['sets', 'rir'], set: (d) => { d.sets = quantity(a); d.rir = minus.q; } }, descendingProblem(a));
  }
  // `2 x AMRAP`: two sets to failure, never two reps.
  const f = failure(p, j + 1, true);
  if (f !== undefined) {
    const done = amrapDone(p, f, a);
    if (done) {
      return withProblem({
        next: done.next, kind: 'sets-reps', fields: ['sets', 'reps', 'toFailure'],
        set: (d) => { done.set(d); d.toFailure = true; },
      }, descendingProblem(a));
    }
    return withProblem({ next: f, kind: 'sets-reps', fields: ['sets', 'toFailure'], set: (d) => { d.sets = quantity(a); d.toFailure = true; } }, descendingProblem(a));
  }
  if (!setsWord) {
    // `6 x 100m` (repeats of a distance) or `3 x 1:00` (bouts of a clock time).
    const repeats = boutsOfDistanceOrClock(p, a, j + 1);
    if (repeats) {
      return repeats;
    }
  }
  const firstNum = p.num(j + 1);
  const b = p.range(j + 1);
  if (!b || !firstNum) {
    return undefined;
  }
  // `3 x 5 steps each leg`: sets of steps, not reps.
  const stepped = setsWord ? undefined : steps(p, j + 1);
  if (stepped) {
    return withProblem({
      next: stepped.next, kind: 'sets-reps', fields: ['sets', 'steps'],
      set: (d) => { d.sets = quantity(a); stepped.set(d); },
    }, stepped.problem ?? descendingProblem(a));
  }
  j = b.next;
  const problem = descendingProblem(a) ?? descendingProblem(b);
  // `3 x 12 s`: a time after the x makes it bouts.
  const boutScale = p.timeUnit(j);
  if (!setsWord && boutScale !== undefined) {
    const unitEnd = p.tok(j)?.end ?? b.end;
    // `5 x 10 s hold`: a hold word after the time makes it reps held that long (as `5 x hold 10 s`).
    if (p.inSet(j + 1, HOLD_WORDS)) {
      return withProblem({
        next: j + 2, kind: 'reps', fields: ['reps', 'holdSeconds'],
        set: (d) => { d.reps = quantity(a); d.holdSeconds = quantity(b, boutScale, unitEnd); },
      }, problem);
    }
    return withProblem({
      next: j + 1, kind: 'bouts', fields: ['bouts', 'boutSeconds'],
      set: (d) => { d.bouts = quantity(a); d.boutSeconds = quantity(b, boutScale, unitEnd); },
    }, problem);
  }
  // `5 × 100kg`: reps and a load (a load after the x).
  const repsLoad = setsWord ? undefined : loadUnit(p, j);
  if (repsLoad) {
    const start = p.tok(j - 1)?.start ?? b.start;
    const end = p.tok(j)?.end ?? b.end;
    return withProblem({
      next: j + 1, kind: 'reps', fields: ['reps', 'load'],
      set: (d) => { d.reps = quantity(a); d.load = { min: b.min, max: b.max, unit: repsLoad, start, end }; },
    }, problem);
  }
  const sets = quantity(a);
  const reps = quantity(b);
  // `3 x 15RM`: sets of reps at a repetition maximum.
  if (p.is(j, 'rm')) {
    const value: Intensity = { min: b.min, max: b.max, unit: 'RM', start: b.start, end: p.tok(j)?.end ?? b.end };
    return withProblem({
      next: j + 1, kind: 'sets-reps', fields: ['sets', 'reps', 'intensity'],
      set: (d) => { d.sets = sets; d.reps = reps; d.intensity = value; },
    }, problem);
  }
  // Chained third factor: hold time or load (per set or one).
  if (!setsWord && p.is(j, 'x')) {
    const cNum = p.num(j + 1);
    const c = p.range(j + 1);
    if (c && cNum) {
      const scale = p.timeUnit(c.next);
      if (scale !== undefined) {
        const unitEnd = p.tok(c.next)?.end ?? c.end;
        return withProblem({
          next: c.next + 1, kind: 'sets-reps', fields: ['sets', 'reps', 'holdSeconds'],
          set: (d) => { d.sets = sets; d.reps = reps; d.holdSeconds = quantity(c, scale, unitEnd); },
        }, problem ?? descendingProblem(c));
      }
      const list = perSetList(p, cNum, c.next, a, (k) => p.is(k, ',') || loadUnit(p, k) !== undefined);
      const end = list ? list.next : c.next;
      const unit = loadUnit(p, end);
      if (unit) {
        const loadStart = p.tok(j + 1)?.start ?? 0;
        const loadEnd = p.tok(end)?.end ?? 0;
        const values = list?.values;
        const min = values ? minOf(values) ?? c.min : c.min;
        const max = values ? maxOf(values) ?? c.max : c.max;
        return withProblem({
          next: end + 1, kind: 'sets-reps', fields: ['sets', 'reps', 'load'],
          set: (d) => {
            d.sets = sets;
            d.reps = reps;
            d.load = { min, max, unit, start: loadStart, end: loadEnd };
            if (values) {
              d.loadPerSet = values;
            }
          },
        }, problem ?? descendingProblem(c));
      }
    }
  }
  const list = perSetList(p, firstNum.next === b.next ? firstNum : b, j, a, (k) => bareEnd(p, k) || p.inSet(k, REP_WORDS));
  if (list) {
    j = list.next;
  }
  if (p.inSet(j, REP_WORDS)) {
    j++;
  }
  const perSet = list?.values;
  const repsQ: Quantity = perSet ? { ...reps, min: minOf(perSet) ?? reps.min, max: maxOf(perSet) ?? reps.max } : reps;
  return withProblem({
    next: j, kind: 'sets-reps', fields: ['sets', 'reps'],
    set: (d) => {
      d.sets = sets;
      d.reps = repsQ;
      if (perSet) {
        d.repsPerSet = perSet;
      }
    },
  }, problem);
};

/** `10 reps`, `4 to 6 times`, `10x`. */
const reps: Matcher = (p, i) => {
  const a = p.range(i);
  if (!a) {
    return undefined;
  }
  // `10 reps x 3 sets`, `5 reps * 10 sets`: reps first.
  if (p.inSet(a.next, REP_WORDS) && p.is(a.next + 1, 'x')) {
    const b = p.range(a.next + 2);
    if (b && p.inSet(b.next, SET_WORDS)) {
      return withProblem({
        next: b.next + 1, kind: 'sets-reps', fields: ['sets', 'reps'],
        set: (d) => { d.sets = quantity(b); d.reps = quantity(a); },
      }, descendingProblem(a) ?? descendingProblem(b));
    }
  }
  // `10/side`: a count per side.
  if (p.is(a.next, '/') && p.inSet(a.next + 1, SIDE_LIMBS)) {
    const start = p.tok(a.next)?.start ?? a.end;
    const end = p.tok(a.next + 1)?.end ?? a.end;
    return withProblem({
      next: a.next + 2, kind: 'reps', fields: ['reps', 'side'],
      set: (d) => { d.reps = quantity(a); d.side = { value: 'each', start, end }; },
    }, descendingProblem(a));
  }
  // `10x` stands alone: `3 x AMRP` is not 3 reps and a note.
  const alone = (k: number): boolean => {
    const t = p.tok(k);
    return t === undefined || JOINERS.has(t.norm) || (t.kind === 'word' && matchAt(p, k) !== undefined);
  };
  if (p.inSet(a.next, REP_WORDS) || (p.is(a.next, 'x') && !p.num(a.next + 1) && alone(a.next + 1))) {
    return withProblem({ next: a.next + 1, kind: 'reps', fields: ['reps'], set: (d) => { d.reps = quantity(a); } }, descendingProblem(a));
  }
  return undefined;
};

/** A count after the name: `x 10`, `x10`, `x 10 reps`, `x 30 s`, `x 100 m`, `x 3 sets`. */
const countAfter: Matcher = (p, i) => {
  if (!p.is(i, 'x')) {
    return undefined;
  }
  const t = time(p, i + 1);
  if (t) {
    return { next: t.next, kind: 'duration', fields: ['boutSeconds'], set: (d) => { d.boutSeconds = t.q; } };
  }
  const dist = distance(p, i + 1);
  if (dist) {
    return { next: dist.next, kind: 'distance', fields: ['distanceMeters'], set: (d) => { d.distanceMeters = dist.q; } };
  }
  const f = failure(p, i + 1, true);
  if (f !== undefined) {
    return { next: f, kind: 'failure', fields: ['toFailure'], set: (d) => { d.toFailure = true; } };
  }
  const a = p.range(i + 1);
  if (!a || p.is(a.next, 'x') || p.is(a.next, '/') || loadUnit(p, a.next)) {
    return undefined;
  }
  if (p.inSet(a.next, SET_WORDS)) {
    return withProblem({ next: a.next + 1, kind: 'sets', fields: ['sets'], set: (d) => { d.sets = quantity(a); } }, descendingProblem(a));
  }
  const next = p.inSet(a.next, REP_WORDS) ? a.next + 1 : a.next;
  return withProblem({ next, kind: 'reps', fields: ['reps'], set: (d) => { d.reps = quantity(a); } }, descendingProblem(a));
};

/** `100 m`, `2 km`, `1 mile`; `100 m x 6` is six repeats. */
const distanceMatcher: Matcher = (p, i) => {
  const dist = distance(p, i);
  if (!dist) {
    return undefined;
  }
  if (p.is(dist.next, 'x')) {
    const n = p.range(dist.next + 1);
    if (n && !p.timeUnit(n.next) && !loadUnit(p, n.next)) {
      return withProblem({
        next: n.next, kind: 'bouts', fields: ['bouts', 'distanceMeters'],
        set: (d) => { d.bouts = quantity(n); d.distanceMeters = dist.q; },
      }, descendingProblem(n));
    }
  }
  return { next: dist.next, kind: 'distance', fields: ['distanceMeters'], set: (d) => { d.distanceMeters = dist.q; } };
};

/** A bare time, `30 s` or `2 min`: the length of one bout. */
const duration: Matcher = (p, i) => {
  const t = time(p, i);
  if (!t) {
    return undefined;
  }
  const a = p.range(i);
  const problem = a && t.q.unitScale !== 0 ? descendingProblem(a) : undefined;
  // `90s rest`, `1.5 min interval`: a rest, never a bout.
  if (p.inSet(t.next, REST_WORDS)) {
    return restMatch(t, betweenClause(p, t.next + 1), problem);
  }
  // `30 s x 2`: two bouts of 30 s.
  if (p.is(t.next, 'x')) {
    const n = p.range(t.next + 1);
    if (n && !p.timeUnit(n.next) && !loadUnit(p, n.next) && !p.inSet(n.next, SET_WORDS) && !p.inSet(n.next, REP_WORDS)) {
      return withProblem({
        next: n.next, kind: 'bouts', fields: ['bouts', 'boutSeconds'],
        set: (d) => { d.bouts = quantity(n); d.boutSeconds = t.q; },
      }, problem ?? descendingProblem(n));
    }
  }
  return withProblem({ next: t.next, kind: 'duration', fields: ['boutSeconds'], set: (d) => { d.boutSeconds = t.q; } }, problem);
};

const MATCHERS: readonly Matcher[] = [
  labelled, slashList, pain, effort, tempo, bareTempo, hold, rest, emom, toFailure, interval, frequency, programLength, timing, side,
  withLoad, intensity, loadThenReps, load, bouts, steps, ladder, repsList, setsReps, reps, countAfter, distanceMatcher, duration,
];

function matchAt(p: Parser, i: number): Match | undefined {
  for (const m of MATCHERS) {
    const r = m(p, i);
    if (r) {
      return r;
    }
  }
  return undefined;
}


/** Whether the token at i could start a dosage component. Used to find where a dosage begins in a line. */
export function startsComponent(text: string, offset: number): boolean {
  const p = new Parser(text.slice(offset));
  return p.tokens.length > 0 && matchAt(p, 0) !== undefined;
}

/** Parts a set group carries; anything else a group's component sets is a part of the whole dosage. */
const GROUP_FIELDS = new Set<keyof Dosage>(['sets', 'reps', 'toFailure', 'repsPerSet', 'load', 'loadPerSet', 'intensity']);

function groupOf(g: Dosage): SetGroup | undefined {
  if (!g.sets) {
    return undefined;
  }
  const out: { -readonly [K in keyof SetGroup]: SetGroup[K] } = { sets: g.sets };
  if (g.reps) {
    out.reps = g.reps;
  }
  if (g.toFailure) {
    out.toFailure = true;
  }
  if (g.load) {
    out.load = g.load;
  }
  if (g.intensity) {
    out.intensity = g.intensity;
  }
  return out;
}

function spanOver<T extends { min: number; max: number }>(xs: readonly T[]): { min: number; max: number } {
  return { min: minOf(xs.map((x) => x.min)) ?? Infinity, max: maxOf(xs.map((x) => x.max)) ?? -Infinity };
}

/** `3x10, 1x25`: the groups, with `sets` their total, `reps` their range, and a load or intensity they share a unit for. */
function applyGroups(d: Dosage, groups: SetGroup[]): void {
  const first = groups[0];
  const last = groups[groups.length - 1];
  if (!first || !last) {
    return;
  }
  d.setGroups = groups;
  const total = groups.reduce((n, g) => ({ min: n.min + g.sets.min, max: n.max + g.sets.max }), { min: 0, max: 0 });
  d.sets = { ...total, start: first.sets.start, end: last.sets.end, style: 'digits' };
  const reps = groups.flatMap((g) => (g.reps ? [g.reps] : []));
  const r0 = reps[0];
  if (r0) {
    d.reps = { ...spanOver(reps), start: r0.start, end: reps[reps.length - 1]?.end ?? r0.end, style: 'digits' };
  } else {
    delete d.reps;
  }
  delete d.repsPerSet;
  delete d.loadPerSet;
  if (groups.some((g) => g.toFailure)) {
    d.toFailure = true;
  }
  const loads = groups.flatMap((g) => (g.load ? [g.load] : []));
  const l0 = loads[0];
  if (l0 && loads.every((l) => l.unit === l0.unit)) {
    d.load = { ...spanOver(loads), unit: l0.unit, start: l0.start, end: loads[loads.length - 1]?.end ?? l0.end };
  } else {
    delete d.load;
  }
  const ints = groups.flatMap((g) => (g.intensity ? [g.intensity] : []));
  const i0 = ints[0];
  if (i0 && ints.every((x) => x.unit === i0.unit)) {
    d.intensity = { ...spanOver(ints), unit: i0.unit, start: i0.start, end: ints[ints.length - 1]?.end ?? i0.end };
  } else {
    delete d.intensity;
  }
}

/**
 * A bare `@ 70%` is a share of the one-rep max only in a strength dose. With a distance or a time (`6 x
 * 100m @ 70%`, `20 min @ 70%`) it is a share of full effort or speed: a run, not a lift.
 */
function effortShare(d: Dosage): void {
  if (bareShare(d) && (d.distanceMeters || d.boutSeconds)) {
    d.intensity = { ...d.intensity, unit: '%effort' };
  }
}

/** Whether the intensity is a bare percentage (`@ 70%`), with no 1RM, RM or max said. */
function bareShare(d: Dosage): d is Dosage & { intensity: Intensity } {
  const i = d.intensity;
  return i !== undefined && i.unit === '%1RM' && !d.setGroups && !/rm|max/i.test(d.text.slice(i.start, i.end));
}

/**
 * The dosage as its exercise reads it: for a run (`Strides @ 80%`, `Tempo run @ 70%`) a bare percentage is
 * a share of full effort or speed, never of 1RM. The same object when nothing changes.
 */
export function readForExercise(d: Dosage, name: string): Dosage {
  if (!bareShare(d) || !name.toLowerCase().split(/[^\p{L}]+/u).some((w) => RUN_EXERCISE_WORDS.has(w))) {
    return d;
  }
  return { ...d, intensity: { ...d.intensity, unit: '%effort' } };
}

/** Strips dashes and marks around a cue: `— slow on the way down` is `slow on the way down`. */
function noteText(s: string): string {
  return s.replace(/^[\s\-‐‑‒–—~*_"'“”‘’!?/|]+/u, '').replace(/[\s\-‐‑‒–—~*_"'“”‘’!?/|]+$/u, '');
}

/**
 * Reads a dosage. Never throws; what cannot be read is listed in `problems` with 0-based offsets. Words
 * with no number and no unit (`— controlled`, `(slow)`) are kept as the `note`, not a problem.
 */
export function parseDosage(text: string): Dosage {
  const p = new Parser(text);
  const d: Dosage = { text, components: [], problems: [] };
  const seen = new Set<keyof Dosage>();
  /** Where each part was first given, for "given a second time" problems. */
  const givenAt = new Map<keyof Dosage, { start: number; end: number }>();
  const twice = (field: keyof Dosage, start: number, end: number): string => {
    const first = givenAt.get(field);
    const label = fieldLabel(field);
    const before = first ? ` (after "${text.slice(first.start, first.end).trim()}")` : '';
    return `"${text.slice(start, end).trim()}" gives the ${label} a second time${before}; give the ${label} once`;
  };
  let i = 0;
  let bad: { start: number; end: number; counted: boolean } | undefined;
  const notes: { start: number; end: number }[] = [];
  const groups: SetGroup[] = [];
  /** Whether the component just read was a set group (a load or intensity right after it is the group's). */
  let afterGroup = false;
  const flushBad = (): void => {
    if (!bad) {
      return;
    }
    if (bad.counted) {
      const words = text.slice(bad.start, bad.end);
      const hint = suggestNotation(words);
      d.problems.push({
        start: bad.start, end: bad.end,
        message: hint === undefined
          ? `"${words}" cannot be read as part of a dosage; write parts such as 3 x 10, hold 5 s or 2x daily`
          : `"${words}" cannot be read as part of a dosage; did you mean "${hint}"?`,
      });
    } else {
      const prev = notes[notes.length - 1];
      if (prev && /^[\s,]*(?:and|&|\+|or|then|plus)?\s*$/iu.test(text.slice(prev.end, bad.start))) {
        prev.end = bad.end;
      } else {
        notes.push({ start: bad.start, end: bad.end });
      }
    }
    bad = undefined;
  };
  while (i < p.tokens.length) {
    const t = p.tokens[i];
    if (!t) {
      break;
    }
    // ` / ` between fields (`30kg / 5,5,8`) separates them like a comma; `3/wk`, `10/side` stay whole.
    if (JOINERS.has(t.norm) || (t.norm === '/' && /\s/.test(text[t.start - 1] ?? '') && /\s/.test(text[t.end] ?? ''))) {
      flushBad();
      i++;
      continue;
    }
    // `Frequency: 2x daily`, `Notes: slow`: the label only introduces what follows.
    if (!bad && p.inSet(i, LABEL_PREFIXES) && p.is(i + 1, ':')) {
      i += 2;
      continue;
    }
    const m = matchAt(p, i);
    if (!m) {
      const counted = t.kind === 'num' || UNIT_WORDS.has(t.norm);
      bad = bad ? { start: bad.start, end: t.end, counted: bad.counted || counted } : { start: t.start, end: t.end, counted };
      i++;
      continue;
    }
    flushBad();
    const start = t.start;
    const end = p.end(m.next);
    const wasAfterGroup = afterGroup;
    afterGroup = false;
    if (m.problem !== undefined) {
      d.problems.push({ start, end, message: m.problem });
      i = m.next;
      continue;
    }
    const isGroup = m.kind === 'sets-reps' && m.fields.includes('sets');
    if (isGroup && seen.has('sets') && groups.length > 0) {
      // A second group of sets: `3x10, 1x25`.
      const g: Dosage = { text, components: [], problems: [] };
      m.set(g);
      const group = groupOf(g);
      const extra = m.fields.filter((f) => !GROUP_FIELDS.has(f));
      const repeated = extra.find((f) => seen.has(f));
      if (!group || repeated !== undefined) {
        d.problems.push({ start, end, message: twice(repeated ?? 'sets', start, end) });
      } else {
        groups.push(group);
        for (const f of extra) {
          seen.add(f);
          givenAt.set(f, { start, end });
          (d as unknown as Record<string, unknown>)[f] = (g as unknown as Record<string, unknown>)[f];
        }
        d.components.push({ kind: m.kind, start, end });
        afterGroup = true;
      }
      i = m.next;
      continue;
    }
    if (wasAfterGroup && groups.length > 1 && (m.kind === 'load' || m.kind === 'intensity')) {
      // `1x5 60%`: the load or intensity of the group just read.
      const g: Dosage = { text, components: [], problems: [] };
      m.set(g);
      const last = groups[groups.length - 1];
      if (last && !(g.load && last.load) && !(g.intensity && last.intensity)) {
        groups[groups.length - 1] = { ...last, ...(g.load ? { load: g.load } : {}), ...(g.intensity ? { intensity: g.intensity } : {}) };
        d.components.push({ kind: m.kind, start, end });
        afterGroup = true;
        i = m.next;
        continue;
      }
    }
    const repeated = m.fields.find((f) => seen.has(f));
    if (repeated !== undefined) {
      d.problems.push({ start, end, message: twice(repeated, start, end) });
    } else {
      m.fields.forEach((f) => {
        seen.add(f);
        givenAt.set(f, { start, end });
      });
      m.set(d);
      d.components.push({ kind: m.kind, start, end });
      if (isGroup) {
        const group = groupOf(d);
        if (group) {
          groups.push(group);
          afterGroup = true;
        }
      } else if ((m.kind === 'load' || m.kind === 'intensity') && wasAfterGroup && groups.length === 1) {
        const g0 = groups[0];
        if (g0) {
          groups[0] = { ...g0, ...(d.load && m.kind === 'load' ? { load: d.load } : {}), ...(d.intensity && m.kind === 'intensity' ? { intensity: d.intensity } : {}) };
        }
        afterGroup = true;
      }
    }
    i = m.next;
  }
  flushBad();
  if (groups.length > 1) {
    applyGroups(d, groups);
  }
  effortShare(d);
  const kept = notes.map((n) => noteText(text.slice(n.start, n.end))).filter((n) => n !== '');
  if (kept.length > 0) {
    d.note = kept.join('; ');
    d.noteRanges = notes;
  }
  // Exact-size lists, one shared empty one (a model holds a dosage per exercise line).
  d.components = exact(d.components);
  d.problems = exact(d.problems);
  return d;
}
