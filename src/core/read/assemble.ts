/**
 * The format's meaning: Markdown tree -> AthleteLog (FORMAT.md). The text is split into top-level blocks
 * (markdown/blocks.ts), each block is parsed by the Markdown pipeline (markdown/parse.ts), and one walk
 * over the blocks in order assembles the model. Parsed blocks can be cached by their text, so an edit
 * re-parses only the blocks it touched.
 */
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { Heading, List, ListItem, Root, RootContent, Table, TableCell } from 'mdast';
import type { Node } from 'unist';
import { frontMatterEnd, isDateHeadingLine, isSectionHeadingLine, type Block } from '../markdown/blocks.js';
import { parseMarkdown, parseMarkdownGfm, plainText } from '../markdown/parse.js';
import { exact } from '../lists.js';
import { parseDosage, startsComponent } from '../dosage/parse.js';
import type {
  AssessmentItem, AthleteLog, Dosage, ExerciseLine, FrontMatter, FrontMatterField, LineKind, Phase, Point, Range, Section,
  Session, Span, Suppression, UnreadLine, WeekHeading,
} from '../model.js';
import { dateOrderOf, readHeadingDate, weekKey, withYear, type DateOrder, type HeadingDate } from './dates.js';
import { sectionKind } from './sections.js';
import { cleanName, isExerciseDosage, isExerciseLine, looksLikeExerciseLine, readLineParts, setLineDosage, type LineParts } from './names.js';
import { isMorningPainLine } from '../coaching/morning.js';
import { Anchor, LineIndex, PointMaker } from '../text.js';

export { sectionKind } from './sections.js';

/** Reads a session heading's date (read/dates.ts), with the rest of the heading as a label. */
export function parseSessionDate(text: string): { dateText: string; date?: string; suggestion?: string; label: string } | undefined {
  const r = readHeadingDate(text);
  if (!r) {
    return undefined;
  }
  const out: { dateText: string; date?: string; suggestion?: string; label: string } = { dateText: r.dateText, label: r.label };
  if (r.date) {
    out.date = r.date;
  } else if (r.suggestion) {
    out.suggestion = r.suggestion;
  }
  return out;
}

/**
 * A phase's weeks in its heading: `(weeks 1-2)`, or the heading named as a week or a span of weeks, the way
 * week headings are spelled (FORMAT.md): `Week 3`, `Wk 3`, `Weeks 3-4`, `Week 5 to 6: loading`,
 * `Phase 2 — weeks 3-4`. `Week of 2026-11-02` and ISO weeks (`2026-W20`) name dates, not program weeks.
 */
