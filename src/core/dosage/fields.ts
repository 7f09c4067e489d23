/**
 * The one table of dosage parts. Each part says, in one place, its JSON name (the `athlete-log dosage`
 * contract), its label and unit, how it reads in plain words (hover, handout, summary), how it is written
 * canonically (fixes, completions), whether it is compared with a guideline, and what completion offers
 * after an exercise name. format.ts, the JSON, the range rules, the hover and the program page read it,
 * and the rules that compare the amount done (off-program-dosage, missing-dosage-component, readiness)
 * read its `amount` rows; a new part is a new row here.
 */
import type { Dosage, Intensity, Load, SetGroup, Span } from '../model.js';

/** Parts that hold a number or a range of numbers. */
export type SpanField =
  | 'sets' | 'reps' | 'holdSeconds' | 'bouts' | 'boutSeconds' | 'distanceMeters' | 'steps' | 'restSeconds'
  | 'perDay' | 'perWeek' | 'intervalDays' | 'weeks' | 'rpe' | 'rir' | 'pain' | 'painLimit';

export type FieldName =
  | SpanField | 'repsPerSet' | 'loadPerSet' | 'toFailure' | 'setGroups' | 'perRun' | 'timing' | 'side' | 'load'
  | 'intensity' | 'tempo' | 'note';

export interface DosageField {
  /** The JSON name, and the `Dosage` property. */
  readonly name: FieldName;
  /** How the part is called in words: `hold`, `rest`, `RPE`. */
  readonly label: string;
  /** The unit its numbers are in, for comparison rows: `s`, `m`, or empty. */
  readonly unit: string;
  /** Whether a range rule, hover and program page compare it with the guideline's same part. */
  readonly compared: boolean;
  /** Plain words, or undefined when the part is absent (or written by another row). */
  readonly words: (d: Dosage) => string | undefined;
  /** The canonical written form, which parses back to the same value. */
  readonly written: (d: Dosage) => string | undefined;
  /** What completion offers after an exercise name: its label, a snippet body, and a detail line. */
  readonly completion?: { readonly label: string; readonly snippet: string; readonly detail: string };
  /**
   * Which way a dose gets harder: a larger number (`higher`: more sets, a higher % of 1RM) or a smaller
   * one (`lower`: a shorter rest, fewer reps in reserve, fewer days between sessions). Bulk fixes read it
   * (fix.ts) so that no fix applied in bulk makes any part harder. Absent for parts that are not a dose.
   */
  readonly harder?: 'higher' | 'lower';
  /**
   * The guideline file's list item that sets this part on its own (`- Rest: 60-90 s`): the item's names,
   * the words put around a bare value so that the dosage grammar reads it as this part (`60-90 s` is read
   * as `rest 60-90 s`, `12` as `12 weeks`), and an example for messages.
   */
  readonly column?: { readonly names: readonly string[]; readonly prefix: string; readonly suffix: string; readonly example: string };
  /**
   * For a part of the amount done (sets, reps, hold, bouts, bout time, distance, steps): such parts are
   * compared between a logged entry and its prescription (off-program-dosage, which says a value with
   * `says`: `hold 5 s`), and at the top of their range they make the case for a progression (readiness).
   * `missing`: the word for the part when a prescription leaves out what its guideline sets
   * (missing-dosage-component); none for a part a prescription may leave out.
   */
  readonly amount?: { readonly says: (q: Span) => string; readonly missing?: string };
}

/** Whether a value (or range) lies inside a guideline's range. The one in-range test of the project. */
export function inRange(q: Span, want: Span): boolean {
  return q.min >= want.min && q.max <= want.max;
}

/** `6`, `3-6`, or `at least 6` for a minimum with no upper bound (`hold at least 6 s`). */
export function formatSpan(s: Span): string {
  if (s.max === Number.POSITIVE_INFINITY) {
    return `at least ${s.min}`;
  }
  return s.min === s.max ? `${s.min}` : `${s.min}-${s.max}`;
}

