/**
 * Findings kept between checks: positions made plain or anchored, the keys under which `block` findings
 * hold, what `log` rules read of a block (aspects), and moving `log` findings past an edit.
 */
import { byPosition, isSuppressed } from '../check.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { AthleteLog, Dosage, ExerciseLine, Finding, Point, Range, TextEdit } from '../model.js';
import type { ResolvedOptions } from '../options.js';
import type { Fragment } from '../read/assemble.js';
import { labelWeek } from '../read/dates.js';
import type { LogAspect, Rule } from '../rules/rule.js';
import { AnchoredPoint } from '../text.js';
import type { BlockState, Change, Mutable, Snapshot } from './state.js';

export function plainPoint(p: Point, offset = 0, line = 0): Point {
  return { line: p.line + line, column: p.column, offset: p.offset + offset };
}

/** A copy of a finding with its positions made by `point` (anchored, or plain and moved). */
export function remake(f: Finding, point: (p: Point) => Point): Finding {
  const out: Mutable<Finding> = { ...f, range: { start: point(f.range.start), end: point(f.range.end) } };
  if (f.fix) {
    out.fix = { title: f.fix.title, edits: f.fix.edits.map((e): TextEdit => ({ range: { start: point(e.range.start), end: point(e.range.end) }, text: e.text })), raisesDose: f.fix.raisesDose, ...(f.fix.changesRecord === true ? { changesRecord: true } : {}) };
  }
  return out;
}

/** Every range of a finding in the log (its own and its fix's). */
export function rangesOf(f: Finding): Range[] {
  return [f.range, ...(f.fix?.edits.map((e) => e.range) ?? [])];
}

const libraryIds = new WeakMap<GuidelineLibrary, number>();
let nextLibraryId = 0;

export function libraryId(library: GuidelineLibrary): number {
  let id = libraryIds.get(library);
  if (id === undefined) {
    id = nextLibraryId++;
    libraryIds.set(library, id);
  }
  return id;
}

/** Everything besides a block's own items that `block` rules read: their findings hold while it does. */
export function blockKey(log: AthleteLog, library: GuidelineLibrary, options: ResolvedOptions, rules: readonly Rule[]): string {
  const program = log.phases.map((p) => [p.name, p.weeks?.min, p.weeks?.max, p.prescriptions.map((x) => [x.name, x.dosage.text, x.range.start.line])]);
  return JSON.stringify([libraryId(library), options, log.started, program, rules.map((r) => r.id)]);
}

/** Dosage fields that say where text stands, not what it says. */
const DOSAGE_POSITIONS = new Set(['text', 'components', 'problems', 'start', 'end', 'unitEnd']);

export function dosageSignature(d: Dosage): string {
  return JSON.stringify(d, (k: string, v: unknown) => (DOSAGE_POSITIONS.has(k) ? undefined : v));
}

/** Line of a point relative to its block (what stays when the block moves). */
export function relLine(p: Point): number {
  return p instanceof AnchoredPoint ? p.dLine : p.line;
}

export function lineSignature(x: ExerciseLine): unknown[] {
  return [x.kind, x.name, x.checked, relLine(x.range.start), dosageSignature(x.dosage)];
}

