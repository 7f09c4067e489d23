/**
 * What a rule is and what it may use. A rule is one small file: it reads the model, looks exercises up in
 * the guideline library, and reports findings with optional fixes as plain text edits. It never reads
 * files, never touches an editor, and holds no numbers of its own: ranges come from guideline files.
 */
import { readInContext } from '../dosage/context.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { LogView } from '../logView.js';
import type { Guideline, GuidelineFile } from '../guidelines/parse.js';
import { atWeeks, weekOf } from '../guidelines/schedule.js';
import { parseDosage } from '../dosage/parse.js';
import { raisesDose } from '../fix.js';
import type { AssessmentItem, AthleteLog, ExerciseLine, Fix, GuidelineEntry, Phase, Quantity, Range, Session, Severity } from '../model.js';
import type { ResolvedOptions } from '../options.js';
import type { LineIndex } from '../text.js';

export interface Report {
  readonly range: Range;
  readonly message: string;
  readonly fix?: Fix;
  /** Values to choose from, each its own quick fix, never applied in bulk (model.ts, Finding). */
  readonly alternatives?: readonly Fix[];
  readonly guideline?: Guideline;
  readonly addGuideline?: GuidelineEntry;
}

/** How a guideline file named in front matter fared when the host tried to read it. */
export type GuidelineFileStatus =
  | { readonly path: string; readonly range: Range; readonly file: GuidelineFile }
  | { readonly path: string; readonly range: Range; readonly error: string };

/**
 * Parts of a log a `log` rule can read: session dates; session labels (with where their headings are);
 * entries (exercise, dosage, pain, line); session notes (free text under a session); the program (phases
 * and prescriptions); the assessment (with the sections); lines that look like exercise lines but were not
 * read; front matter fields that rules use (athlete, started, side, condition, guideline files).
 */
export type LogAspect = 'dates' | 'labels' | 'entries' | 'notes' | 'program' | 'assessment' | 'unread' | 'front';

/**
 * The part of the log a rule reports on: the whole log, or (for a `block` rule) one block of it: the
 * block's phases, sessions and assessment items.
 */
export interface RuleScope {
  readonly phases: readonly Phase[];
  readonly sessions: readonly Session[];
  readonly assessment: readonly AssessmentItem[];
}

export interface RuleContext {
  readonly text: string;
  readonly index: LineIndex;
  readonly log: AthleteLog;
  readonly library: GuidelineLibrary;
  readonly options: ResolvedOptions;
  /** True when the file is a log because of its name (`athleteLog.files`), not its front matter. */
  readonly logByPath: boolean;
  readonly guidelineFiles: readonly GuidelineFileStatus[];
  /** What to report on. Every rule iterates this, not `log`; `log` is there to read context from. */
  readonly scope: RuleScope;
  /**
   * The log as a whole-log rule reads it (../logView.ts): sessions with a date, each exercise's history,
   * the days an exercise was logged in a window. Only `log` rules may call it.
   */
  view(): LogView;
  /**
   * For a `log` rule: what `summary` works out from each block of the log, in log order. The accelerator
   * keeps a block's summary while the block stands, so after an edit only the edited blocks are read
   * again; the plain engine reads the whole log as one block. A summary therefore reads only its scope
   * (no library, no options, no other block), and the summaries of the blocks, taken in order, must say
   * what one summary of the whole log would (a list per block, say). Pass the same function every time.
   * It runs as steps (a log of many blocks is not read in one stretch): `yield* ctx.perBlock(f)` in a
   * rule whose `check` is a generator.
   */
  perBlock<T>(summary: BlockSummary<T>): Generator<undefined, readonly T[]>;
  report(r: Report): void;
}

/** What a `log` rule works out from one block on its own (`RuleContext.perBlock`). */
export type BlockSummary<T> = (scope: RuleScope) => T;

export interface Rule {
  /** Stable kebab-case id: the file name, the setting key, the README anchor and docs/rules/<id>.md. */
  readonly id: string;
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** Whether the rule can report a fix. */
  readonly fixable: boolean;
  /**
   * `block`: what the rule reports on an item of `ctx.scope` depends only on that item, the library, the
   * options and the program (`log.phases`, `log.started`), and its ranges stay inside the item. Such a
   * rule runs on the blocks an edit touched, not the whole log (see document.ts). Default `log`: the
   * rule reads across the log (dates in order, trends) and runs on every check.
   */
  readonly scope?: 'block' | 'log';
  /**
   * For a `log` rule: the parts of the log it reads. After an edit that leaves them alone (and moves no
   * line) its findings are kept. Default: all of them.
   */
  readonly reads?: readonly LogAspect[];
  /** Reports through `ctx.report`. A rule with a long loop may be a generator: it yields now and then. */
  check(ctx: RuleContext): void | Iterable<undefined>;
}