const WEEKS = /(?:^|[\s([:,;·|—–-])(?:weeks?|wks?)\.?\s*(\d{1,3})(?:\s*(?:-|–|—|to|through)\s*(?:weeks?\s*|wks?\.?\s*)?(\d{1,3}))?(?!\w|\.\d)/i;

function phaseWeeks(title: string): Span | undefined {
  const m = WEEKS.exec(title);
  if (!m) {
    return undefined;
  }
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  return { min: Math.min(a, b), max: Math.max(a, b) };
}

const SUPPRESSION = /<!--\s*athlete-log-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/**
 * What one block adds to the model. Phases and sessions never span blocks (every block after the first
 * starts with a heading; a heading ends a phase, and a session runs on through its sub-headings, which the
 * block scan keeps in the session's block), so a block's fragment depends only on its text, where it
 * stands and what the blocks before it leave open (`ReadState`).
 */
export interface Fragment extends ModelLists {
  frontMatter?: FrontMatter;
  readonly fields: { athlete?: string; coach?: string; condition?: string; side?: string; started?: string };
  readonly guidelineFiles: { path: string; range: Range }[];
  /** The block's headings in order (depth, and the section each opened): how it changes open sections. */
  readonly headings: { readonly depth: number; readonly section?: Section }[];
  /** Whether the fragment read the state left by the blocks before (else it holds wherever it stands). */
  usesStack: boolean;
  /** The front matter's `date-order`, and the year the block leaves in force (its last dated session's, or `started`). */
  order?: DateOrder;
  year?: number;
  /** Where the block starts: every point of the fragment is relative to it. */
  readonly anchor: Anchor;
}

/**
 * What the blocks before a block leave for reading it: the open sections, whether a Program heading came
 * (items under other headings are then not a program of their own), the date order for numeric day/month
 * dates, and the year for dates written without one.
 */
export interface ReadState {
  readonly sections: readonly Section[];
  readonly programSeen: boolean;
  readonly order?: DateOrder;
  readonly year?: number;
}

/** The state before the first block; `order` is the `athleteLog.dateOrder` setting. */
export function startState(order?: DateOrder): ReadState {
  return order ? { sections: [], programSeen: false, order } : { sections: [], programSeen: false };
}

const START = startState();

function sameSections(a: readonly Section[], b: readonly Section[]): boolean {
  return a.length === b.length && a.every((s, i) => s.kind === b[i]?.kind && s.depth === b[i]?.depth && s.title === b[i]?.title);
}

/** Whether two states read a block the same. */
export function sameState(a: ReadState, b: ReadState): boolean {
  return a === b || (a.programSeen === b.programSeen && a.order === b.order && a.year === b.year && sameSections(a.sections, b.sections));
}

/** The state after a block, from the one before it and the block's fragment. */
export function stateAfter(stateIn: ReadState, frag: Fragment): ReadState {
  const sections = sectionsAfter(stateIn.sections, frag);
  const programSeen = stateIn.programSeen || frag.sections.some((x) => x.kind === 'program');
  const order = frag.order ?? stateIn.order;
  const year = frag.year ?? stateIn.year;
  if (sections === stateIn.sections && programSeen === stateIn.programSeen && order === stateIn.order && year === stateIn.year) {
    return stateIn;
  }
  const out: Mutable<ReadState> = { sections, programSeen };
  if (order) {
    out.order = order;
  }
  if (year !== undefined) {
    out.year = year;
  }
  return out;
}

/** A name standing above lines that carry only a dosage: an item, a bold line or a heading. */
interface Label {
  /** An item names the dosage lines under it; a bold line or a heading only set lines and dosage paragraphs. */
  readonly by: 'item' | 'bold' | 'heading';
  readonly name: string;
  readonly nameRange: Range;
  readonly start: Point;
  readonly link?: string;
}

interface Ctx {
  /** The block's own text (offsets in the model are the document's: block start + offset here). */
  text: string;
  index: PointMaker;
  frag: Fragment;
  state: ReadState;
  /** Open sections, innermost last. */
  sections: Section[];
  phase: Phase | undefined;
  session: Session | undefined;
  /** The depth of the open session's date heading: deeper headings are its sub-headings. */
  sessionDepth: number;
  /** The depth of the open program phase's heading (0: none): deeper headings are exercise headings or groups in it. */
  phaseDepth: number;
  /** The last heading that is neither a section nor a date: an implicit phase's name. */
  heading: { readonly title: string; readonly range: Range } | undefined;
  /** A bold line or a heading that names the set lines or dosage paragraphs below it. */
  label: Label | undefined;
  /** Dosage paragraphs under an exercise heading, waiting to become one line: their span in the block. */
  fields: { start: number; end: number } | undefined;
  /**
   * The block's open headings outside sessions, outermost first (a date or a section heading starts afresh):
   * what an exercise heading stands under. The block scan keeps them in one block (markdown/blocks.ts).
   */
  parents: Parent[];
}

/** An open heading of the block, and the phase its lines go to once there is one. */
interface Parent {
  readonly depth: number;
  readonly title: string;
  readonly range: Range;
  readonly section?: Section;
  phase?: Phase;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableLog = Mutable<AthleteLog>;

function rangeOf(ctx: Ctx, base: number, node: Node): Range {
  const s = base + (node.position?.start.offset ?? 0);
  const e = base + (node.position?.end.offset ?? 0);
  return ctx.index.range(s, e);
}

/** Splits `Chair Bridge: 3 x 10` (or `Chair Bridge 3x10`, `Chair Bridge - 3x10`) into name and dosage (see read/names.ts). */
export function splitExerciseLine(line: string): { nameEnd: number; dosageStart: number } {
  const p = readLineParts(line);
  return p.name === '' && p.dosageStart === 0 ? { nameEnd: line.length, dosageStart: line.length } : { nameEnd: p.nameEnd, dosageStart: p.dosageStart };
}

/** The first line of a node's text (an item's paragraph, a heading): where it starts in the block, and its source. */
function firstLine(ctx: Ctx, node: Node | undefined): { start: number; raw: string } | undefined {
  if (node?.type !== 'paragraph' || node.position?.start.offset === undefined) {
    return undefined;
  }
  const start = node.position.start.offset;
  const end = node.position.end.offset ?? start;
  let e = start;
  while (e < end) {
    const c = ctx.text.charCodeAt(e);
    if (c === 10 || c === 13) {
      break;
    }
    e++;
  }
  let raw = ctx.text.slice(start, e);
  const comment = raw.indexOf('<!--');
  if (comment >= 0) {
    raw = raw.slice(0, comment);
  }
  raw = raw.trimEnd();
  return raw.trim() === '' ? undefined : { start, raw };
}

/** Where exercise lines go: entries of a session, prescriptions of a phase, or reported as unread (with why). */
type Sink = { readonly kind: LineKind; readonly out: () => ExerciseLine[] } | { readonly unread: string };

/** A phase named by a heading (or, with none, `Program`), with the weeks its title gives. */
function namedPhase(h: { readonly title: string; readonly range: Range } | undefined): Phase {
  const weeks = h ? phaseWeeks(h.title) : undefined;
  const phase: Mutable<Phase> = { name: h?.title ?? 'Program', prescriptions: [] };
  if (h) {
    phase.headingRange = h.range;
  }
  if (weeks) {
    phase.weeks = weeks;
  }
  return phase;
}

function implicitPhase(ctx: Ctx): Phase {
  if (!ctx.phase) {
    const phase = namedPhase(ctx.heading);
    ctx.frag.phases.push(phase);
    ctx.phase = phase;
    const top = ctx.parents[ctx.parents.length - 1];
    if (top && top.range === ctx.heading?.range) {
      top.phase = phase;
    }
  }
  return ctx.phase;
}

/**
 * An exercise heading (a heading with dosage paragraphs or set lines under it) is never a phase of its own:
 * its line goes to the phase of the heading it stands under, as a list item written there would go. Straight
 * under Program that is the Program's own phase; in a log without a Program heading, the phase the heading
 * above names (`## Week 1` then `### Chair Bridge`). A heading inside a phase of the Program is read as an
 * exercise heading of that phase before it gets here (onHeading). With no heading above it in the block, the
 * heading stays the phase it opened.
 */
function adoptExerciseHeading(ctx: Ctx, label: Label): void {
  const own = ctx.parents[ctx.parents.length - 1];
  const parent = ctx.parents[ctx.parents.length - 2];
  if (!own || !parent || own.range !== label.nameRange || (ctx.phase && ctx.phase !== own.phase)) {
    return;
  }
  if (own.phase) {
    if (own.phase.prescriptions.length > 0) {
      return;
    }
    const i = ctx.frag.phases.lastIndexOf(own.phase);
    if (i >= 0) {
      ctx.frag.phases.splice(i, 1);
    }
  }
  if (!parent.phase) {
    parent.phase = parent.section ? { name: parent.section.title, prescriptions: [] } : namedPhase(parent);
    ctx.frag.phases.push(parent.phase);
  }
  own.phase = parent.phase;
  ctx.phase = parent.phase;
  ctx.phaseDepth = 0;
}

/** Where the exercise lines of a list or table here go; undefined under the Assessment. */
function sinkHere(ctx: Ctx): Sink | undefined {
  const session = ctx.session;
  if (session) {
    return { kind: 'entry', out: () => session.entries };
  }
  const section = currentSection(ctx)?.kind;
  if (section === 'program') {
    return { kind: 'prescription', out: () => programPhase(ctx).prescriptions };
  }
  if (section === 'assessment') {
    return undefined;
  }
  if (section === 'log') {
    return { unread: 'it is under the Log heading but not under a dated session heading' };
  }
  ctx.frag.usesStack = true;
  if (ctx.state.programSeen || ctx.frag.sections.some((x) => x.kind === 'program')) {
    return { unread: 'it is outside the Program and Log sections' };
  }
  return { kind: 'prescription', out: () => implicitPhase(ctx).prescriptions };
}

function put(ctx: Ctx, sink: Sink, line: ExerciseLine, label?: Label): void {
  if ('unread' in sink) {
    ctx.frag.unread.push({ range: line.range, reason: sink.unread });
  } else {
    if (label?.by === 'heading' && sink.kind === 'prescription') {
      adoptExerciseHeading(ctx, label);
    }
    sink.out().push(line);
  }
}

function unread(ctx: Ctx, range: Range, reason: string): void {
  ctx.frag.unread.push({ range, reason });
}

/** An exercise line from a line of source read into parts; `at` is where the source starts in the document. */
function makeLine(ctx: Ctx, at: number, raw: string, parts: LineParts, kind: LineKind, label?: Label): ExerciseLine {
  const from = ctx.index.point(at);
  const end = ctx.index.point(at + raw.length);
  const line: Mutable<ExerciseLine> = label
    ? {
      kind, name: label.name, nameRange: label.nameRange, dosage: parts.dosage,
      dosageRange: { start: ctx.index.point(at + parts.dosageStart), end: ctx.index.point(at + parts.dosageEnd) },
      range: { start: label.start, end },
    }
    : {
      kind, name: parts.name,
      // The ranges share their common points (points are immutable): fewer objects in a big log.
      nameRange: { start: parts.nameStart === 0 ? from : ctx.index.point(at + parts.nameStart), end: ctx.index.point(at + parts.nameEnd) },
      dosage: parts.dosage,
      dosageRange: { start: ctx.index.point(at + parts.dosageStart), end: parts.dosageEnd === raw.length ? end : ctx.index.point(at + parts.dosageEnd) },
      range: { start: from, end },
    };
  const link = label ? label.link : parts.link;
  if (link !== undefined) {
    line.link = link;
  }
  return line;
}

function labelOf(ctx: Ctx, at: number, parts: LineParts): Label {
  const label: Label = { by: 'item', name: parts.name, nameRange: ctx.index.range(at + parts.nameStart, at + parts.nameEnd), start: ctx.index.point(at) };
  return parts.link === undefined ? label : { ...label, link: parts.link };
}

/**
 * Collects exercise lines from a list. An item with a dosage is an exercise line. An item without one
 * names the lines below it that carry only a dosage (`- Chair Bridge` then `  - 3 x 10`) or are set lines
 * (`- Set 1: 5 reps`); items with names of their own under it are its group (`- Warm-up`). An item that
 * looks like an exercise line and still cannot be read is reported.
 */
function collectLines(ctx: Ctx, base: number, list: List, sink: Sink, label: Label | undefined): void {
  for (const item of list.children) {
    const sub = item.children.filter((c): c is List => c.type === 'list');
    const first = firstLine(ctx, item.children[0]);
    let below: Label | undefined;
    // A session's `- Morning pain: 2/10` is a note (coaching/morning.ts), not an exercise named Morning.
    if (first && ctx.session && sub.length === 0 && isMorningPainLine(first.raw)) {
      const at = base + first.start;
      ctx.session.notes.push(first.raw.trim());
      ctx.session.noteRanges.push(ctx.index.range(at, at + first.raw.length));
      continue;
    }
    if (first) {
      const at = base + first.start;
      const setAt = setLineDosage(first.raw);
      if (setAt !== undefined && label) {
        const d = parseDosage(first.raw.slice(setAt));
        const parts: LineParts = { name: '', nameStart: 0, nameEnd: 0, dosageStart: setAt, dosageEnd: first.raw.length, dosage: d };
        put(ctx, sink, withChecked(makeLine(ctx, at, first.raw, parts, 'kind' in sink ? sink.kind : 'entry', label), item), label);
      } else {
        const parts = readLineParts(first.raw);
        const kind = 'kind' in sink ? sink.kind : 'entry';
        if (isExerciseLine(first.raw, parts)) {
          if (parts.name !== '') {
            put(ctx, sink, withChecked(makeLine(ctx, at, first.raw, parts, kind), item));
          } else if (label && label.by !== 'heading') {
            put(ctx, sink, withChecked(makeLine(ctx, at, first.raw, parts, kind, label), item));
          } else {
            unread(ctx, ctx.index.range(at, at + first.raw.length), 'it has no exercise name');
          }
        } else if (parts.name !== '' && sub.length > 0) {
          below = labelOf(ctx, at, parts);
        } else if (sub.length === 0 && (looksLikeExerciseLine(first.raw) || (kind === 'entry' && 'kind' in sink && hasCount(first.raw)))) {
          // Under a session, an item with a count that is neither an exercise line nor a morning pain score
          // (`- Pull-ups: 10, 8`) was written as one: reported, never dropped.
          unread(ctx, ctx.index.range(at, at + first.raw.length), parts.name === '' ? 'it has no exercise name' : 'no dosage could be read from it');
        }
      }
    }
    for (const s of sub) {
      collectLines(ctx, base, s, sink, below);
    }
  }
}

function withChecked(line: ExerciseLine, item: ListItem): ExerciseLine {
  return typeof item.checked === 'boolean' ? { ...line, checked: item.checked } : line;
}

function collectAssessment(ctx: Ctx, base: number, list: List, out: AssessmentItem[]): void {
  for (const item of list.children) {
    const para = item.children[0];
    if (para?.type === 'paragraph') {
      out.push({ text: plainText(para), checked: item.checked === true, range: rangeOf(ctx, base, para) });
    }
    for (const c of item.children) {
      if (c.type === 'list') {
        collectAssessment(ctx, base, c, out);
      }
    }
  }
}

/**
 * The innermost open section, read for what it means to the block's content. When it is not one of the
 * block's own sections, the fragment depends on the blocks before (see Fragment.usesStack).
 */
function currentSection(ctx: Ctx): Section | undefined {
  const top = ctx.sections[ctx.sections.length - 1];
  if (!top || !ctx.frag.sections.includes(top)) {
    ctx.frag.usesStack = true;
  }
  return top;
}

/** The year in force for a date written without one: the block's last dated session's, else the state's. */
function yearHere(ctx: Ctx): number | undefined {
  if (ctx.frag.year !== undefined) {
    return ctx.frag.year;
  }
  ctx.frag.usesStack = true;
  return ctx.state.year;
}

function onHeading(ctx: Ctx, base: number, h: Heading): void {
  const title = plainText(h);
  const range = rangeOf(ctx, base, h);
  flushFields(ctx, base);
  if (ctx.session && h.depth > ctx.sessionDepth) {
    // A sub-heading of a session (`#### Warm-up`): the session goes on; the heading may name set lines.
    ctx.label = { by: 'heading', name: cleanName(title), nameRange: range, start: range.start };
    return;
  }
  const line = headingLine(ctx, h);
  const fresh = isDateHeadingLine(line) || isSectionHeadingLine(line);
  if (ctx.phase && ctx.phaseDepth > 0 && h.depth > ctx.phaseDepth && !fresh && sectionKind(title) === undefined && readHeadingDate(title) === undefined) {
    // A heading inside a phase (`#### Chair Bridge` under `### Phase 1`): an exercise heading or a group of
    // its lines; the phase goes on.
    ctx.frag.headings.push({ depth: h.depth });
    ctx.label = { by: 'heading', name: cleanName(title), nameRange: range, start: range.start };
    return;
  }
  closeSections(ctx.sections, h.depth);
  ctx.phase = undefined;
  ctx.phaseDepth = 0;
  ctx.session = undefined;
  ctx.label = undefined;
  ctx.heading = undefined;
  const kind = sectionKind(title);
  const read = kind ? undefined : readHeadingDate(title);
  // The open headings: a date or a section heading starts afresh (as the block scan starts a block there),
  // any other closes those at its depth or deeper.
  if (fresh || kind || read) {
    ctx.parents.length = 0;
  }
  while ((ctx.parents[ctx.parents.length - 1]?.depth ?? 0) >= h.depth) {
    ctx.parents.pop();
  }
  if (kind) {
    const section: Section = { kind, title, headingRange: range, depth: h.depth };
    ctx.sections.push(section);
    ctx.frag.sections.push(section);
    ctx.frag.headings.push({ depth: h.depth, section });
    ctx.parents.push({ depth: h.depth, title, range, section });
    return;
  }
  ctx.frag.headings.push({ depth: h.depth });
  if (read) {
    const textStart = base + (h.children[0]?.position?.start.offset ?? h.position?.start.offset ?? 0) + read.start;
    const session = newSession(ctx, read, ctx.index.range(textStart, textStart + read.dateText.length), range);
    ctx.frag.sessions.push(session);
    ctx.session = session;
    ctx.sessionDepth = h.depth;
    return;
  }
  const week = weekKey(title);
  if (week !== undefined) {
    ctx.frag.weeks.push({ key: week, depth: h.depth, headingRange: range });
  }
  ctx.heading = { title, range };
  ctx.label = { by: 'heading', name: cleanName(title), nameRange: range, start: range.start };
  const parent: Parent = { depth: h.depth, title, range };
  ctx.parents.push(parent);
  if (currentSection(ctx)?.kind === 'program') {
    const phase = namedPhase(ctx.heading);
    ctx.frag.phases.push(phase);
    ctx.phase = phase;
    ctx.phaseDepth = h.depth;
    parent.phase = phase;
  }
}

/**
 * A session from a date read off a heading or a table's Date cell: a date without a year takes the year in
 * force, a numeric day/month date the log's date order. `headingRange` is the heading (or the first row).
 */
function newSession(ctx: Ctx, read: HeadingDate, dateRange: Range, headingRange: Range): Mutable<Session> {
  const session: Mutable<Session> = {
    dateText: read.dateText,
    dateRange,
    label: read.label,
    headingRange,
    entries: [],
    notes: [],
    noteRanges: [],
  };
  if (read.date) {
    session.date = read.date;
  } else if (read.suggestion) {
    session.suggestion = read.suggestion;
  } else if (read.ambiguous) {
    ctx.frag.usesStack = true;
    const order = ctx.frag.order ?? ctx.state.order;
    if (order) {
      session.date = read.ambiguous[order];
    } else {
      session.ambiguous = read.ambiguous;
    }
  } else if (read.noYear) {
    const year = yearHere(ctx);
    const date = year === undefined ? undefined : withYear(read.noYear, year);
    if (date) {
      session.date = date;
    } else {
      session.dateProblem = year === undefined ? 'no-year' : 'not-in-year';
    }
  }
  if (session.date) {
    ctx.frag.year = Number(session.date.slice(0, 4));
  }
  return session;
}

/** A heading's first source line (an ATX heading's whole line), as the block scan sees it. */
function headingLine(ctx: Ctx, h: Heading): string {
  const start = h.position?.start.offset ?? 0;
  let end = start;
  while (end < ctx.text.length && ctx.text.charCodeAt(end) !== 10 && ctx.text.charCodeAt(end) !== 13) {
    end++;
  }
  return ctx.text.slice(start, end);
}

function programPhase(ctx: Ctx): Phase {
  if (!ctx.phase) {
    const section = currentSection(ctx);
    const top = ctx.parents[ctx.parents.length - 1];
    const phase: Phase = { name: section?.title ?? 'Program', prescriptions: [] };
    ctx.frag.phases.push(phase);
    ctx.phase = phase;
    if (top?.section && top.section === section) {
      top.phase = phase;
    }
  }
  return ctx.phase;
}

/** A paragraph that is only a dosage (`Sets: 2`, `Hold 3 seconds`): its source with line breaks read as commas. */
function dosageParagraph(ctx: Ctx, node: RootContent): boolean {
  if (node.type !== 'paragraph' || node.position?.start.offset === undefined) {
    return false;
  }
  const text = ctx.text.slice(node.position.start.offset, node.position.end.offset).replace(/[\r\n]/g, ',');
  if (!startsComponent(text, 0)) {
    return false;
  }
  const parts = readLineParts(text);
  return parts.name === '' && isExerciseDosage(parts.dosage);
}

/** Dosage paragraphs under an exercise heading become one exercise line named by the heading. */
function flushFields(ctx: Ctx, base: number): void {
  const f = ctx.fields;
  const label = ctx.label;
  ctx.fields = undefined;
  if (!f || !label) {
    return;
  }
  const raw = ctx.text.slice(f.start, f.end).replace(/[\r\n]/g, ',');
  const parts: LineParts = { name: '', nameStart: 0, nameEnd: 0, dosageStart: 0, dosageEnd: raw.length, dosage: parseDosage(raw) };
  const sink = sinkHere(ctx);
  if (sink) {
    put(ctx, sink, makeLine(ctx, base + f.start, raw, parts, 'kind' in sink ? sink.kind : 'entry', label), label);
  } else {
    // Under the Assessment: not a finding of the assessment, and never dropped in silence.
    unread(ctx, ctx.index.range(base + f.start, base + f.end), 'it is under the Assessment heading');
  }
}

/** Table columns that name the exercise, carry the whole dosage, or one part of it. */
const NAME_COLUMNS = /^(?:exercises?|names?|movements?|drills?|exercise name)$/;
const DOSAGE_COLUMNS = /^(?:dosage|dose|prescription|prescribed|sets\s*x\s*reps|sets\/reps)$/;
/** A log's Date column (`Date`, `Day`, `Session date`): each row's date, when its cell reads as one. */
const DATE_COLUMNS = /^(?:dates?|days?|when|session date|date of session)$/;
/** A next-morning pain column (`Morning pain`, `Pain next morning`): a note of the row's session. */
const MORNING_COLUMNS = /^(?:(?:next[- ]?)?morning pain|pain (?:the )?next morning|next[- ]?morning)(?:\s*\([^()]*\))?$/;
/** A log table's Notes column (`Notes`, `Comments`): a note of the row's session. */
const NOTE_COLUMNS = /^(?:notes?|comments?|remarks?)$/;
type ColumnPart = 'sets' | 'reps' | 'hold' | 'time' | 'distance' | 'load' | 'rest' | 'side' | 'tempo' | 'rpe' | 'rir' | 'frequency' | 'pain';
const PART_COLUMNS: readonly [RegExp, ColumnPart][] = [
  [/^sets?$/, 'sets'], [/^(?:reps?|repetitions?)$/, 'reps'], [/^holds?(?:\s*\(s\))?$/, 'hold'], [/^(?:time|duration)$/, 'time'],
  [/^distance$/, 'distance'], [/^(?:load|weight)$/, 'load'], [/^rest$/, 'rest'], [/^sides?$/, 'side'], [/^tempo$/, 'tempo'],
  [/^rpe$/, 'rpe'], [/^rir$/, 'rir'], [/^(?:frequency|how often)$/, 'frequency'],
  // `Pain`, `Pain during`, `Pain (0-10)`, `Pain during exercise (0-10)`: the row's pain during, as `pain 3/10` in a line.
  [/^pain(?:\s+(?:during|in session|during (?:the )?(?:exercise|session)|score|level))?(?:\s*\([^()]*\))?$/, 'pain'],
];

type Column = 'name' | 'dosage' | 'date' | 'morning' | 'note' | ColumnPart | undefined;

function columnOf(title: string): Column {
  const t = title.trim().toLowerCase().replace(/\s+/g, ' ');
  if (NAME_COLUMNS.test(t)) {
    return 'name';
  }
  if (DOSAGE_COLUMNS.test(t)) {
    return 'dosage';
  }
  if (DATE_COLUMNS.test(t)) {
    return 'date';
  }
  if (MORNING_COLUMNS.test(t)) {
    return 'morning';
  }
  if (NOTE_COLUMNS.test(t)) {
    return 'note';
  }
  return PART_COLUMNS.find(([re]) => re.test(t))?.[1];
}

/** A cell's content span in the block (its text without the pipes and padding). */
function cellSpan(cell: TableCell): { start: number; end: number } | undefined {
  const first = cell.children[0];
  const last = cell.children[cell.children.length - 1];
  const start = first?.position?.start.offset;
  const end = last?.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

const BARE = /^\d+(?:\.\d+)?(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?$/;

/** How a component column's value is written into a dosage: words before and after the value. */
function around(part: ColumnPart | 'dosage', value: string): [string, string] {
  const bare = BARE.test(value);
  switch (part) {
    case 'sets': return ['', bare ? ' sets' : ''];
    case 'reps': return ['', bare ? ' reps' : ''];
    case 'hold': return [/hold/i.test(value) ? '' : 'hold ', bare ? ' s' : ''];
    case 'time': return ['', bare ? ' s' : ''];
    case 'rest': return [/rest/i.test(value) ? '' : 'rest ', bare ? ' s' : ''];
    case 'load': return [bare || /^\d/.test(value) ? '@ ' : '', ''];
    case 'tempo': return [/tempo/i.test(value) ? '' : 'tempo ', ''];
    case 'rpe': return [/rpe/i.test(value) ? '' : 'RPE ', ''];
    case 'rir': return [/rir/i.test(value) ? '' : 'RIR ', ''];
    case 'pain': return [/pain/i.test(value) ? '' : 'pain ', bare ? '/10' : ''];
    default: return ['', ''];
  }
}

/** `<br>` inside a cell reads as a comma (same length, so positions hold). */
function cellText(text: string): string {
  return text.replace(/<br\s*\/?>/gi, (m) => `,${' '.repeat(m.length - 1)}`);
}

/** Digits that are not only pain scores (`2/10`): a logged row or item with them was meant as an exercise. */
function hasCount(text: string): boolean {
  return /\d/.test(text.replace(/\b\d{1,2}(?:\.\d+)?\s*\/\s*10\b/g, ''));
}

/**
 * The sessions a table's Date column gives (FORMAT.md v2): in a log, outside a dated session heading, each
 * row is an entry of the session of its date; rows of one date in a table are one session, and an empty
 * Date cell goes on with the date of the row above. The session stands where its first row does, so a
 * Week heading above the table gives its week.
 */
interface RowDates {
  readonly at: number;
  readonly byDate: Map<string, Mutable<Session>>;
  last: Mutable<Session> | undefined;
}

/** The session of a row with a Date column, or why the row has none. */
function rowSession(ctx: Ctx, base: number, dates: RowDates, row: Table['children'][number], rowRange: Range): Mutable<Session> | string {
  const cell = row.children[dates.at];
  const span = cell ? cellSpan(cell) : undefined;
  const text = span ? ctx.text.slice(span.start, span.end).trim() : '';
  if (!span || text === '') {
    return dates.last ?? 'its Date cell is empty and no row above it gives a date';
  }
  const read = readHeadingDate(text);
  if (!read) {
    return `its Date cell (${text}) cannot be read as a date; write it as 2026-11-03`;
  }
  const key = `${read.dateText}\u0000${read.label}`;
  let session = dates.byDate.get(key);
  if (!session) {
    const at = base + span.start + read.start;
    session = newSession(ctx, read, ctx.index.range(at, at + read.dateText.length), rowRange);
    dates.byDate.set(key, session);
    ctx.frag.sessions.push(session);
  }
  dates.last = session;
  return session;
}

/** A row's Morning pain or Notes cell, as a note of its session (in words of its own), at the cell. */
function rowNote(ctx: Ctx, base: number, session: Session, cell: TableCell | undefined, words: (value: string) => string): void {
  const span = cell ? cellSpan(cell) : undefined;
  const value = span ? cellText(ctx.text.slice(span.start, span.end)).replace(/\s+/g, ' ').trim() : '';
  if (span && value !== '') {
    session.notes.push(words(value));
    session.noteRanges.push(ctx.index.range(base + span.start, base + span.end));
  }
}

/**
 * A GFM table: one exercise line per row, with a name column and either one dosage column or component
 * columns (Sets, Reps, Hold, Pain...), or both. The cells are put together into one dosage; `dosageMap`
 * keeps where each of its characters stands, so findings and fixes land in the cells. In a log, a Date
 * column makes each row an entry of the session of its date, and a Morning pain column a next-morning
 * note of that session (coaching/morning.ts).
 */
function onTable(ctx: Ctx, base: number, table: Table): void {
  const [head, ...rows] = table.children;
  if (!head) {
    return;
  }
  const columns = head.children.map((c) => columnOf(plainText(c)));
  let nameAt = columns.indexOf('name');
  const parts = columns.flatMap((c, i) => (c !== undefined && c !== 'name' && c !== 'date' && c !== 'morning' && c !== 'note' ? [i] : []));
  if (parts.length === 0) {
    return;
  }
  if (nameAt < 0) {
    nameAt = columns.findIndex((c) => c === undefined);
    if (nameAt < 0) {
      return;
    }
  }
  const sink = sinkHere(ctx);
  if (!sink) {
    return;
  }
  const dateAt = columns.indexOf('date');
  const section = ctx.session ? undefined : currentSection(ctx)?.kind;
  // A Date column makes sessions outside the Program and outside a dated heading, when some cell of it is a date
  // (a program's `Day` column of `Mon`, `Day 1` stays what it was).
  const dated = dateAt >= 0 && !ctx.session && section !== 'program' && rows.some((row) => {
    const cell = row.children[dateAt];
    const span = cell ? cellSpan(cell) : undefined;
    return span !== undefined && readHeadingDate(ctx.text.slice(span.start, span.end).trim()) !== undefined;
  });
  const dates: RowDates | undefined = dated ? { at: dateAt, byDate: new Map(), last: undefined } : undefined;
  const morningAt = columns.indexOf('morning');
  const noteAt = columns.indexOf('note');
  const kind = dates ? 'entry' : 'kind' in sink ? sink.kind : 'entry';
  for (const row of rows) {
    const nameCell = row.children[nameAt];
    const nameSpan = nameCell ? cellSpan(nameCell) : undefined;
    const rowStart = base + (row.position?.start.offset ?? 0);
    const rowRange = ctx.index.range(rowStart, base + (row.position?.end.offset ?? 0));
    const rawName = nameSpan ? ctx.text.slice(nameSpan.start, nameSpan.end) : '';
    const link = /\[[^\]]*\]\(\s*<?([^)\s>]*)/.exec(rawName)?.[1];
    const name = cleanName(cellText(rawName).replace(/,\s+/g, ' '));
    let text = '';
    let dStart = 0;
    let dEnd = 0;
    const at: number[] = [];
    let plain = true;
    for (const i of parts) {
      const cell = row.children[i];
      const span = cell ? cellSpan(cell) : undefined;
      const part = columns[i];
      if (!span || part === undefined || part === 'name' || part === 'date' || part === 'morning' || part === 'note') {
        continue;
      }
      if (text === '') {
        dStart = span.start;
      } else {
        text += ', ';
        at.push(span.start - dStart, span.start - dStart);
        plain = false;
      }
      const value = cellText(ctx.text.slice(span.start, span.end));
      const [pre, post] = around(part, value);
      if (pre !== '' || post !== '') {
        plain = false;
      }
      text += pre;
      at.push(...Array<number>(pre.length).fill(span.start - dStart));
      text += value;
      for (const k of value.split('').keys()) {
        at.push(span.start - dStart + k);
      }
      text += post;
      at.push(...Array<number>(post.length).fill(span.end - dStart - 1));
      dEnd = span.end;
    }
    const dosage: Dosage | undefined = text === '' ? undefined : parseDosage(text);
    const cells = row.children.filter((_, i) => i !== dateAt).map((c) => plainText(c)).join(' ');
    const entry = kind === 'entry' && !('unread' in sink && !dates);
    if (!dosage || !isExerciseDosage(dosage)) {
      if (looksLikeExerciseLine(cells) || (entry && hasCount(cells))) {
        unread(ctx, rowRange, name === '' ? 'it has no exercise name' : 'no dosage could be read from it');
      }
      continue;
    }
    if (name === '' || !nameSpan) {
      unread(ctx, rowRange, 'it has no exercise name');
      continue;
    }
    let session: Mutable<Session> | undefined;
    if (dates) {
      const s = rowSession(ctx, base, dates, row, rowRange);
      if (typeof s === 'string') {
        unread(ctx, rowRange, s);
        continue;
      }
      session = s;
    }
    const line: Mutable<ExerciseLine> = {
      kind, name,
      nameRange: ctx.index.range(base + nameSpan.start, base + nameSpan.end),
      dosage,
      dosageRange: ctx.index.range(base + dStart, base + dEnd),
      range: rowRange,
    };
    if (!plain) {
      line.dosageMap = at;
    }
    if (link !== undefined) {
      line.link = link;
    }
    if (session) {
      session.entries.push(line);
    } else {
      put(ctx, sink, line);
    }
    const owner = session ?? (kind === 'entry' ? ctx.session : undefined);
    if (owner) {
      rowNote(ctx, base, owner, row.children[morningAt], (v) => `Next morning: pain ${BARE.test(v) ? `${v}/10` : v}`);
      rowNote(ctx, base, owner, row.children[noteAt], (v) => `${name}: ${v}`);
    }
  }
}

function collectSuppressions(ctx: Ctx, base: number, root: Root): void {
  // Iterative: a log can nest quotes and lists deeper than the call stack.
  const stack: (RootContent | Root)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) {
      break;
    }
    if (node.type === 'html') {
      SUPPRESSION.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SUPPRESSION.exec(node.value)) !== null) {
        const at = base + (node.position?.start.offset ?? 0) + m.index;
        const where = ctx.index.point(at);
        const ids = (m[2] ?? '').split(/[\s,]+/).filter((x) => x !== '');
        ctx.frag.suppressions.push({ kind: m[1] as Suppression['kind'], ruleIds: ids, get line() { return where.line; } });
      }
    } else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) {
        const c = node.children[i];
        if (c) {
          stack.push(c);
        }
      }
    }
  }
}

