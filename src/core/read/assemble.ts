/**
 * The format's meaning: Markdown tree -> AthleteLog (FORMAT.md). The text is split into top-level blocks
 * (markdown/blocks.ts), each block is parsed by the Markdown pipeline (markdown/parse.ts), and one walk
 * over the blocks in order assembles the model. Parsed blocks can be cached by their text, so an edit
 * re-parses only the blocks it touched.
 */
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import type { Heading, List, ListItem, Root, RootContent } from 'mdast';
import type { Node } from 'unist';
import { frontMatterEnd, type Block } from '../markdown/blocks.js';
import { parseMarkdown, parseMarkdownGfm, plainText } from '../markdown/parse.js';
import { exact } from '../lists.js';
import { parseDosage, startsComponent } from '../dosage/parse.js';
import type {
  AssessmentItem, AthleteLog, Dosage, ExerciseLine, FrontMatter, FrontMatterField, LineKind, Phase, Point, Range, Section,
  SectionKind, Session, Span, Suppression,
} from '../model.js';
import { Anchor, LineIndex, PointMaker } from '../text.js';

const SECTION_NAMES: Readonly<Record<SectionKind, readonly string[]>> = {
  assessment: ['assessment', 'evaluation', 'findings'],
  program: ['program', 'plan', 'prescription', 'home program', 'exercises'],
  log: ['log', 'session log', 'sessions', 'training log', 'journal'],
};

export function sectionKind(title: string): SectionKind | undefined {
  const t = title.trim().toLowerCase().replace(/\s*[:(].*$/, '').replace(/\s+/g, ' ');
  for (const [kind, names] of Object.entries(SECTION_NAMES) as [SectionKind, readonly string[]][]) {
    if (names.includes(t)) {
      return kind;
    }
  }
  return undefined;
}

const DATE_LIKE = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2}))(?![\d])/;

function validIso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1) {
    return undefined;
  }
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) {
    return undefined;
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads a session heading's date: `2026-11-03`, `20261103`, with the rest of the heading as a label. */
export function parseSessionDate(text: string): { dateText: string; date?: string; suggestion?: string; label: string } | undefined {
  const m = DATE_LIKE.exec(text);
  if (!m) {
    return undefined;
  }
  const y = Number(m[1]);
  const strict = m[2] === '-' ? (m[3]?.length === 2 && m[4]?.length === 2) : m[2] === undefined;
  const mo = Number(m[3] ?? m[5]);
  const d = Number(m[4] ?? m[6]);
  const iso = validIso(y, mo, d);
  const label = text.slice(m[0].length).trim();
  if (iso && strict) {
    return { dateText: m[0], date: iso, label };
  }
  return iso ? { dateText: m[0], suggestion: iso, label } : { dateText: m[0], label };
}

const WEEKS = /\(\s*weeks?\s+(\d+)(?:\s*(?:-|–|—|to)\s*(\d+))?\s*\)/i;

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
 * starts with a heading, and a heading ends both), so a block's fragment depends only on its text, where
 * it stands and the sections open before it (`stackIn`).
 */
export interface Fragment {
  readonly sections: Section[];
  readonly assessment: AssessmentItem[];
  readonly phases: Phase[];
  readonly sessions: Session[];
  readonly suppressions: Suppression[];
  frontMatter?: FrontMatter;
  readonly fields: { athlete?: string; coach?: string; condition?: string; side?: string; started?: string };
  readonly guidelineFiles: { path: string; range: Range }[];
  /** The block's headings in order (depth, and the section each opened): how it changes open sections. */
  readonly headings: { readonly depth: number; readonly section?: Section }[];
  /** Whether the fragment read the sections open before the block (else it holds wherever it stands). */
  usesStack: boolean;
  /** Where the block starts: every point of the fragment is relative to it. */
  readonly anchor: Anchor;
}

