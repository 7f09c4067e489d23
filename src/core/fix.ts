/**
 * Applying fixes: plain text edits, each inside its own range, never overlapping. Bulk fixes (fix-all,
 * fix on save, `check --fix`) take only the fixes that do not raise a dose and do not change a logged
 * session entry's dosage (the log is the record of what was done); such a fix is offered on its own, as a
 * quick fix, for the coach to decide.
 */
import { DOSAGE_FIELDS, FREQUENCY_FIELDS, type SpanField } from './dosage/fields.js';
import type { Dosage, Finding, Span, TextEdit } from './model.js';
import { partitionPoint } from './lists.js';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const as = a.range.start.offset;
  const ae = a.range.end.offset;
  const bs = b.range.start.offset;
  const be = b.range.end.offset;
  if (as === ae && bs === be) {
    return as === bs;
  }
  return as < be && bs < ae;
}

const DAYS_PER_WEEK = 7;

/** `after` asks more than `before` in the direction `harder`; a part `after` adds counts as more. */
function harderSpan(before: Span | undefined, after: Span | undefined, harder: 'higher' | 'lower'): boolean {
  if (!after) {
    return false;
  }
  if (!before) {
    return true;
  }
  return harder === 'higher' ? after.min > before.min || after.max > before.max : after.min < before.min || after.max < before.max;
}

/**
 * Sessions a week the dosage asks for, when it gives how often: `2x daily` is 14, `3x/week` 3, and
 * `every other day` 3.5 (7 days over the interval).
 */
function perWeek(d: Dosage): Span | undefined {
  if (d.perDay) {
    return { min: d.perDay.min * DAYS_PER_WEEK, max: d.perDay.max * DAYS_PER_WEEK };
  }
  if (d.perWeek) {
    return { min: d.perWeek.min, max: d.perWeek.max };
  }
  return d.intervalDays && d.intervalDays.min > 0
    ? { min: DAYS_PER_WEEK / d.intervalDays.max, max: DAYS_PER_WEEK / d.intervalDays.min }
    : undefined;
}

/** The most sets a per-set comparison spells out (`3 x 5` is [5, 5, 5]). */
const MAX_LISTED_SETS = 100;

/**
 * The reps of each set: the list as written (`5,5,4`), or `3 x 5` spelled out as [5, 5, 5]; undefined when
 * the sets or reps are a range or missing.
 */
function repsOfEachSet(d: Dosage): readonly number[] | undefined {
  if (d.repsPerSet) {
    return d.repsPerSet;
  }
  const { sets, reps } = d;
  if (!sets || !reps || sets.min !== sets.max || reps.min !== reps.max || !Number.isInteger(sets.min) || sets.min < 1 || sets.min > MAX_LISTED_SETS) {
    return undefined;
  }
  return new Array<number>(sets.min).fill(reps.min);
}

/**
 * Whether a per-set list (`5,5,4`) asks more after the edit: any set with more reps than before raises it,
 * and a list that can no longer be compared set by set (collapsed into one number, or unreadable) counts
 * as a raise.
 */
function raisesASet(before: Dosage, after: Dosage): boolean {
  if (!before.repsPerSet && !after.repsPerSet) {
    return false;
  }
  const a = repsOfEachSet(before);
  const b = repsOfEachSet(after);
  if (!a || !b) {
    return true;
  }
  return b.some((reps, i) => reps > (a[i] ?? 0));
}

/**
 * Whether the dosage `after` asks for more than `before` in any part: a part that got harder in the
 * direction the field table gives (dosage/fields.ts, `harder`: more sets, a shorter rest, fewer reps in
 * reserve, a higher % of 1RM), or a part `before` did not give at all (a frequency, rest or hold added
 * where the log had none is a decision, not a correction). How often is compared in sessions a week
 * (`every other day` is 3.5); a change between a count and `per run` cannot be compared and counts as a
 * raise. Load counts when it grew in the same unit or changed unit; intensity likewise, where a lower
 * `RM` is the heavier load. A per-set list (`5,5,4`) is compared set by set: any set raised is a raise, and
 * a list the edit collapses or makes unreadable counts as one.
 */