function onBlockNode(ctx: Ctx, base: number, node: RootContent): void {
  if (node.type === 'heading') {
    onHeading(ctx, base, node);
    return;
  }
  // Dosage paragraphs right under an exercise heading (`### Chair Bridge`, then `Sets: 2`, `Hold 3 seconds`).
  if (ctx.label && !ctx.session?.entries.length && dosageParagraph(ctx, node) && node.position?.start.offset !== undefined) {
    const end = node.position.end.offset ?? node.position.start.offset;
    ctx.fields = ctx.fields ? { start: ctx.fields.start, end } : { start: node.position.start.offset, end };
    return;
  }
  flushFields(ctx, base);
  if (node.type === 'list') {
    if (!ctx.session && currentSection(ctx)?.kind === 'assessment') {
      collectAssessment(ctx, base, node, ctx.frag.assessment);
      return;
    }
    const sink = sinkHere(ctx);
    if (sink) {
      collectLines(ctx, base, node, sink, ctx.label);
    }
    return;
  }
  if (node.type === 'table') {
    onTable(ctx, base, node);
    return;
  }
  // A bold line (`**Chair Bridge**`) names the set lines below it.
  if (node.type === 'paragraph' && node.children.length <= 2 && (node.children[0]?.type === 'strong' || node.children[0]?.type === 'emphasis')) {
    const rest = node.children[1];
    if (!rest || (rest.type === 'text' && /^\s*:?\s*$/.test(rest.value))) {
      const name = cleanName(plainText(node));
      if (name !== '') {
        const range = rangeOf(ctx, base, node);
        ctx.label = { by: 'bold', name, nameRange: range, start: range.start };
      }
    }
  }
  if (ctx.session && node.type !== 'html' && node.type !== 'yaml') {
    const note = plainText(node);
    if (note !== '') {
      ctx.session.notes.push(note);
      ctx.session.noteRanges.push(rangeOf(ctx, base, node));
    }
  }
}