interface Ctx {
  /** The block's own text (offsets in the model are the document's: block start + offset here). */
  text: string;
  index: PointMaker;
  frag: Fragment;
  /** Open sections, innermost last. */
  sections: Section[];
  phase: Phase | undefined;
  session: Session | undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableLog = Mutable<AthleteLog>;

function rangeOf(ctx: Ctx, base: number, node: Node): Range {
  const s = base + (node.position?.start.offset ?? 0);
  const e = base + (node.position?.end.offset ?? 0);
  return ctx.index.range(s, e);
}

/** Strips Markdown emphasis, code and link syntax from a name as written: `**Chair Bridge**` -> `Chair Bridge`. */
function cleanName(raw: string): string {
  return raw
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits `Chair Bridge: 3 x 10` (or `Chair Bridge 3x10`, `Chair Bridge - 3x10`) into name and dosage.
 * The dosage starts after the first colon, or else at the first word that reads as a dosage component.
 */
export function splitExerciseLine(line: string): { nameEnd: number; dosageStart: number } {
  const colon = line.indexOf(':');
  if (colon > 0 && line.slice(0, colon).trim() !== '') {
    return { nameEnd: colon, dosageStart: colon + 1 };
  }
  const word = /(^|[\s(])(?=\S)/g;
  let m: RegExpExecArray | null;
  while ((m = word.exec(line)) !== null) {
    const at = m.index + (m[1]?.length ?? 0);
    if (at > 0 && startsComponent(line, at)) {
      let nameEnd = at;
      while (nameEnd > 0 && /[\s\-–—:(]/.test(line[nameEnd - 1] ?? '')) {
        nameEnd--;
      }
      if (nameEnd > 0) {
        return { nameEnd, dosageStart: at };
      }
    }
    if (m[0].length === 0) {
      word.lastIndex++;
    }
  }
  return { nameEnd: line.length, dosageStart: line.length };
}

/** What an exercise line says, relative to its paragraph: worked out once per parsed block (cached). */
interface RawLine {
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly dosageStart: number;
  readonly end: number;
  readonly name: string;
  readonly dosage: Dosage;
}

function readRawLine(ctx: Ctx, item: ListItem): RawLine | null {
  const para = item.children[0];
  if (para?.type !== 'paragraph' || para.position?.start.offset === undefined) {
    return null;
  }
  // Offsets here are within the block's own text (ctx.text).
  const start = para.position.start.offset;
  const paraEnd = para.position.end.offset ?? para.position.start.offset;
  let lineEnd = ctx.text.indexOf('\n', start);
  if (lineEnd < 0 || lineEnd > paraEnd) {
    lineEnd = paraEnd;
  }
  let raw = ctx.text.slice(start, lineEnd);
  const comment = raw.indexOf('<!--');
  if (comment >= 0) {
    raw = raw.slice(0, comment);
  }
  raw = raw.replace(/[\s\r]+$/, '');
  if (raw.trim() === '') {
    return null;
  }
  const split = splitExerciseLine(raw);
  let dosageStart = split.dosageStart;
  while (dosageStart < raw.length && /\s/.test(raw[dosageStart] ?? '')) {
    dosageStart++;
  }
  const rawName = raw.slice(0, split.nameEnd);
  return {
    nameStart: rawName.length - rawName.trimStart().length,
    nameEnd: rawName.trimEnd().length,
    dosageStart,
    end: raw.length,
    name: cleanName(rawName),
    dosage: parseDosage(raw.slice(dosageStart)),
  };
}

function exerciseLine(ctx: Ctx, base: number, item: ListItem, kind: LineKind): ExerciseLine | undefined {
  const raw = readRawLine(ctx, item);
  const para = item.children[0];
  if (!raw || para?.position?.start.offset === undefined) {
    return undefined;
  }
  const start = base + para.position.start.offset;
  // The three ranges share their common points (points are immutable): fewer objects in a big log.
  const from = ctx.index.point(start);
  const end = ctx.index.point(start + raw.end);
  const line: ExerciseLine = {
    kind,
    name: raw.name,
    nameRange: { start: raw.nameStart === 0 ? from : ctx.index.point(start + raw.nameStart), end: ctx.index.point(start + raw.nameEnd) },
    dosage: raw.dosage,
    dosageRange: { start: ctx.index.point(start + raw.dosageStart), end },
    range: { start: from, end },
  };
  return typeof item.checked === 'boolean' ? { ...line, checked: item.checked } : line;
}

/** Collects exercise lines from a list: an item with sub-items and no dosage is a group label. */
function collectLines(ctx: Ctx, base: number, list: List, kind: LineKind, out: ExerciseLine[]): void {
  for (const item of list.children) {
    const sub = item.children.filter((c): c is List => c.type === 'list');
    const line = exerciseLine(ctx, base, item, kind);
    const isGroup = sub.length > 0 && (!line || line.dosage.components.length === 0);
    if (line && !isGroup) {
      out.push(line);
    }
    for (const s of sub) {
      collectLines(ctx, base, s, kind, out);
    }
  }
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

function onHeading(ctx: Ctx, base: number, h: Heading): void {
  const title = plainText(h);
  const range = rangeOf(ctx, base, h);
  closeSections(ctx.sections, h.depth);
  ctx.phase = undefined;
  ctx.session = undefined;
  const kind = sectionKind(title);
  if (kind) {
    const section: Section = { kind, title, headingRange: range, depth: h.depth };
    ctx.sections.push(section);
    ctx.frag.sections.push(section);
    ctx.frag.headings.push({ depth: h.depth, section });
    return;
  }
  ctx.frag.headings.push({ depth: h.depth });
  const date = parseSessionDate(title);
  if (date) {
    const textStart = base + (h.children[0]?.position?.start.offset ?? h.position?.start.offset ?? 0);
    const session: Session = {
      ...date,
      dateRange: ctx.index.range(textStart, textStart + date.dateText.length),
      headingRange: range,
      entries: [],
      notes: [],
      noteRanges: [],
    };
    ctx.frag.sessions.push(session);
    ctx.session = session;
    return;
  }
  if (currentSection(ctx)?.kind === 'program') {
    const weeks = phaseWeeks(title);
    const phase: Phase = weeks ? { name: title, headingRange: range, weeks, prescriptions: [] } : { name: title, headingRange: range, prescriptions: [] };
    ctx.frag.phases.push(phase);
    ctx.phase = phase;
  }
}

function programPhase(ctx: Ctx): Phase {
  if (!ctx.phase) {
    const section = currentSection(ctx);
    const phase: Phase = { name: section?.title ?? 'Program', prescriptions: [] };
    ctx.frag.phases.push(phase);
    ctx.phase = phase;
  }
  return ctx.phase;
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
  if (node.type === 'list') {
    const section = ctx.session ? undefined : currentSection(ctx)?.kind;
    if (ctx.session) {
      collectLines(ctx, base, node, 'entry', ctx.session.entries);
    } else if (section === 'program') {
      collectLines(ctx, base, node, 'prescription', programPhase(ctx).prescriptions);
    } else if (section === 'assessment') {
      collectAssessment(ctx, base, node, ctx.frag.assessment);
    }
    return;
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
  // The YAML starts on the line after the opening `---` (whatever its line ending).
  const open = node.position?.start.offset ?? 0;
  const eol = /\r\n|\r|\n/.exec(ctx.text.slice(open, open + 8));
  const contentStart = base + open + (eol ? eol.index + eol[0].length : 0);
  const range = rangeOf(ctx, base, node);
  const problems: { range: Range; message: string }[] = [];
  const fields: FrontMatterField[] = [];
  let data: Record<string, unknown> = {};
  // uniqueKeys is checked below in one pass: yaml's own check compares every key with every other one
  // (1.5 MB of keys took over a minute).
  const doc = parseDocument(node.value, { uniqueKeys: false, prettyErrors: false });
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
export function assembleBlock(index: LineIndex, block: Block, tree: Root, stackIn: readonly Section[], anchor = Anchor.at(block.start, block.line)): Fragment {
  const frag: Fragment = { sections: [], assessment: [], phases: [], sessions: [], suppressions: [], fields: {}, guidelineFiles: [], headings: [], usesStack: false, anchor };
  const ctx: Ctx = { text: block.text, index: new PointMaker(index, anchor), frag, sections: [...stackIn], phase: undefined, session: undefined };
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
      continue;
    }
    onBlockNode(ctx, block.start, node);
  }
  return shareEmpty(frag);
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
  for (const k of ['sections', 'assessment', 'phases', 'sessions', 'suppressions', 'guidelineFiles', 'headings'] as const) {
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
}

export const LIST_KINDS = ['sections', 'assessment', 'phases', 'sessions', 'suppressions'] as const;

/** The model from the first block's fragment (front matter) and the lists of all blocks. */
export function makeLog(head: Fragment | undefined, lists: ModelLists, end: Point): AthleteLog {
  const { sections, assessment, phases, sessions, suppressions } = lists;
  const log: MutableLog = { guidelineFiles: head?.frontMatter ? head.guidelineFiles : [], sections, assessment, phases, sessions, suppressions, end };
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
export function parseWhole(text: string): AthleteLog {
  const index = new LineIndex(text);
  const fm = frontMatterEnd(text) > 0;
  const tree = fm ? parseMarkdown(text, true) : parseMarkdownGfm(text);
  const frag = assembleBlock(index, { start: 0, text, line: 1, kind: fm ? 'front-matter' : 'body' }, tree, []);
  const log = makeLog(frag, frag, index.point(text.length));
  rememberIndex(log, index);
  return log;
}