/** Every exercise line: prescriptions in program order, then logged entries in log order. */
export function exerciseLines(scope: RuleScope): ExerciseLine[] {
  const out: ExerciseLine[] = [];
  // One by one: spreading a list of 100k+ into push() overflows the stack.
  for (const p of scope.phases) {
    for (const x of p.prescriptions) {
      out.push(x);
    }
  }
  for (const s of scope.sessions) {
    for (const x of s.entries) {
      out.push(x);
    }
  }
  return out;
}

// Most rules walk the same lines with their guidelines: worked out once per context (one scope, one
// library), and kept on the context, which lives for one run of the rules over its scope. (A WeakMap
// keyed by scope kept an entry per block for as long as the block lived: tens of thousands of
// ephemerons in a big log, which V8 marks in its final garbage-collection pause, 150 ms at 5 MB.)
const GUIDED = Symbol('withGuideline');
interface Memo { [GUIDED]?: { scope: RuleScope; library: GuidelineLibrary; pairs: [ExerciseLine, Guideline][] } }

/**
 * The guideline a line is checked against: its exercise's (or, for a loaded exercise no guideline names,
 * the strength fallback's), at the stage of its schedule for `weeks` (guidelines/schedule.ts).
 */
export function guidelineFor(library: GuidelineLibrary, line: ExerciseLine, weeks?: { min: number; max: number }): Guideline | undefined {
  const g = library.lookup(line.name) ?? (line.name === '' ? undefined : library.fallback(line.dosage));
  return g ? atWeeks(g, weeks) : undefined;
}

/**
 * Whether a condition-specific rule applies to the log: the log names no protocol and no condition the
 * library knows (so nothing says it does not), or one of the protocols it names or matches treats
 * `region` (front matter `region:` of its guideline file).
 */
export function forRegion(ctx: RuleContext, region: string): boolean {
  const active = ctx.library.active;
  if (active.length === 0) {
    return true;
  }
  return ctx.library.protocols().some((p) => active.includes(p.protocol) && p.meta.region?.toLowerCase() === region);
}

/** Lines whose exercise has a guideline, with it (at the stage for the line's week). */
export function withGuideline(ctx: RuleContext): readonly [ExerciseLine, Guideline][] {
  const memo = ctx as RuleContext & Memo;
  const hit = memo[GUIDED];
  if (hit?.scope === ctx.scope && hit.library === ctx.library) {
    return hit.pairs;
  }
  const pairs: [ExerciseLine, Guideline][] = [];
  const add = (line: ExerciseLine, weeks: { min: number; max: number } | undefined): void => {
    const g = guidelineFor(ctx.library, line, weeks);
    if (g) {
      // `5 x 6 s` for a reps-and-hold exercise is 5 reps held 6 s (dosage/context.ts).
      const dosage = readInContext(line.dosage, g.dosage);
      pairs.push([dosage === line.dosage ? line : { ...line, dosage }, g]);
    }
  };
  for (const p of ctx.scope.phases) {
    for (const line of p.prescriptions) {
      add(line, p.weeks);
    }
  }
  for (const s of ctx.scope.sessions) {
    const week = weekOf(ctx.log.started, s.date);
    for (const line of s.entries) {
      add(line, week === undefined ? undefined : { min: week, max: week });
    }
  }
  memo[GUIDED] = { scope: ctx.scope, library: ctx.library, pairs };
  return pairs;
}

/** The document range of a span of the line's dosage text. */
export function dosageRange(ctx: RuleContext, line: ExerciseLine, start: number, end: number): Range {
  const at = line.dosageRange.start.offset;
  const map = line.dosageMap;
  if (map) {
    // A dosage put together from table cells: each character maps back to where it is written.
    const last = map[map.length - 1] ?? 0;
    const s = map[start] ?? last;
    const e = end > start ? (map[end - 1] ?? last) + 1 : s;
    return ctx.index.range(at + s, at + Math.max(s, e));
  }
  return ctx.index.range(at + start, at + end);
}

/** An edit of a line's dosage text, with offsets relative to the dosage (`end` may equal its length). */
export interface DosageEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A fix that edits a line's dosage, marked with whether it raises the dose: the dosage is read again
 * with the edits applied and compared with the one written (fix.ts, `raisesDose`). On a logged session
 * entry the fix corrects the record of what was done: its title says so (`Change the logged 5 x 5 to
 * 3 x 5 (Squat guideline)`, keeping the title's closing parenthesis) and it is marked `changesRecord`,
 * so bulk fixes leave it out.
 */
export function dosageFix(ctx: RuleContext, line: ExerciseLine, title: string, edits: readonly DosageEdit[]): Fix {
  let after = line.dosage.text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    after = after.slice(0, e.start) + e.text + after.slice(e.end);
  }
  const fixEdits = edits.map((e) => ({ range: dosageRange(ctx, line, e.start, e.end), text: e.text }));
  const raises = raisesDose(line.dosage, parseDosage(after));
  if (line.kind !== 'entry') {
    return { title, edits: fixEdits, raisesDose: raises };
  }
  const because = /\s(\([^()]*\))$/u.exec(title)?.[1];
  const logged = `Change the logged ${line.dosage.text.trim()} to ${after.trim()}${because === undefined ? '' : ` ${because}`}`;
  return { title: logged, edits: fixEdits, raisesDose: raises, changesRecord: true };
}