function readFrontMatter(ctx: Ctx, base: number, node: Node & { value: string }): FrontMatter {
  // The content starts on the line after the opening `---` (LF, CRLF or CR alone).
  const open = /^[^\r\n]*(?:\r\n|\r|\n)/.exec(ctx.text.slice(node.position?.start.offset ?? 0))?.[0].length ?? 0;
  const contentStart = base + (node.position?.start.offset ?? 0) + open;
  const range = rangeOf(ctx, base, node);
  const problems: { range: Range; message: string }[] = [];
  const fields: FrontMatterField[] = [];
  let data: Record<string, unknown> = {};
  // YAML reads LF and CRLF line breaks; a CR alone (old Mac files) becomes LF here, same length.
  // uniqueKeys is checked below in one pass: yaml's own check compares every key with every other one
  // (1.5 MB of keys took over a minute).
  const doc = parseDocument(node.value.replace(/\r(?!\n)/g, '\n'), { uniqueKeys: false, prettyErrors: false });
  for (const e of doc.errors) {
    const [s, t] = e.pos;
    problems.push({
      range: ctx.index.range(contentStart + s, contentStart + Math.max(s, t)),
      message: `The front matter cannot be read: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? ''}; the athlete's details and guideline files in it are not applied`,
    });
  }
  if (isMap(doc.contents)) {
    const seen = new Set<string>();
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        const key = String(pair.key.value);
        if (seen.has(key)) {
          problems.push({
            range: ctx.index.range(contentStart + pair.key.range[0], contentStart + pair.key.range[1]),
            message: `The front matter names ${key} more than once; the last one is used. Keep one ${key} line`,
          });
        }
        seen.add(key);
      }
    }
  }
  if (doc.errors.length === 0) {
    try {
      const js: unknown = doc.toJS({ maxAliasCount: 50 });
      if (js !== null && typeof js === 'object' && !Array.isArray(js)) {
        data = js as Record<string, unknown>;
      } else if (js !== null && js !== undefined) {
        problems.push({ range, message: 'The front matter cannot be read; write key: value lines, such as athlete: Jane Runner' });
      }
    } catch (e) {
      // yaml's alias limit (an alias bomb) and other failures to build the values.
      problems.push({ range, message: `The front matter cannot be read: ${e instanceof Error ? e.message : String(e)}; the athlete's details and guideline files in it are not applied` });
    }
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const kr = isScalar(pair.key) ? pair.key.range : undefined;
        const vr = (pair.value as { range?: [number, number, number] } | null)?.range;
        if (key === undefined || !kr) {
          continue;
        }
        const end = vr ? vr[1] : kr[1];
        fields.push({ key, value: data[key], range: ctx.index.range(contentStart + kr[0], contentStart + end) });
        if (key === 'guidelines') {
          const v = pair.value;
          const items = isSeq(v) ? v.items : [v];
          for (const it of items) {
            if (isScalar(it) && typeof it.value === 'string' && it.range) {
              ctx.frag.guidelineFiles.push({ path: it.value, range: ctx.index.range(contentStart + it.range[0], contentStart + it.range[1]) });
            }
          }
        }
      }
    }
  }
  return { range, data, fields, problems };
}

