/** Writes dosages: the canonical form (`formatDosage`), plain words for people, and the CLI's JSON shape. */
import type { Dosage, Span } from '../model.js';

export function formatSpan(s: Span): string {
  return s.min === s.max ? `${s.min}` : `${s.min}-${s.max}`;
}

/** Seconds as written in a dosage: `5 s`, or `2 min` for whole minutes from one minute up. */
export function formatSeconds(s: Span): string {
  if (s.min >= 60 && s.min % 60 === 0 && s.max % 60 === 0) {
    return `${formatSpan({ min: s.min / 60, max: s.max / 60 })} min`;
  }
  return `${formatSpan(s)} s`;
}

const TIMING_TEXT = { 'before-run': 'before run', 'after-run': 'after run', 'warm-up': 'warm-up' } as const;
const SIDE_TEXT = { each: 'each side', left: 'left', right: 'right', both: 'both', alternating: 'alternating' } as const;

export function formatTiming(t: NonNullable<Dosage['timing']>['value']): string {
  return TIMING_TEXT[t];
}

export function formatSide(s: NonNullable<Dosage['side']>['value']): string {
  return SIDE_TEXT[s];
}

export function formatFrequency(d: Pick<Dosage, 'perDay' | 'perWeek' | 'perRun'>): string[] {
  const out: string[] = [];
  if (d.perDay) {
    out.push(`${formatSpan(d.perDay)}x daily`);
  }
  if (d.perWeek) {
    out.push(`${formatSpan(d.perWeek)}x/week`);
  }
  if (d.perRun) {
    out.push('per run');
  }
  return out;
}

/**
 * The canonical form of a dosage, one component per comma: `2-3 x 10, hold 3-6 s, 1-2x daily`.
 * `parseDosage(formatDosage(d))` reads back the same values.
 */
export function formatDosage(d: Dosage): string {
  const parts: string[] = [];
  if (d.sets && d.reps) {
    let sr = `${formatSpan(d.sets)} x ${d.repsPerSet ? d.repsPerSet.join(',') : formatSpan(d.reps)}`;
    if (d.load && d.loadPerSet) {
      sr += ` x ${d.loadPerSet.join(',')} ${d.load.unit}`;
    }
    parts.push(sr);
  } else if (d.sets) {
    parts.push(`${formatSpan(d.sets)} sets`);
  } else if (d.reps) {
    parts.push(`${formatSpan(d.reps)} reps`);
  }
  if (d.holdSeconds) {
    parts.push(`hold ${formatSeconds(d.holdSeconds)}`);
  }
  if (d.bouts && d.boutSeconds) {
    parts.push(`${formatSpan(d.bouts)} bouts x ${formatSeconds(d.boutSeconds)}`);
  } else if (d.bouts) {
    parts.push(`${formatSpan(d.bouts)} bouts`);
  } else if (d.boutSeconds) {
    parts.push(formatSeconds(d.boutSeconds));
  }
  if (d.steps) {
    parts.push(`${formatSpan(d.steps)} steps each leg`);
  }
  parts.push(...formatFrequency(d));
  if (d.timing) {
    parts.push(formatTiming(d.timing.value));
  }
  if (d.side) {
    parts.push(formatSide(d.side.value));
  }
  if (d.load && !d.loadPerSet) {
    parts.push(d.load.unit === 'bodyweight' ? 'bodyweight' : `@ ${formatSpan(d.load)} ${d.load.unit}`);
  }
  if (d.rpe) {
    parts.push(`RPE ${formatSpan(d.rpe)}`);
  }
  if (d.tempo !== undefined) {
    parts.push(`tempo ${d.tempo}`);
  }
  if (d.pain) {
    parts.push(`pain ${formatSpan(d.pain)}/10`);
  }
  return parts.join(', ');
}

function wordsSpan(s: Span, one: string, many: string): string {
  const n = s.min === s.max ? `${s.min}` : `${s.min}-${s.max}`;
  return `${n} ${s.max === 1 ? one : many}`;
}