/** Seconds as written in a dosage: `5 s`, or `2 min` for whole minutes from one minute up. */
export function formatSeconds(s: Span): string {
  if (s.max === Number.POSITIVE_INFINITY) {
    return `at least ${formatSeconds({ min: s.min, max: s.min })}`;
  }
  if (s.min >= 60 && s.min % 60 === 0 && (s.max % 60 === 0 || s.max === Number.POSITIVE_INFINITY)) {
    return `${formatSpan({ min: s.min / 60, max: s.max / 60 })} min`;
  }
  return `${formatSpan(s)} s`;
}

/** Metres as written: `2 km` for whole kilometres, else `100 m`. */
export function formatMeters(s: Span): string {
  if (s.min >= 1000 && s.min % 1000 === 0 && s.max % 1000 === 0) {
    return `${formatSpan({ min: s.min / 1000, max: s.max / 1000 })} km`;
  }
  return `${formatSpan(s)} m`;
}

function wordsSpan(s: Span, one: string, many: string): string {
  return `${formatSpan(s)} ${s.max === 1 ? one : many}`;
}

/** How often, in words: `once daily`, `twice a week`, `once or twice daily`, `3-4 times a week`. */
export function timesPer(s: Span, per: string): string {
  if (s.min === s.max) {
    if (s.min === 1) {
      return `once ${per}`;
    }
    if (s.min === 2) {
      return `twice ${per}`;
    }
  }
  if (s.min === 1 && s.max === 2) {
    return `once or twice ${per}`;
  }
  return `${formatSpan(s)} times ${per}`;
}

const ORDINALS: Readonly<Record<number, string>> = { 2: 'other', 3: 'third', 4: 'fourth', 5: 'fifth', 6: 'sixth', 7: 'seventh' };

/** `every other day`, `every third day`, `every 2-3 days`. */
export function formatInterval(s: Span): string {
  if (s.min === s.max) {
    if (s.min === 1) {
      return 'every day';
    }
    const o = ORDINALS[s.min];
    if (o !== undefined) {
      return `every ${o} day`;
    }
  }
  return `every ${formatSpan(s)} days`;
}

const TIMING_TEXT = { 'before-run': 'before run', 'after-run': 'after run', 'warm-up': 'warm-up' } as const;
const SIDE_TEXT = { each: 'each side', left: 'left', right: 'right', both: 'both', alternating: 'alternating', succession: 'same side in succession' } as const;

export function formatTiming(t: NonNullable<Dosage['timing']>['value']): string {
  return TIMING_TEXT[t];
}

export function formatSide(s: NonNullable<Dosage['side']>['value']): string {
  return SIDE_TEXT[s];
}

function loadWritten(l: Load, perSet?: readonly number[]): string {
  return l.unit === 'bodyweight' ? 'bodyweight' : `@ ${perSet ? perSet.join(',') : formatSpan(l)} ${l.unit}`;
}

function loadWords(l: Load, perSet?: readonly number[]): string {
  return l.unit === 'bodyweight' ? 'bodyweight' : `${perSet ? perSet.join(', ') : formatSpan(l)} ${l.unit}`;
}

/** What a percentage is of, as written and in words (`RM` is not a percentage and is written apart). */
const PERCENT_OF: Readonly<Record<Intensity['unit'], { written: string; words: string }>> = {
  '%1RM': { written: '1RM', words: 'of 1RM' },
  '%MVIC': { written: 'MVIC', words: 'of MVIC' },
  '%effort': { written: 'effort', words: 'effort' },
  RM: { written: 'RM', words: 'RM' },
};

export function intensityWritten(i: Pick<Intensity, 'min' | 'max' | 'unit'>): string {
  if (i.unit === 'RM') {
    return `${formatSpan(i)}RM`;
  }
  return `@ ${formatSpan(i)}% ${PERCENT_OF[i.unit].written}`;
}

export function intensityWords(i: Pick<Intensity, 'min' | 'max' | 'unit'>): string {
  if (i.unit === 'RM') {
    const n = formatSpan(i);
    return `at ${/^(8|11|18)(\D|$)/.test(n) ? 'an' : 'a'} ${n}RM load`;
  }
  return `at ${formatSpan(i)}% ${PERCENT_OF[i.unit].words}`;
}