export function guidelineLabel(g: Guideline): string {
  return g.stage ? `${g.name} guideline, ${g.stage}` : `${g.name} guideline`;
}

/**
 * A guideline's source, short enough for a message: the title and where it appeared
 * (`"Hamstrung", Stay the Course column, Joe Uhan, iRunFar` reads `Hamstrung, iRunFar`). A guideline
 * without a source is named by its file.
 */
export function shortSource(g: Pick<Guideline, 'source' | 'file'>): string {
  if (g.source === undefined || g.source.trim() === '') {
    const file = g.file.split(/[\\/:]/).pop() ?? g.file;
    return g.file === 'built-in' ? 'built-in guideline' : file;
  }
  // A paper (`Alfredson H, Pietilä T, ... Am J Sports Med 1998;26(3)`) reads `Alfredson et al. 1998`.
  // An author list starts `Surname INITIALS`; an organisation is an acronym (`ACSM (Ratamess NA ...) 2009`).
  const paper = /^(?:(\p{Lu}[\p{L}'-]+)\s+\p{Lu}{1,3}[,.\s]|(\p{Lu}{2,})\b)[^]*?\b((?:19|20)\d\d)\b/u.exec(g.source.trim());
  if (paper) {
    return paper[1] !== undefined ? `${paper[1]} et al. ${paper[3] ?? ''}` : `${paper[2] ?? ''} ${paper[3] ?? ''}`;
  }
  const parts = g.source.split(',').map((p) => p.replace(/["“”]/g, '').trim()).filter((p) => p !== '');
  return parts.length <= 2 ? parts.join(', ') : `${parts[0] ?? ''}, ${parts[parts.length - 1] ?? ''}`;
}

/** `the Chair Bridge guideline says 2-3 sets (Hamstrung, iRunFar)`: the second half of a rule message. */
export function guidelineSays(g: Guideline, expected: string): string {
  return `the ${g.name} guideline says ${expected}${g.stage ? ` in ${g.stage}` : ''} (${shortSource(g)})`;
}

/** A message starts with a capital letter: `after run` reads `After run`. */
export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'];

function writeNumber(n: number, words: boolean): string {
  return words && Number.isInteger(n) && n >= 0 && n <= 20 ? (WORDS[n] ?? String(n)) : String(n);
}

/**
 * The text that moves a written quantity into `target`, in the writer's own notation: digits stay
 * digits, words stay words, a range keeps its separator, minutes stay minutes when they can. Returns
 * the offsets (relative to the dosage) to replace, or `undefined` when the quantity is already inside.
 */
export function clampQuantity(dosageText: string, q: Quantity, target: { min: number; max: number }, baseUnit = 's'): { start: number; end: number; text: string } | undefined {
  const clamp = (v: number): number => Math.min(target.max, Math.max(target.min, v));
  if (q.max === Number.POSITIVE_INFINITY) {
    return undefined; // `at least 3 s` has no number to move its open end to
  }
  const min = clamp(q.min);
  const max = clamp(q.max);
  if (min === q.min && max === q.max) {
    return undefined;
  }
  const written = dosageText.slice(q.start, q.end);
  const words = q.style === 'words';
  const scale = q.unitScale ?? 1;
  const inUnit = Number.isInteger(min / scale) && Number.isInteger(max / scale);
  const sepMatch = /^\s*\S+?(\s*(?:-|–|—|\bto\b|\bor\b)\s*)\S+\s*$/u.exec(written);
  const sep = sepMatch?.[1] ?? (words ? ' to ' : '-');
  if (scale !== 1 && !inUnit) {
    // `2 min` cannot say 45 s: rewrite the number and its unit in the base unit (seconds, or metres).
    const text = min === max ? `${min} ${baseUnit}` : `${min}-${max} ${baseUnit}`;
    return { start: q.start, end: q.unitEnd ?? q.end, text };
  }
  const a = writeNumber(min / scale, words);
  const b = writeNumber(max / scale, words);
  return { start: q.start, end: q.end, text: min === max ? a : `${a}${sep}${b}` };
}

/** `6`, `3-6`, or `at least 6` for a guideline's minimum with no upper bound. */
export function describeSpan(s: { min: number; max: number }): string {
  if (s.max === Number.POSITIVE_INFINITY) {
    return `at least ${s.min}`;
  }
  return s.min === s.max ? `${s.min}` : `${s.min}-${s.max}`;
}

/** `1 set`, `2 sets`, `2-3 sets`. */
export function plural(value: string, noun: string): string {
  return `${value} ${value === '1' ? noun : `${noun}s`}`;
}