function timesPer(s: Span, per: string): string {
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

/** A dosage in plain words, for hovers and handouts: `3 sets of 10 reps · hold 5 s · twice daily`. */
export function describeDosage(d: Dosage, separator = ' · '): string {
  const parts: string[] = [];
  if (d.sets && d.reps) {
    parts.push(`${wordsSpan(d.sets, 'set', 'sets')} of ${d.repsPerSet ? d.repsPerSet.join(', ') : formatSpan(d.reps)} reps`);
  } else if (d.sets) {
    parts.push(wordsSpan(d.sets, 'set', 'sets'));
  } else if (d.reps) {
    parts.push(wordsSpan(d.reps, 'rep', 'reps'));
  }
  if (d.holdSeconds) {
    parts.push(`hold ${formatSeconds(d.holdSeconds)}`);
  }
  if (d.bouts) {
    parts.push(d.boutSeconds ? `${wordsSpan(d.bouts, 'bout', 'bouts')} of ${formatSeconds(d.boutSeconds)}` : wordsSpan(d.bouts, 'bout', 'bouts'));
  } else if (d.boutSeconds) {
    parts.push(formatSeconds(d.boutSeconds));
  }
  if (d.steps) {
    parts.push(`${wordsSpan(d.steps, 'step', 'steps')} each leg`);
  }
  if (d.perDay) {
    parts.push(timesPer(d.perDay, 'daily'));
  }
  if (d.perWeek) {
    parts.push(timesPer(d.perWeek, 'a week'));
  }
  if (d.perRun) {
    parts.push('every run');
  }
  if (d.timing) {
    parts.push(formatTiming(d.timing.value));
  }
  if (d.side) {
    parts.push(formatSide(d.side.value));
  }
  if (d.load) {
    parts.push(d.load.unit === 'bodyweight' ? 'bodyweight' : `${d.loadPerSet ? d.loadPerSet.join(', ') : formatSpan(d.load)} ${d.load.unit}`);
  }
  if (d.rpe) {
    parts.push(`RPE ${formatSpan(d.rpe)}`);
  }
  if (d.tempo !== undefined) {
    parts.push(`tempo ${d.tempo}`);
  }
  if (d.pain) {
    parts.push(`pain ${formatSpan(d.pain)}/10`);
  }
  return parts.join(separator);
}

export interface DosageJson {
  sets?: Span;
  reps?: Span;
  holdSeconds?: Span;
  bouts?: Span;
  boutSeconds?: Span;
  steps?: Span;
  perDay?: Span;
  perWeek?: Span;
  perRun?: boolean;
  rpe?: Span;
  pain?: Span;
  timing?: string;
  side?: string;
  load?: { min: number; max: number; unit: string };
  loadPerSet?: number[];
  tempo?: string;
  repsPerSet?: number[];
  problems: { start: number; end: number; message: string }[];
}

const SPAN_FIELDS = ['sets', 'reps', 'holdSeconds', 'bouts', 'boutSeconds', 'steps', 'perDay', 'perWeek', 'rpe', 'pain'] as const;

/** The CLI's `athlete-log dosage` contract: values only, components not present left out. */
export function dosageToJson(d: Dosage): DosageJson {
  const out: DosageJson = { problems: d.problems.map((p) => ({ start: p.start, end: p.end, message: p.message })) };
  for (const f of SPAN_FIELDS) {
    const q = d[f];
    if (q) {
      out[f] = { min: q.min, max: q.max };
    }
  }
  if (d.perRun) {
    out.perRun = true;
  }
  if (d.timing) {
    out.timing = d.timing.value;
  }
  if (d.side) {
    out.side = d.side.value;
  }
  if (d.load) {
    out.load = { min: d.load.min, max: d.load.max, unit: d.load.unit };
  }
  if (d.loadPerSet) {
    out.loadPerSet = [...d.loadPerSet];
  }
  if (d.tempo !== undefined) {
    out.tempo = d.tempo;
  }
  if (d.repsPerSet) {
    out.repsPerSet = [...d.repsPerSet];
  }
  // Keep `problems` last, as the contract lists it.
  const { problems, ...rest } = out;
  return { ...rest, problems };
}