/** A first line `---` and a `key: value` line after it, with no closing `---`: a front matter never closed. */
const UNCLOSED = /^\uFEFF?---[ \t]*(?:\r\n|\r|\n)[ \t]*[A-Za-z_][\w-]*[ \t]*:/;

function unclosedFrontMatter(ctx: Ctx, text: string): void {
  if (!UNCLOSED.test(text)) {
    return;
  }
  const open = /^\uFEFF?---[ \t]*/.exec(text)?.[0].length ?? 3;
  const range = ctx.index.range(0, open);
  ctx.frag.frontMatter = {
    range, data: {}, fields: [], unclosed: true,
    problems: [{
      range,
      message: 'The front matter opened with --- on line 1 is never closed, so the athlete\'s details and guideline files in it are not read; add a line --- after its last line (such as athlete: Jane Runner)',
    }],
  };
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v.trim() === '' ? undefined : v.trim();
  }
  if (typeof v === 'number') {
    return String(v);
  }
  if (v instanceof Date && !Number.isNaN(v.getTime())) {
    return v.toISOString().slice(0, 10);
  }
  return undefined;
}

/** Assembles one parsed block into its fragment; `index` is the line index of the whole text. */
export function assembleBlock(index: LineIndex, block: Block, tree: Root, stateIn: ReadState = START, anchor = Anchor.at(block.start, block.line)): Fragment {
  const assembler = blockAssembler(index, block, stateIn, anchor);
  assembler.add(tree);
  return assembler.finish();
}