function groupWritten(g: SetGroup): string {
  const parts = [`${formatSpan(g.sets)} x ${g.reps ? formatSpan(g.reps) : 'AMRAP'}`];
  if (g.load) {
    parts.push(loadWritten(g.load));
  }
  if (g.intensity) {
    parts.push(intensityWritten(g.intensity));
  }
  return parts.join(' ');
}

function groupWords(g: SetGroup): string {
  const what = g.reps ? `${wordsSpan(g.sets, 'set', 'sets')} of ${formatSpan(g.reps)} reps` : `${wordsSpan(g.sets, 'set', 'sets')} to failure`;
  const at = [g.load ? ` at ${loadWords(g.load)}` : '', g.intensity ? ` ${intensityWords(g.intensity)}` : ''].join('');
  return `${what}${at}`;
}

/** `3 x 10`, `3 x 3,5,5`, `3 x 3 x 85,90,90 lb`, `3 x AMRAP`, `3 sets`, or the set groups. */
function setsWritten(d: Dosage): string | undefined {
  if (d.setGroups && d.setGroups.length > 1) {
    return d.setGroups.map(groupWritten).join(', ');
  }
  if (!d.sets) {
    return undefined;
  }
  if (d.reps) {
    let sr = `${formatSpan(d.sets)} x ${d.repsPerSet ? d.repsPerSet.join(',') : formatSpan(d.reps)}`;
    if (d.load && d.loadPerSet) {
      sr += ` x ${d.loadPerSet.join(',')} ${d.load.unit}`;
    }
    return sr;
  }
  return d.toFailure ? `${formatSpan(d.sets)} x AMRAP` : `${formatSpan(d.sets)} sets`;
}

function setsWords(d: Dosage): string | undefined {
  if (d.setGroups && d.setGroups.length > 1) {
    return d.setGroups.map(groupWords).join(', then ');
  }
  if (!d.sets) {
    return undefined;
  }
  if (d.reps) {
    return `${wordsSpan(d.sets, 'set', 'sets')} of ${d.repsPerSet ? d.repsPerSet.join(', ') : formatSpan(d.reps)} reps`;
  }
  return d.toFailure ? `${wordsSpan(d.sets, 'set', 'sets')} to failure` : wordsSpan(d.sets, 'set', 'sets');
}

function grouped(d: Dosage): boolean {
  return d.setGroups !== undefined && d.setGroups.length > 1;
}

/** Bouts with their time or distance: `3 bouts x 12 s`, `6 x 100 m`. */
function boutsWritten(d: Dosage): string | undefined {
  if (!d.bouts) {
    return undefined;
  }
  if (d.boutSeconds) {
    return `${formatSpan(d.bouts)} bouts x ${formatSeconds(d.boutSeconds)}`;
  }
  if (d.distanceMeters) {
    return `${formatSpan(d.bouts)} x ${formatMeters(d.distanceMeters)}`;
  }
  return `${formatSpan(d.bouts)} bouts`;
}

function boutsWords(d: Dosage): string | undefined {
  if (!d.bouts) {
    return undefined;
  }
  if (d.boutSeconds) {
    return `${wordsSpan(d.bouts, 'bout', 'bouts')} of ${formatSeconds(d.boutSeconds)}`;
  }
  if (d.distanceMeters) {
    return `${wordsSpan(d.bouts, 'repeat', 'repeats')} of ${formatMeters(d.distanceMeters)}`;
  }
  return wordsSpan(d.bouts, 'bout', 'bouts');
}

const same = (f: (d: Dosage) => string | undefined): { words: typeof f; written: typeof f } => ({ words: f, written: f });

