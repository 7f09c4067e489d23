/**
 * Writes dosages from the one field table (fields.ts): the canonical form (`formatDosage`), plain words
 * for people (`describeDosage`), and the CLI's JSON shape (`dosageToJson`).
 */
import type { Dosage, IntensityUnit, Span } from '../model.js';
import { DOSAGE_FIELDS, FREQUENCY_FIELDS } from './fields.js';

export { formatSeconds, formatSide, formatSpan, formatTiming } from './fields.js';

/** How often, as written: `2x daily`, `3x/week`, `every other day`, `per run`. */
export function formatFrequency(d: Pick<Dosage, 'perDay' | 'perWeek' | 'perRun' | 'intervalDays'>): string[] {
  const full = { text: '', components: [], problems: [], ...d } as Dosage;
  return DOSAGE_FIELDS.filter((f) => FREQUENCY_FIELDS.has(f.name)).map((f) => f.written(full)).filter((s): s is string => s !== undefined);
}

/**
 * The canonical form of a dosage, one component per comma: `2-3 x 10, hold 3-6 s, 1-2x daily`.
 * `parseDosage(formatDosage(d))` reads back the same values.
 */
export function formatDosage(d: Dosage): string {
  return DOSAGE_FIELDS.map((f) => f.written(d)).filter((s): s is string => s !== undefined).join(', ');
}

/** A dosage in plain words, for hovers and handouts: `3 sets of 10 reps · hold 5 s · twice daily`. */
export function describeDosage(d: Dosage, separator = ' · '): string {
  return DOSAGE_FIELDS.map((f) => f.words(d)).filter((s): s is string => s !== undefined).join(separator);
}

interface SetGroupJson {
  sets: Span;
  reps?: Span;
  toFailure?: boolean;
  load?: { min: number; max: number; unit: string };
  intensity?: { min: number; max: number; unit: IntensityUnit };
}

export interface DosageJson {
  sets?: Span;
  reps?: Span;
  repsPerSet?: number[];
  toFailure?: boolean;
  holdSeconds?: Span;
  bouts?: Span;
  boutSeconds?: Span;
  distanceMeters?: Span;
  steps?: Span;
  restSeconds?: Span;
  perDay?: Span;
  perWeek?: Span;
  intervalDays?: Span;
  perRun?: boolean;
  weeks?: Span;
  timing?: string;
  side?: string;
  load?: { min: number; max: number; unit: string };
  loadPerSet?: number[];
  intensity?: { min: number; max: number; unit: IntensityUnit };
  rpe?: Span;
  rir?: Span;
  tempo?: string;
  painLimit?: Span;
  pain?: Span;
  note?: string;
  setGroups?: SetGroupJson[];
  problems: { start: number; end: number; message: string }[];
}

const span = (q: Span): Span => ({ min: q.min, max: q.max });

/** The CLI's `athlete-log dosage` contract: values only, parts not present left out, `problems` last. */
export function dosageToJson(d: Dosage): DosageJson {
  const out: Omit<DosageJson, 'problems'> = {};
  const o = out as Record<string, unknown>;
  for (const { name } of DOSAGE_FIELDS) {
    switch (name) {
      case 'timing':
      case 'side':
        if (d[name]) {
          o[name] = d[name]?.value;
        }
        break;
      case 'load':
      case 'intensity': {
        const v = d[name];
        if (v) {
          o[name] = { min: v.min, max: v.max, unit: v.unit };
        }
        break;
      }
      case 'repsPerSet':
      case 'loadPerSet': {
        const v = d[name];
        if (v) {
          o[name] = [...v];
        }
        break;
      }
      case 'toFailure':
      case 'perRun':
        if (d[name]) {
          o[name] = true;
        }
        break;
      case 'tempo':
      case 'note':
        if (d[name] !== undefined) {
          o[name] = d[name];
        }
        break;
      case 'setGroups':
        break;
      default: {
        const q = d[name];
        if (q) {
          o[name] = span(q);
        }
      }
    }
  }
  if (d.setGroups && d.setGroups.length > 1) {
    out.setGroups = d.setGroups.map((g) => {
      const j: SetGroupJson = { sets: span(g.sets) };
      if (g.reps) {
        j.reps = span(g.reps);
      }
      if (g.toFailure) {
        j.toFailure = true;
      }
      if (g.load) {
        j.load = { min: g.load.min, max: g.load.max, unit: g.load.unit };
      }
      if (g.intensity) {
        j.intensity = { min: g.intensity.min, max: g.intensity.max, unit: g.intensity.unit };
      }
      return j;
    });
  }
  return { ...out, problems: d.problems.map((p) => ({ start: p.start, end: p.end, message: p.message })) };
}