/**
 * `assembleBlock` in parts: the block's tree given as consecutive trees of its top-level nodes (offsets in
 * the block's text), each dropped once read, so a long block never needs its whole tree at once.
 */
export function blockAssembler(index: LineIndex, block: Block, stateIn: ReadState = START, anchor = Anchor.at(block.start, block.line)): { add(tree: Root): void; finish(): Fragment } {
  const frag: Fragment = { sections: [], assessment: [], phases: [], sessions: [], suppressions: [], unread: [], weeks: [], fields: {}, guidelineFiles: [], headings: [], usesStack: false, anchor };
  const ctx: Ctx = {
    text: block.text, index: new PointMaker(index, anchor), frag, state: stateIn, sections: [...stateIn.sections], phase: undefined, session: undefined,
    sessionDepth: 0, phaseDepth: 0, heading: undefined, label: undefined, fields: undefined, parents: [],
  };
  if (block.start === 0 && block.kind !== 'front-matter') {
    unclosedFrontMatter(ctx, block.text);
  }
  return {
    add(tree) {
      collectSuppressions(ctx, block.start, tree);
      for (const node of tree.children) {
        if (node.type === 'yaml' && block.kind === 'front-matter') {
          const fm = readFrontMatter(ctx, block.start, node);
          frag.frontMatter = fm;
          for (const key of ['athlete', 'coach', 'condition', 'side', 'started'] as const) {
            const v = str(fm.data[key]);
            if (v !== undefined) {
              frag.fields[key] = v;
            }
          }
          const order = dateOrderOf(fm.data['date-order'] ?? fm.data['dateOrder']);
          if (order) {
            frag.order = order;
          }
          const started = /^(\d{4})-\d{2}-\d{2}$/.exec(frag.fields.started ?? '');
          if (started) {
            frag.year = Number(started[1]);
          }
          continue;
        }
        onBlockNode(ctx, block.start, node);
      }
    },
    finish() {
      flushFields(ctx, block.start);
      return shareEmpty(frag);
    },
  };
}

