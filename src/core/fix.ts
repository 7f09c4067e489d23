/**
 * Applying fixes: plain text edits, each inside its own range, never overlapping. Bulk fixes (fix-all,
 * fix on save, `check --fix`) take only the fixes that do not raise a dose; a fix that raises one is
 * offered on its own, as a quick fix, for the coach to decide.
 */
import type { Dosage, Finding, Quantity, Span, TextEdit } from './model.js';

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

/** The dose fields compared one to one: a larger number after the edit is a larger dose. */
const DOSE_FIELDS = ['sets', 'reps', 'holdSeconds', 'bouts', 'boutSeconds', 'steps', 'rpe'] as const;
const DAYS_PER_WEEK = 7;

function higher(before: Span | undefined, after: Span | undefined): boolean {
  if (!after) {
    return false;
  }
  return !before || after.min > before.min || after.max > before.max;
}

/** Sessions a week the dosage asks for, when it gives a count (`2x daily` is 14, `3x/week` 3). */
function perWeek(d: Dosage): Span | undefined {
  if (d.perDay) {
    return { min: d.perDay.min * DAYS_PER_WEEK, max: d.perDay.max * DAYS_PER_WEEK };
  }
  return d.perWeek ? { min: d.perWeek.min, max: d.perWeek.max } : undefined;
}

/**
 * Whether the dosage `after` asks for more than `before` in any part: a number that grew, or a part
 * `before` did not give at all (a frequency or hold added where the log had none is a decision, not a
 * correction). A frequency is compared in sessions a week; a change between a count and `per run`
 * cannot be compared and counts as a raise. Load counts when it grew in the same unit or changed unit.
 */
export function raisesDose(before: Dosage, after: Dosage): boolean {
  for (const f of DOSE_FIELDS) {
    const a: Quantity | undefined = before[f];
    const b: Quantity | undefined = after[f];
    if (higher(a, b)) {
      return true;
    }
  }
  if (after.load && (!before.load || before.load.unit !== after.load.unit || higher(before.load, after.load))) {
    return true;
  }
  const wa = perWeek(before);
  const wb = perWeek(after);
  if (wb && (wa ? higher(wa, wb) : true)) {
    return true;
  }
  return after.perRun === true && before.perRun !== true;
}

/**
 * The fixes that can be applied together: in order, a fix whose edits overlap an edit already taken is
 * left out whole (the next check reports it again), so no fix is ever half applied.
 */
export function selectFixes(findings: readonly Finding[]): Finding[] {
  const taken: TextEdit[] = [];
  const out: Finding[] = [];
  for (const f of findings) {
    const edits = f.fix?.edits ?? [];
    if (edits.length === 0 || edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      continue;
    }
    taken.push(...edits);
    out.push(f);
  }
  return out;
}

/** The findings whose fix a bulk fix may apply: every fix that does not raise a dose. */
export function bulkFixes(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.fix && !f.fix.raisesDose);
}

/** Applies the fixes of `findings` to `text` (see selectFixes). Text outside the edits is kept byte for byte. */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const chosen = selectFixes(findings);
  const taken = chosen.flatMap((f) => f.fix?.edits ?? []);
  const applied = chosen.length;
  taken.sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  let out = text;
  for (const e of taken) {
    out = out.slice(0, e.range.start.offset) + e.text + out.slice(e.range.end.offset);
  }
  return { text: out, applied };
}

/**
 * Fix-all: applies every fix of `findings` that does not raise a dose, and says how many were left for
 * the coach (fixes that raise a dose, offered one at a time as quick fixes).
 */
export function applyFixAll(text: string, findings: readonly Finding[]): { text: string; applied: number; heldBack: number } {
  const safe = bulkFixes(findings);
  const heldBack = findings.filter((f) => f.fix?.raisesDose === true).length;
  return { ...applyFixes(text, safe), heldBack };
}