export const ASPECTS: Readonly<Record<LogAspect, (f: Fragment) => unknown>> = {
  // A session's date, and the week it is in: the week its label names, week headings, the sections that close them.
  dates: (f) => [f.sessions.map((s) => [s.date ?? null, labelWeek(s.label) ?? null]), f.weeks.map((w) => [w.key, w.depth]), f.sections.map((s) => s.depth)],
  labels: (f) => f.sessions.map((s) => [s.label.toLowerCase(), s.label, relLine(s.headingRange.start)]),
  entries: (f) => f.sessions.map((s) => s.entries.map(lineSignature)),
  notes: (f) => f.sessions.map((s) => [s.notes, s.noteRanges.map((r) => relLine(r.start))]),
  program: (f) => [f.sections.map((s) => [s.kind, s.title, s.depth]), f.phases.map((p) => [p.name, p.weeks, relLine(p.headingRange?.start ?? { line: 0, column: 0, offset: 0 }), p.prescriptions.map(lineSignature)])],
  assessment: (f) => [f.sections.map((s) => [s.kind, s.title, s.depth, relLine(s.headingRange.start)]), f.assessment.map((a) => [a.text, a.checked, relLine(a.range.start)])],
  unread: (f) => f.unread.map((u) => [u.reason, relLine(u.range.start)]),
  front: (f) => (f.frontMatter ? [f.fields.athlete, f.fields.started, f.fields.side, f.fields.condition, f.guidelineFiles.map((g) => g.path), f.frontMatter.problems.map((p) => [p.message, relLine(p.range.start)])] : null),
};
export const ALL_ASPECTS = Object.keys(ASPECTS) as LogAspect[];

/** What `log` rules reading `aspect` see of a block: everything but positions other than lines within it. */
export function aspectSignature(b: BlockState, aspect: LogAspect): string {
  const memo = (b.signatures ??= {});
  return (memo[aspect] ??= JSON.stringify([b.kind, ASPECTS[aspect](b.fragment)]));
}

/**
 * A rule's `log` findings from the last check, moved to the new state, or undefined when the rule must
 * run again: the edited blocks must read the same in the aspects it reads and no line may have moved. A
 * finding in the edited blocks is kept only when the edit stayed within one line and the finding (with
 * its fix) does not reach the edited characters: what the rule read is the same, and so is the text
 * around the finding; its points after the edit move with it.
 */
export function moveLogFindings(findings: readonly Finding[], aspects: readonly LogAspect[], change: Change, snap: Snapshot): Finding[] | undefined {
  if (change.line !== 0 || change.cr) {
    return undefined;
  }
  const added = snap.blocks.slice(change.head, change.head + change.added);
  for (const aspect of aspects) {
    if (added.map((b) => aspectSignature(b, aspect)).join('\u0000') !== change.replaced.map((b) => aspectSignature(b, aspect)).join('\u0000')) {
      return undefined;
    }
  }
  const { edit, offset } = change;
  const out: Finding[] = [];
  for (const f of findings) {
    const ranges = rangesOf(f);
    if (ranges.every((r) => r.start.offset < change.oldStart && r.end.offset < change.oldStart)) {
      out.push(f);
      continue;
    }
    if (ranges.some((r) => r.end.offset >= change.oldStart && r.start.offset <= change.oldEnd)) {
      if (edit.line === undefined || ranges.some((r) => r.end.offset >= edit.from && r.start.offset <= edit.to)) {
        return undefined;
      }
      // After the edit on its own line a point moves along the line; on later lines only its offset moves.
      out.push(remake(f, (p) => (p.offset < edit.from ? plainPoint(p) : { line: p.line, column: p.line === edit.line ? p.column + offset : p.column, offset: p.offset + offset })));
      continue;
    }
    out.push(remake(f, (p) => plainPoint(p, p.offset > change.oldEnd ? offset : 0)));
  }
  return out;
}

/** Both kinds of findings (plain positions, each list in position order) in position order, without suppressed ones. */
export function finish(blockFindings: readonly Finding[], logFindings: readonly Finding[], log: AthleteLog): Finding[] {
  const all: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < blockFindings.length || j < logFindings.length) {
    const a = blockFindings[i];
    const b = logFindings[j];
    if (a && (!b || byPosition(a, b) <= 0)) {
      all.push(a);
      i++;
    } else if (b) {
      all.push(b);
      j++;
    }
  }
  if (log.suppressions.length === 0) {
    return all;
  }
  const suppressions = [...log.suppressions].sort((a, b) => a.line - b.line);
  return all.filter((f) => !isSuppressed(suppressions, f.ruleId, f.range.start.line));
}