/** The finished fragment keeps exact-size lists, and one shared empty list for its many empty ones (lists.ts). */
function shareEmpty(frag: Fragment): Fragment {
  for (const s of frag.sessions as Mutable<Session>[]) {
    s.entries = exact(s.entries);
    s.notes = exact(s.notes);
    s.noteRanges = exact(s.noteRanges);
  }
  for (const p of frag.phases as Mutable<Phase>[]) {
    p.prescriptions = exact(p.prescriptions);
  }
  const out: Record<string, unknown> = { ...frag };
  for (const k of ['sections', 'assessment', 'phases', 'sessions', 'suppressions', 'unread', 'weeks', 'guidelineFiles', 'headings'] as const) {
    out[k] = exact<unknown>(frag[k]);
  }
  return out as unknown as Fragment;
}

/** A heading of depth `depth` closes the open sections at that depth or deeper. */
function closeSections(sections: Section[], depth: number): void {
  while (sections.length > 0 && (sections[sections.length - 1]?.depth ?? 0) >= depth) {
    sections.pop();
  }
}

/** The sections open after a block, from those open before it and the block's headings. */
export function sectionsAfter(stackIn: readonly Section[], frag: Fragment): readonly Section[] {
  // Most blocks (sessions) open and close no section: they pass the same list on.
  if (frag.headings.every((h) => !h.section && (stackIn[stackIn.length - 1]?.depth ?? 0) < h.depth)) {
    return stackIn;
  }
  const stack = [...stackIn];
  for (const h of frag.headings) {
    closeSections(stack, h.depth);
    if (h.section) {
      stack.push(h.section);
    }
  }
  return stack;
}

