/**
 * The dosage grammar of FORMAT.md: a list of components in any order, separated by commas, periods
 * or nothing at all. Each component is tried at the current token; a token that starts no component
 * becomes a problem with its exact range and reading goes on after it.
 */
import type { ComponentKind, Dosage, LoadUnit, NumberStyle, Quantity, Side, Timing } from '../model.js';
import { exact, maxOf, minOf } from '../lists.js';
import { fieldLabel } from './fields.js';
import { tokenize, type Token } from './tokenize.js';
import {
  BOUT_WORDS, HOLD_FILLERS, HOLD_WORDS, JOINERS, LIMB_WORDS, LOAD_UNITS, NUMBER_WORDS, PER_DAY_ABBREVIATIONS,
  RANGE_SEPARATORS, REP_WORDS, RUN_WORDS, SET_WORDS, STEP_WORDS, TIMES_WORDS, TIME_UNITS,
} from './words.js';

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

// ---------------------------------------------------------------------------------------------------
// Component matchers, tried in order at each token. Word-led components come before number-led ones.

/** `pain 2/10`, `pain: 3`, `2/10 pain`, `2/10`. */
const pain: Matcher = (p, i) => {
  let j = i;
  const led = p.is(j, 'pain');
  if (led) {
    j++;
    if (p.is(j, ':')) {
      j++;
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
  return withProblem({ next: j, kind: 'pain', fields: ['pain'], set: (d) => { d.pain = quantity(r); } }, problem);
};

/** `RPE 7`, `RPE 6-7`, `@ RPE 8`. */
const effort: Matcher = (p, i) => {
  let j = i;
  if (p.is(j, '@')) {
    j++;
  }
  if (!p.is(j, 'rpe')) {
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
  const problem = r.max > 10 ? `RPE ${r.max} is off the scale; RPE runs from 1 to 10` : descendingProblem(r);
  return withProblem({ next: r.next, kind: 'effort', fields: ['rpe'], set: (d) => { d.rpe = quantity(r); } }, problem);
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
  while (p.is(j, '-') && part(j + 1)) {
    j += 2;
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
    const r = p.range(j);
    if (!r) {
      return undefined;
    }
    const scale = p.timeUnit(r.next);
    if (scale === undefined) {
      return {
        next: r.next, kind: 'hold', fields: [], set: () => undefined,
        problem: `A hold with no unit; write a time such as hold ${r.max} s`,
      };
    }
    const unitEnd = p.tok(r.next)?.end ?? r.end;
    let next = r.next + 1;
    if (!atLeast && r.min === r.max && p.is(next, 'or') && (p.is(next + 1, 'more') || p.is(next + 1, 'longer'))) {
      atLeast = true;
      next += 2;
    }
    return withProblem({
      next, kind: 'hold', fields: ['holdSeconds'],
      set: (d) => { d.holdSeconds = atLeast ? { ...quantity(r, scale, unitEnd), max: Number.POSITIVE_INFINITY } : quantity(r, scale, unitEnd); },
    }, atLeast && r.min !== r.max ? 'A minimum hold is one number; write hold at least 6 s' : descendingProblem(r));
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
  if (p.is(j, 'days') && p.is(j + 1, 'a', 'per', '/', 'each', 'every') && p.is(j + 2, 'week', 'wk')) {
    return frequencyMatch(r, 'week', j + 3);
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
 * `repeating the same side in succession`. */
const side: Matcher = (p, i) => {
  let j = i;
  if (p.is(j, 'on')) {
    j++;
  }
  if (p.is(j, 'each', 'per', 'every') && p.inSet(j + 1, LIMB_WORDS)) {
    return sideMatch(p, i, j + 2, 'each');
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
    return sideMatch(p, i, next, 'each');
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
  return unit ? loadMatch(p, i, r.next + 1, r, unit) : undefined;
};

/** `3 bouts x 12 s`, `3 bouts of 12 s`, `3-4 bouts of 10-15 seconds`, `4 bouts`. */
const bouts: Matcher = (p, i) => {
  const a = p.range(i);
  if (!a || !p.inSet(a.next, BOUT_WORDS)) {
    return undefined;
  }
  let j = a.next + 1;
  if (p.is(j, 'x', 'of')) {
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
    if (!p.is(j, 'of', 'x') || !p.range(j + 1)) {
      return withProblem({ next: j, kind: 'sets', fields: ['sets'], set: (d) => { d.sets = quantity(a); } }, descendingProblem(a));
    }
  }
  if (!p.is(j, 'x') && !(setsWord && p.is(j, 'of'))) {
    return undefined;
  }
  const firstNum = p.num(j + 1);
  const b = p.range(j + 1);
  if (!b || !firstNum) {
    return undefined;
  }
  j = b.next;
  const problem = descendingProblem(a) ?? descendingProblem(b);
  // `3 x 12 s`: a time after the x makes it bouts.
  const boutScale = p.timeUnit(j);
  if (!setsWord && boutScale !== undefined) {
    const unitEnd = p.tok(j)?.end ?? b.end;
    return withProblem({
      next: j + 1, kind: 'bouts', fields: ['bouts', 'boutSeconds'],
      set: (d) => { d.bouts = quantity(a); d.boutSeconds = quantity(b, boutScale, unitEnd); },
    }, problem);
  }
  const sets = quantity(a);
  const reps = quantity(b);
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
  if (p.inSet(a.next, REP_WORDS) || (p.is(a.next, 'x') && !p.num(a.next + 1))) {
    return withProblem({ next: a.next + 1, kind: 'reps', fields: ['reps'], set: (d) => { d.reps = quantity(a); } }, descendingProblem(a));
  }
  return undefined;
};

/** A bare time, `30 s` or `2 min`: the length of one bout. */
const duration: Matcher = (p, i) => {
  const a = p.range(i);
  const scale = a ? p.timeUnit(a.next) : undefined;
  if (!a || scale === undefined) {
    return undefined;
  }
  const unitEnd = p.tok(a.next)?.end ?? a.end;
  return withProblem({
    next: a.next + 1, kind: 'duration', fields: ['boutSeconds'],
    set: (d) => { d.boutSeconds = quantity(a, scale, unitEnd); },
  }, descendingProblem(a));
};

const MATCHERS: readonly Matcher[] = [
  pain, effort, tempo, hold, frequency, timing, side, load, bouts, steps, setsReps, reps, duration,
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

/** Reads a dosage. Never throws; what cannot be read is listed in `problems` with 0-based offsets. */
export function parseDosage(text: string): Dosage {
  const p = new Parser(text);
  const d: Dosage = { text, components: [], problems: [] };
  const seen = new Set<keyof Dosage>();
  let i = 0;
  let bad: { start: number; end: number } | undefined;
  const flushBad = (): void => {
    if (bad) {
      const words = text.slice(bad.start, bad.end);
      d.problems.push({
        start: bad.start, end: bad.end,
        message: `"${words}" cannot be read as part of a dosage; write parts such as 3 x 10, hold 5 s or 2x daily`,
      });
      bad = undefined;
    }
  };
  while (i < p.tokens.length) {
    const t = p.tokens[i];
    if (!t) {
      break;
    }
    if (JOINERS.has(t.norm)) {
      flushBad();
      i++;
      continue;
    }
    const m = matchAt(p, i);
    if (!m) {
      bad = bad ? { start: bad.start, end: t.end } : { start: t.start, end: t.end };
      i++;
      continue;
    }
    flushBad();
    const start = t.start;
    const end = p.end(m.next);
    if (m.problem !== undefined) {
      d.problems.push({ start, end, message: m.problem });
    } else {
      const repeated = m.fields.find((f) => seen.has(f));
      if (repeated !== undefined) {
        d.problems.push({ start, end, message: `The ${fieldLabel(repeated)} is given twice in one dosage; give it once` });
      } else {
        m.fields.forEach((f) => seen.add(f));
        m.set(d);
        d.components.push({ kind: m.kind, start, end });
      }
    }
    i = m.next;
  }
  flushBad();
  // Exact-size lists, one shared empty one (a model holds a dosage per exercise line).
  d.components = exact(d.components);
  d.problems = exact(d.problems);
  return d;
}