/** The table, in the order a dosage is written and described. */
export const DOSAGE_FIELDS: readonly DosageField[] = [
  {
    name: 'sets', label: 'sets', unit: '', compared: true, words: setsWords, written: setsWritten,
    completion: { label: 'x reps', snippet: '${1:3} x ${2:10}', detail: 'sets x reps' },
    harder: 'higher',
    amount: { says: (q) => `${formatSpan(q)} sets`, missing: 'sets' },
  },
  {
    name: 'reps', label: 'reps', unit: '', compared: true,
    words: (d) => (d.reps && !d.sets ? wordsSpan(d.reps, 'rep', 'reps') : undefined),
    written: (d) => (d.reps && !d.sets ? `${formatSpan(d.reps)} reps` : undefined),
    completion: { label: 'reps', snippet: '${1:10} reps', detail: 'repetitions' },
    harder: 'higher',
    amount: { says: (q) => `${formatSpan(q)} reps`, missing: 'reps' },
  },
  { name: 'repsPerSet', label: 'reps of each set', unit: '', compared: false, ...same(() => undefined) },
  // Written and said by the sets row (`3 x 10, 1 x 25`); its own row for the JSON name and label.
  { name: 'setGroups', label: 'set groups', unit: '', compared: false, ...same(() => undefined) },
  {
    name: 'toFailure', label: 'to failure', unit: '', compared: false,
    // With sets and no reps, the sets row writes `3 x AMRAP`.
    words: (d) => (d.toFailure && (d.reps || !d.sets) && !grouped(d) ? 'to failure' : undefined),
    written: (d) => (d.toFailure && (d.reps || !d.sets) && !grouped(d) ? 'AMRAP' : undefined),
    completion: { label: 'AMRAP', snippet: '${1:2} x AMRAP', detail: 'sets to failure (as many reps as possible)' },
  },
  {
    name: 'holdSeconds', label: 'hold', unit: 's', compared: true,
    ...same((d) => (d.holdSeconds ? `hold ${formatSeconds(d.holdSeconds)}` : undefined)),
    completion: { label: 'hold', snippet: 'hold ${1:5} s', detail: 'hold time in seconds' },
    harder: 'higher',
    amount: { says: (q) => `hold ${formatSeconds(q)}`, missing: 'hold' },
  },
  {
    name: 'bouts', label: 'bouts', unit: '', compared: true, words: boutsWords, written: boutsWritten,
    completion: { label: 'bouts', snippet: '${1:3} bouts x ${2:12} s', detail: 'timed bouts' },
    harder: 'higher',
    amount: { says: (q) => `${formatSpan(q)} bouts`, missing: 'bouts' },
  },
  {
    name: 'boutSeconds', label: 'bout', unit: 's', compared: true,
    ...same((d) => (d.boutSeconds && !d.bouts ? formatSeconds(d.boutSeconds) : undefined)),
    harder: 'higher',
    amount: { says: (q) => `${formatSeconds(q)} bouts`, missing: 'bout time' },
  },
  {
    name: 'distanceMeters', label: 'distance', unit: 'm', compared: true,
    ...same((d) => (d.distanceMeters && (!d.bouts || d.boutSeconds) ? formatMeters(d.distanceMeters) : undefined)),
    completion: { label: 'distance', snippet: '${1:6} x ${2:100} m', detail: 'repeats of a distance' },
    harder: 'higher',
    amount: { says: (q) => formatMeters({ min: Math.round(q.min), max: Math.round(q.max) }) },
    column: { names: ['distance'], prefix: '', suffix: '', example: '400-800 m' },
  },
  {
    name: 'steps', label: 'steps', unit: '', compared: true,
    ...same((d) => (d.steps ? `${wordsSpan(d.steps, 'step', 'steps')} each leg` : undefined)),
    completion: { label: 'steps', snippet: '${1:5} steps each leg', detail: 'steps per leg' },
    harder: 'higher',
    amount: { says: (q) => `${formatSpan(q)} steps`, missing: 'steps' },
  },
  {
    name: 'restSeconds', label: 'rest', unit: 's', compared: true,
    ...same((d) => (d.restSeconds ? `rest ${formatSeconds(d.restSeconds)}` : undefined)),
    completion: { label: 'rest', snippet: 'rest ${1:90} s', detail: 'rest between sets' },
    harder: 'lower',
    column: { names: ['rest'], prefix: 'rest ', suffix: '', example: '60-90 s' },
  },
  {
    name: 'perDay', label: 'per day', unit: '', compared: true,
    words: (d) => (d.perDay ? timesPer(d.perDay, 'daily') : undefined),
    written: (d) => (d.perDay ? `${formatSpan(d.perDay)}x daily` : undefined),
    completion: { label: 'daily', snippet: '${1|1,2|}x daily', detail: 'times per day' },
    harder: 'higher',
  },
  {
    name: 'perWeek', label: 'per week', unit: '', compared: true,
    words: (d) => (d.perWeek ? timesPer(d.perWeek, 'a week') : undefined),
    written: (d) => (d.perWeek ? `${formatSpan(d.perWeek)}x/week` : undefined),
    completion: { label: 'per week', snippet: '${1:3}x/week', detail: 'times per week' },
    harder: 'higher',
  },
  {
    name: 'intervalDays', label: 'days apart', unit: '', compared: true,
    ...same((d) => (d.intervalDays ? formatInterval(d.intervalDays) : undefined)),
    completion: { label: 'every other day', snippet: 'every other day', detail: 'one session every second day' },
    harder: 'lower',
    column: { names: ['every'], prefix: 'every ', suffix: '', example: 'other day' },
  },
  {
    name: 'perRun', label: 'per run', unit: '', compared: false,
    words: (d) => (d.perRun ? 'every run' : undefined),
    written: (d) => (d.perRun ? 'per run' : undefined),
  },
  {
    name: 'weeks', label: 'weeks', unit: '', compared: true,
    ...same((d) => (d.weeks ? `for ${wordsSpan(d.weeks, 'week', 'weeks')}` : undefined)),
    completion: { label: 'weeks', snippet: 'for ${1:12} weeks', detail: 'how long the program runs' },
    harder: 'higher',
    column: { names: ['weeks', 'duration'], prefix: '', suffix: ' weeks', example: '8-12' },
  },
  {
    name: 'timing', label: 'timing', unit: '', compared: false,
    ...same((d) => (d.timing ? formatTiming(d.timing.value) : undefined)),
    completion: { label: 'before run', snippet: '${1|before run,after run,warm-up|}', detail: 'timing' },
  },
  {
    name: 'side', label: 'side', unit: '', compared: false,
    ...same((d) => (d.side ? formatSide(d.side.value) : undefined)),
    completion: { label: 'each side', snippet: 'each side', detail: 'side' },
  },
  {
    name: 'load', label: 'load', unit: '', compared: false,
    words: (d) => (d.load && !grouped(d) ? loadWords(d.load, d.loadPerSet) : undefined),
    written: (d) => (d.load && !d.loadPerSet && !grouped(d) ? loadWritten(d.load) : undefined),
    completion: { label: 'load', snippet: '@ ${1:20} ${2|kg,lb|}', detail: 'load' },
  },
  { name: 'loadPerSet', label: 'load of each set', unit: '', compared: false, ...same(() => undefined) },
  {
    name: 'intensity', label: 'intensity', unit: '', compared: true,
    words: (d) => (d.intensity && !grouped(d) ? intensityWords(d.intensity) : undefined),
    written: (d) => (d.intensity && !grouped(d) ? intensityWritten(d.intensity) : undefined),
    completion: { label: '% 1RM', snippet: '@ ${1:75}% ${2|1RM,MVIC|}', detail: 'intensity: share of the one-rep max or of a maximal contraction' },
    harder: 'higher',
    column: { names: ['intensity', 'load'], prefix: '', suffix: '', example: '70-80% 1RM' },
  },
  {
    name: 'rpe', label: 'RPE', unit: '', compared: true,
    ...same((d) => (d.rpe ? `RPE ${formatSpan(d.rpe)}` : undefined)),
    completion: { label: 'RPE', snippet: 'RPE ${1:7}', detail: 'effort' },
    harder: 'higher',
    column: { names: ['rpe', 'effort'], prefix: 'RPE ', suffix: '', example: '6-8' },
  },
  {
    name: 'rir', label: 'RIR', unit: '', compared: true,
    words: (d) => (d.rir ? `${wordsSpan(d.rir, 'rep', 'reps')} in reserve` : undefined),
    written: (d) => (d.rir ? `RIR ${formatSpan(d.rir)}` : undefined),
    completion: { label: 'RIR', snippet: 'RIR ${1:2}', detail: 'reps in reserve' },
    harder: 'lower',
    column: { names: ['rir', 'reps in reserve'], prefix: 'RIR ', suffix: '', example: '1-3' },
  },
  {
    name: 'tempo', label: 'tempo', unit: '', compared: false,
    ...same((d) => (d.tempo !== undefined ? `tempo ${d.tempo}` : undefined)),
    completion: { label: 'tempo', snippet: 'tempo ${1:3-1-1}', detail: 'tempo' },
    column: { names: ['tempo'], prefix: 'tempo ', suffix: '', example: '3-1-1' },
  },
  {
    name: 'painLimit', label: 'pain limit', unit: '', compared: false,
    words: (d) => (d.painLimit ? `keep pain at or below ${formatSpan(d.painLimit)}/10` : undefined),
    written: (d) => (d.painLimit ? `pain ≤ ${formatSpan(d.painLimit)}/10` : undefined),
    completion: { label: 'pain limit', snippet: 'pain ≤ ${1:3}/10', detail: 'the pain the exercise may reach' },
    harder: 'higher',
  },
  {
    name: 'pain', label: 'pain', unit: '', compared: false,
    ...same((d) => (d.pain ? `pain ${formatSpan(d.pain)}/10` : undefined)),
    completion: { label: 'pain', snippet: 'pain ${1:0}/10', detail: 'pain score (log entries)' },
  },
  {
    name: 'note', label: 'note', unit: '', compared: false,
    ...same((d) => (d.note !== undefined && d.note !== '' ? d.note : undefined)),
  },
];