/** The model's lists, each in document order. */
export interface ModelLists {
  readonly sections: Section[];
  readonly assessment: AssessmentItem[];
  readonly phases: Phase[];
  readonly sessions: Session[];
  readonly suppressions: Suppression[];
  readonly unread: UnreadLine[];
  readonly weeks: WeekHeading[];
}

export const LIST_KINDS = ['sections', 'assessment', 'phases', 'sessions', 'suppressions', 'unread', 'weeks'] as const;

/** The model from the first block's fragment (front matter) and the lists of all blocks. */
export function makeLog(head: Fragment | undefined, lists: ModelLists, end: Point): AthleteLog {
  const { sections, assessment, phases, sessions, suppressions, unread, weeks } = lists;
  const log: MutableLog = { guidelineFiles: head?.frontMatter ? head.guidelineFiles : [], sections, assessment, phases, sessions, suppressions, unread, weeks, end };
  if (head?.frontMatter) {
    log.frontMatter = head.frontMatter;
    Object.assign(log, head.fields);
  }
  const first = sections.find((x) => x.kind === 'assessment');
  if (first) {
    log.assessmentRange = first.headingRange;
  }
  return log;
}

const indexes = new WeakMap<AthleteLog, LineIndex>();

/** Remembers the line index a model was made with, for lineIndexOf. */
export function rememberIndex(log: AthleteLog, index: LineIndex): void {
  indexes.set(log, index);
}

/** The line index the parser built for this model's text (built again only for a model from elsewhere). */
export function lineIndexOf(log: AthleteLog, text: string): LineIndex {
  return indexes.get(log) ?? new LineIndex(text);
}

/** Parses the text in one piece, not block by block: the reference the tests compare against. */
export function parseWhole(text: string, state: ReadState = START): AthleteLog {
  const index = new LineIndex(text);
  const fm = frontMatterEnd(text) > 0;
  const tree = fm ? parseMarkdown(text, true) : parseMarkdownGfm(text);
  const frag = assembleBlock(index, { start: 0, text, line: 1, kind: fm ? 'front-matter' : 'body' }, tree, state);
  const log = makeLog(frag, frag, index.point(text.length));
  rememberIndex(log, index);
  return log;
}