export function raisesDose(before: Dosage, after: Dosage): boolean {
  if (raisesASet(before, after)) {
    return true;
  }
  for (const f of DOSAGE_FIELDS) {
    // How often (FREQUENCY_FIELDS) is compared in sessions a week, below.
    if (f.harder === undefined || FREQUENCY_FIELDS.has(f.name) || f.name === 'intensity') {
      continue;
    }
    const name = f.name as SpanField;
    if (harderSpan(before[name], after[name], f.harder)) {
      return true;
    }
  }
  if (after.load && (!before.load || before.load.unit !== after.load.unit || harderSpan(before.load, after.load, 'higher'))) {
    return true;
  }
  const ia = before.intensity;
  const ib = after.intensity;
  if (ib && (!ia || ia.unit !== ib.unit || harderSpan(ia, ib, ib.unit === 'RM' ? 'lower' : 'higher'))) {
    return true;
  }
  if (after.toFailure === true && before.toFailure !== true) {
    return true;
  }
  const wa = perWeek(before);
  const wb = perWeek(after);
  if (wb && (wa ? harderSpan(wa, wb, 'higher') : true)) {
    return true;
  }
  return after.perRun === true && before.perRun !== true;
}

/**
 * The fixes that can be applied together: in order, a fix whose edits overlap an edit already taken is
 * left out whole (the next check reports it again), so no fix is ever half applied.
 */
export function selectFixes(findings: readonly Finding[]): Finding[] {
  // The edits taken so far, sorted by start: they do not overlap, so a new edit is compared with its
  // neighbours only (a log with 100k fixes was quadratic here).
  const taken: TextEdit[] = [];
  const out: Finding[] = [];
  for (const f of findings) {
    const edits = f.fix?.edits ?? [];
    if (edits.length === 0 || selfOverlapping(edits) || edits.some((e) => overlapsTaken(taken, e))) {
      continue;
    }
    for (const e of edits) {
      taken.splice(firstStartingAfter(taken, e.range.start.offset), 0, e);
    }
    out.push(f);
  }
  return out;
}

/** A fix whose own edits overlap cannot be applied as plain edits: it is left out. */
function selfOverlapping(edits: readonly TextEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) {
      const a = edits[i];
      const b = edits[j];
      if (a && b && overlaps(a, b)) {
        return true;
      }
    }
  }
  return false;
}

/** The index of the first edit in `sorted` that starts after `offset`. */
function firstStartingAfter(sorted: readonly TextEdit[], offset: number): number {
  return partitionPoint(sorted.length, (k) => (sorted[k]?.range.start.offset ?? 0) <= offset);
}

function overlapsTaken(sorted: readonly TextEdit[], e: TextEdit): boolean {
  const s = e.range.start.offset;
  const t = e.range.end.offset;
  const at = firstStartingAfter(sorted, s);
  // Before: edits starting at or before `s`. A non-empty one that ends by `s` ends after every
  // earlier one (they do not overlap), so nothing earlier can reach `e`.
  for (let i = at - 1; i >= 0; i--) {
    const x = sorted[i];
    if (!x) {
      break;
    }
    if (overlaps(x, e)) {
      return true;
    }
    if (x.range.start.offset < x.range.end.offset && x.range.end.offset <= s) {
      break;
    }
  }
  // After: edits starting inside the new one.
  for (let i = at; i < sorted.length; i++) {
    const x = sorted[i];
    if (!x || x.range.start.offset > t) {
      break;
    }
    if (overlaps(x, e)) {
      return true;
    }
  }
  return false;
}

/**
 * Whether bulk fixes leave the finding's fix for the coach: it raises a dose, or it changes the dosage of
 * a logged session entry (the log is the record of what was done; such a fix is a quick fix only).
 */
export function heldBackInBulk(f: Finding): boolean {
  return f.fix !== undefined && (f.fix.raisesDose || f.fix.changesRecord === true);
}

/** The findings whose fix a bulk fix may apply: every fix that neither raises a dose nor changes a logged entry. */
export function bulkFixes(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.fix && !heldBackInBulk(f));
}

/** Applies the fixes of `findings` to `text` (see selectFixes). Text outside the edits is kept byte for byte. */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const chosen = selectFixes(findings);
  const taken: TextEdit[] = [];
  for (const f of chosen) {
    for (const e of f.fix?.edits ?? []) {
      taken.push(e);
    }
  }
  taken.sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset);
  // One pass from the start: the text between edits is copied once (slicing and joining per edit was
  // quadratic in the number of fixes).
  const parts: string[] = [];
  let at = 0;
  for (const e of taken) {
    parts.push(text.slice(at, e.range.start.offset), e.text);
    at = e.range.end.offset;
  }
  parts.push(text.slice(at));
  return { text: parts.join(''), applied: chosen.length };
}

/**
 * Fix-all: applies every fix of `findings` that does not raise a dose or change a logged entry, and says
 * how many were left for the coach (offered one at a time as quick fixes).
 */
export function applyFixAll(text: string, findings: readonly Finding[]): { text: string; applied: number; heldBack: number } {
  const safe = bulkFixes(findings);
  const heldBack = findings.filter(heldBackInBulk).length;
  return { ...applyFixes(text, safe), heldBack };
}