/** The parts that say how often (`2x daily`, `3x/week`, `every other day`, `per run`): written together, compared in sessions a week. */
export const FREQUENCY_FIELDS: ReadonlySet<FieldName> = new Set<FieldName>(['perDay', 'perWeek', 'intervalDays', 'perRun']);

/** A row of the amount done: a number part with its `amount`. */
export type AmountField = DosageField & { readonly name: SpanField; readonly amount: NonNullable<DosageField['amount']> };

/** The parts of the amount done (rows with `amount`), in table order. */
export const AMOUNT_FIELDS: readonly AmountField[] = DOSAGE_FIELDS.filter((f): f is AmountField => f.amount !== undefined);

/** Each compared part both dosages give, with whether the first lies in the second's range. */
export interface Comparison {
  readonly field: FieldName;
  readonly label: string;
  readonly unit: string;
  readonly here: Span;
  readonly want: Span;
  readonly ok: boolean;
}

/** A span-valued part of a dosage, or the intensity when both are in the same unit. */
function spanOf(d: Dosage, f: FieldName): Span | undefined {
  if (f === 'intensity') {
    return d.intensity;
  }
  if (f === 'repsPerSet' || f === 'loadPerSet' || f === 'toFailure' || f === 'setGroups' || f === 'perRun'
    || f === 'timing' || f === 'side' || f === 'load' || f === 'tempo' || f === 'note') {
    return undefined;
  }
  return d[f];
}

/** Compares every compared part the two dosages both give (hover, program page, coaching). */
export function compareDosages(d: Dosage, guideline: Dosage): Comparison[] {
  const out: Comparison[] = [];
  for (const f of DOSAGE_FIELDS) {
    if (!f.compared) {
      continue;
    }
    const here = spanOf(d, f.name);
    const want = spanOf(guideline, f.name);
    if (!here || !want) {
      continue;
    }
    let unit = f.unit;
    if (f.name === 'intensity') {
      if (d.intensity?.unit !== guideline.intensity?.unit) {
        continue;
      }
      unit = d.intensity?.unit === 'RM' ? 'RM' : `${d.intensity?.unit ?? ''}`;
    }
    out.push({ field: f.name, label: f.label, unit, here, want, ok: inRange(here, want) });
  }
  return out;
}

/** A number with its unit, for comparison rows: `5 s`, `100 m`, `75 %1RM`. */
export function withUnit(s: Span, unit: string): string {
  return unit === '' ? formatSpan(s) : `${formatSpan(s)} ${unit}`;
}

/** The label of a part, for messages such as "second rest in one dosage". */
export function fieldLabel(name: string): string {
  return DOSAGE_FIELDS.find((f) => f.name === name)?.label ?? name;
}
