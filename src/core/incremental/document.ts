/**
 * One log kept between checks, so that a check after an edit does the edit's work and little more.
 *
 * - The new text is compared with the last one: what is the same at both ends is not looked at again.
 * - The blocks (blocks.ts) are scanned again from the block before the edit until the scan meets a block
 *   boundary of the old text after the edit; only those blocks are parsed and assembled. The blocks after
 *   it keep their fragment of the model and move: their points are relative to an anchor per block
 *   (text.ts), and the anchors sit in typed arrays, so moving every block is one tight loop.
 * - A fragment may depend on the sections open before its block; when an edit changes those (a section
 *   heading), following blocks that read them are parsed again, the others only pass the change on.
 * - The model's lists (sessions, phases...) are spliced, not rebuilt: counts per block sit in typed arrays.
 * - `block` rules (rules/rule.ts) run on new blocks only, and keep their findings with the block, anchored
 *   to it. `log` rules read across the log, through a typed-array timeline (timeline.ts). Each says which
 *   aspects of the log it reads; after an edit that leaves those alone in the edited blocks (and moves no
 *   line) its findings are kept, else it runs again on the whole timeline, as steps.
 *
 * The result is the same as a check from scratch, byte for byte (test/unit/incremental.test.ts checks
 * that with random edits). Findings are returned with plain positions; a model returned by `update` stays
 * valid until the next update of the same document, which moves its positions. Callers must not run two updates of one document at once (the
 * service queues them); an update that finds another one finished meanwhile starts again.
 */
import { isHeadingLine, scanBlocks, type Block } from '../markdown/blocks.js';
import { activeRules, byPosition, isSuppressed, runRules, type CheckContext, type CheckEngine, type RuleInputs } from '../check.js';
import type { LogView } from '../logView.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { AthleteLog, Dosage, ExerciseLine, Finding, Point, Range, Section, TextEdit } from '../model.js';
import { resolveOptions, type ResolvedOptions } from '../options.js';
import type { Root } from 'mdast';
import { assembleBlock, LIST_KINDS, makeLog, rememberIndex, sectionsAfter, type Fragment, type ModelLists } from '../read/assemble.js';
import { needsGuard, parseMarkdown, type TreeParser } from '../markdown/parse.js';
import { runSteps, settled, type Steps } from './steps.js';
import type { LogAspect, Rule } from '../rules/rule.js';
import { AnchoredPoint, AnchorTable, LineIndex, PointMaker } from '../text.js';
import { blockPart, ExerciseIds, joinPartsSteps, sameNumbers, slicePart, Timeline, TimelineView, type BlockPart, type TimelinePart } from './timeline.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ListKind = (typeof LIST_KINDS)[number];

/** A block of the current text with what was worked out from it (its parse tree is not kept). */
interface BlockState {
  readonly text: string;
  readonly kind: Block['kind'];
  /** The sections open before and after the block. */
  readonly stackIn: readonly Section[];
  readonly stackOut: readonly Section[];
  readonly fragment: Fragment;
  /** Findings of the `block` rules, anchored to the block, and the key they were found under. */
  found?: { readonly key: string; readonly findings: readonly Finding[] };
  /** What `log` rules read from the block, by aspect, positions aside (worked out when needed). */
  signatures?: Partial<Record<LogAspect, string>>;
  /** The block's sessions in the timeline's terms, made with the `block` findings. */
  part?: BlockPart;
}

/** Where each block's items start in the model's lists, and the blocks' anchors, in block order. */
interface Layout {
  readonly ids: Int32Array;
  readonly prefix: Readonly<Record<ListKind, Int32Array>>;
}

/** One checked state of the document: its text, line index, model and blocks. */
export interface Snapshot {
  readonly text: string;
  readonly index: LineIndex;
  readonly log: AthleteLog;
  readonly generation: number;
  /** @internal */
  readonly blocks: readonly BlockState[];
  /** @internal */
  readonly layout: Layout;
}

/** What an update changed: blocks `[head, head + added)` of the new state replaced `[head, tail)` of the old. */
interface Change {
  readonly from: number;
  readonly to: number;
  readonly head: number;
  readonly added: number;
  readonly tail: number;
  readonly replaced: readonly BlockState[];
  /** The old text's range the replaced blocks covered, and how far what follows moved. */
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly offset: number;
  readonly line: number;
  /** Whether the edit touched a carriage return (line ending style is something `log` rules read). */
  readonly cr: boolean;
}

/** How many blocks, and characters, a cold check parses with one parser call at most. */
const CHUNK_BLOCKS = 16;
const CHUNK_CHARS = 2048;
/** The characters of the first run a cold check parses here, and how long parsing a run should take. */
const FIRST_RUN_CHARS = 256;
const RUN_MS = 10;

/** Blocks `[from, to)` parsed with one parser call, as the text `within`. */
interface Run {
  readonly from: number;
  readonly to: number;
  readonly within: Block;
}

/**
 * Whether a block parses the same inside a longer text as on its own, in a run of blocks: a body block
 * without link or footnote definitions (`]:`, which other blocks of the run would see) and not nested
 * beyond what the parser is given (see parse.ts).
 */
function chunkable(b: Block | undefined): boolean {
  return b !== undefined && b.kind === 'body' && !b.text.includes(']:') && !needsGuard(b.text);
}

/** A cold update gives its parsing to the host's `TreeParser` from this length on (a worker starts in tens of ms). */
const REMOTE_MIN_CHARS = 64 * 1024;
/**
 * Runs asked of the `TreeParser` ahead of the one being assembled: enough to keep it busy. More would keep
 * more trees alive here, for every young-generation collection to copy (8 made the longest stretch at 5 MB
 * 50-100 ms, 2 makes it 30-35 ms).
 */
const AHEAD = 2;

/** Characters compared at a time when looking for the common start and end of two texts. */
const CHUNK = 4096;

/** How many characters `a` and `b` share at the start. */
export function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n) {
    const e = Math.min(n, i + CHUNK);
    if (a.slice(i, e) !== b.slice(i, e)) {
      while (a.charCodeAt(i) === b.charCodeAt(i)) {
        i++;
      }
      return i;
    }
    i = e;
  }
  return n;
}

/** How many characters `a` and `b` share at the end, at most `limit`. */
export function commonSuffix(a: string, b: string, limit: number): number {
  // One edit in one place (typing): everything after it matches, which one comparison confirms.
  if (limit > CHUNK && a.slice(a.length - limit) === b.slice(b.length - limit)) {
    return limit;
  }
  let k = 0;
  while (k < limit) {
    const step = Math.min(CHUNK, limit - k);
    if (a.slice(a.length - k - step, a.length - k) !== b.slice(b.length - k - step, b.length - k)) {
      while (k < limit && a.charCodeAt(a.length - 1 - k) === b.charCodeAt(b.length - 1 - k)) {
        k++;
      }
      return k;
    }
    k += step;
  }
  return limit;
}

/** The last block that starts at or before `offset` (block starts from the anchors, in block order). */
function blockAt(table: AnchorTable, ids: Int32Array, offset: number): number {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((table.offsets[ids[mid] ?? 0] ?? 0) <= offset) {
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return lo;
}

/**
 * A copy of a string that shares no memory with the string it was sliced from. V8 keeps a slice as a view
 * of its parent; joining it to a character and slicing that off again makes a new flat string of the
 * slice's own length.
 */
export function ownCopy(s: string): string {
  return s.length < 16 ? s : ` ${s}`.slice(1);
}

/**
 * Where each block's items start in a list (one more entry than blocks), after an edit replaced blocks
 * `[head, tail)` with blocks holding `counts` items each: the head is kept, the tail moves.
 */
function splicePrefix(old: Int32Array, head: number, tail: number, counts: ArrayLike<number>): Int32Array {
  const rest = old.length - 1 - tail;
  const out = new Int32Array(head + counts.length + rest + 1);
  out.set(old.subarray(0, head + 1));
  let n = old[head] ?? 0;
  for (let i = 0; i < counts.length; i++) {
    n += counts[i] ?? 0;
    out[head + i + 1] = n;
  }
  const from = old[tail] ?? 0;
  for (let i = 1; i <= rest; i++) {
    out[head + counts.length + i] = (old[tail + i] ?? 0) - from + n;
  }
  return out;
}

/** Where the line that starts at `at` ends (its line break, or the end of the text). */
function lineEnd(text: string, at: number): number {
  const n = text.indexOf('\n', at);
  const r = text.indexOf('\r', at);
  return n < 0 ? (r < 0 ? text.length : r) : r < 0 ? n : Math.min(n, r);
}

function sameStack(a: readonly Section[], b: readonly Section[]): boolean {
  return a.length === b.length && a.every((s, i) => s.kind === b[i]?.kind && s.depth === b[i]?.depth && s.title === b[i]?.title);
}

function plainPoint(p: Point, offset = 0, line = 0): Point {
  return { line: p.line + line, column: p.column, offset: p.offset + offset };
}

/** A copy of a finding with its positions made by `point` (anchored, or plain and moved). */
function remake(f: Finding, point: (p: Point) => Point): Finding {
  const out: Mutable<Finding> = { ...f, range: { start: point(f.range.start), end: point(f.range.end) } };
  if (f.fix) {
    out.fix = { title: f.fix.title, edits: f.fix.edits.map((e): TextEdit => ({ range: { start: point(e.range.start), end: point(e.range.end) }, text: e.text })), raisesDose: f.fix.raisesDose };
  }
  return out;
}

/** Every range of a finding in the log (its own and its fix's). */
function rangesOf(f: Finding): Range[] {
  return [f.range, ...(f.fix?.edits.map((e) => e.range) ?? [])];
}

const libraryIds = new WeakMap<GuidelineLibrary, number>();
let nextLibraryId = 0;

function libraryId(library: GuidelineLibrary): number {
  let id = libraryIds.get(library);
  if (id === undefined) {
    id = nextLibraryId++;
    libraryIds.set(library, id);
  }
  return id;
}

/** Everything besides a block's own items that `block` rules read: their findings hold while it does. */
function blockKey(log: AthleteLog, library: GuidelineLibrary, options: ResolvedOptions, rules: readonly Rule[]): string {
  const program = log.phases.map((p) => [p.name, p.weeks?.min, p.weeks?.max, p.prescriptions.map((x) => [x.name, x.dosage.text, x.range.start.line])]);
  return JSON.stringify([libraryId(library), options, log.started, program, rules.map((r) => r.id)]);
}

/** Dosage fields that say where text stands, not what it says. */
const DOSAGE_POSITIONS = new Set(['text', 'components', 'problems', 'start', 'end', 'unitEnd']);

function dosageSignature(d: Dosage): string {
  return JSON.stringify(d, (k: string, v: unknown) => (DOSAGE_POSITIONS.has(k) ? undefined : v));
}

/** Line of a point relative to its block (what stays when the block moves). */
function relLine(p: Point): number {
  return p instanceof AnchoredPoint ? p.dLine : p.line;
}

function lineSignature(x: ExerciseLine): unknown[] {
  return [x.kind, x.name, x.checked, relLine(x.range.start), dosageSignature(x.dosage)];
}

const ASPECTS: Readonly<Record<LogAspect, (f: Fragment) => unknown>> = {
  dates: (f) => f.sessions.map((s) => s.date ?? null),
  labels: (f) => f.sessions.map((s) => [s.label.toLowerCase(), s.label, relLine(s.headingRange.start)]),
  entries: (f) => f.sessions.map((s) => s.entries.map(lineSignature)),
  notes: (f) => f.sessions.map((s) => [s.notes, s.noteRanges.map((r) => relLine(r.start))]),
  program: (f) => [f.sections.map((s) => [s.kind, s.title, s.depth]), f.phases.map((p) => [p.name, p.weeks, relLine(p.headingRange?.start ?? { line: 0, column: 0, offset: 0 }), p.prescriptions.map(lineSignature)])],
  assessment: (f) => [f.sections.map((s) => [s.kind, s.title, s.depth, relLine(s.headingRange.start)]), f.assessment.map((a) => [a.text, a.checked, relLine(a.range.start)])],
  front: (f) => (f.frontMatter ? [f.fields.athlete, f.fields.started, f.fields.side, f.fields.condition, f.guidelineFiles.map((g) => g.path), f.frontMatter.problems.map((p) => [p.message, relLine(p.range.start)])] : null),
};
const ALL_ASPECTS = Object.keys(ASPECTS) as LogAspect[];

/** What `log` rules reading `aspect` see of a block: everything but positions other than lines within it. */
function aspectSignature(b: BlockState, aspect: LogAspect): string {
  const memo = (b.signatures ??= {});
  return (memo[aspect] ??= JSON.stringify([b.kind, ASPECTS[aspect](b.fragment)]));
}

interface Plan {
  readonly text: string;
  readonly index: LineIndex;
  readonly head: number;
  readonly middle: readonly BlockState[];
  /** The middle blocks' anchors, their items in the model's lists, and how many each has. */
  readonly ids: Int32Array;
  readonly lists: Readonly<Record<ListKind, unknown[]>>;
  readonly counts: Readonly<Record<ListKind, Int32Array>>;
  /** Middle blocks kept from the old state (their sections changed, their fragment did not): they move. */
  readonly restacked: readonly BlockState[];
  readonly tail: number;
  readonly offset: number;
  readonly line: number;
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly cr: boolean;
}

/** Findings kept between checks. */
interface Kept {
  readonly generation: number;
  readonly key: string;
  /** `block` rule findings in document order, and where each block's start in that list. */
  readonly blockFindings: readonly Finding[];
  readonly prefix: Int32Array;
  /** `log` rule findings by rule (plain positions), under `logKey`. */
  readonly logKey: string;
  readonly logFindings: ReadonlyMap<Rule, readonly Finding[]>;
  /** The timeline, and where each block's sessions and entries start in it. */
  readonly timeline: Timeline;
  readonly sessionPrefix: Int32Array;
  readonly entryPrefix: Int32Array;
}

const EMPTY_PART: BlockPart = { sessions: 0, entries: 0, data: [] };

/** `block` rules read no LogView. */
function noView(): LogView {
  throw new Error('a block rule read the whole log');
}

/** The accelerator: one log kept between checks, keeping the plain engine's contract (../check.ts). */
export class LogDocument implements CheckEngine {
  #snapshot: Snapshot | undefined;
  #generation = 0;
  readonly #anchors = new AnchorTable();
  /** The last update's change, from the state before it. */
  #change: Change | undefined;
  /** Blocks added since their `block` rules last ran. */
  #unchecked = new Set<BlockState>();
  /** Whether every block may lack findings for the current key (after a cold update or a new key). */
  #uncheckedAll = false;
  #kept: Kept | undefined;
  #key = '';
  #ids = new ExerciseIds(undefined);

  /**
   * Brings the document to `text`, as steps (it yields between blocks), and returns its new state. With
   * a `parser`, a cold update of a long text has its blocks parsed there, a few runs ahead of assembling
   * them here (the steps then wait on it: run them with `runStepsSliced`).
   */
  *update(text: string, parser?: TreeParser): Steps<Snapshot> {
    for (;;) {
      const base = this.#snapshot;
      if (base?.text === text) {
        return base;
      }
      const generation = this.#generation;
      const plan = yield* this.#plan(base, text, parser);
      // Another update finished while this one paused: start again from its state.
      if (generation === this.#generation) {
        return this.#commit(base, plan);
      }
    }
  }

  *#plan(base: Snapshot | undefined, text: string, parser: TreeParser | undefined): Steps<Plan> {
    const old = base?.blocks ?? [];
    const ids = base?.layout.ids ?? new Int32Array(0);
    const anchors = this.#anchors;
    const startOf = (k: number): number => anchors.offsets[ids[k] ?? 0] ?? 0;
    let head = 0;
    let offset = 0;
    let line = 0;
    let p = 0;
    let oldEnd = 0;
    let newEnd = text.length;
    let index: LineIndex;
    if (base && old.length > 0) {
      p = commonPrefix(base.text, text);
      const s = commonSuffix(base.text, text, Math.min(base.text.length, text.length) - p);
      oldEnd = base.text.length - s;
      newEnd = text.length - s;
      offset = newEnd - oldEnd;
      index = base.index.withEdit(text, p, oldEnd, newEnd);
      line = index.lineCount - base.index.lineCount;
      head = blockAt(anchors, ids, p);
      // An edit to a block's heading line can join the block to the one before, unless that line still
      // starts a heading (the block before, untouched, then ends where it did).
      if (head > 0 && p <= lineEnd(base.text, startOf(head)) && !isHeadingLine(text.slice(startOf(head), lineEnd(text, startOf(head))))) {
        head--;
      }
      // A `---` first line without front matter may become front matter by an edit anywhere below.
      if (old[0]?.kind !== 'front-matter' && /^\uFEFF?---[ \t]*(?:\r|\n|$)/.test(text)) {
        head = 0;
      }
    } else {
      index = new LineIndex(text);
      yield;
    }
    // Scan from the block before the edit until a boundary the old text had after it.
    let tail = old.length;
    const stop = (at: number): boolean => {
      if (at < newEnd) {
        return false;
      }
      const k = blockAt(anchors, ids, at - offset);
      if (k > head && startOf(k) === at - offset) {
        tail = k;
        return true;
      }
      return false;
    };
    const first = old[head];
    const scanned = first ? yield* scanBlocks(text, startOf(head), anchors.lines[ids[head] ?? 0] ?? 1, stop) : yield* scanBlocks(text);
    const middle: BlockState[] = [];
    const restacked: BlockState[] = [];
    let stack: readonly Section[] = old[head - 1]?.stackOut ?? [];
    // `tree` and `within` (the text its offsets refer to) default to the block's own parse.
    const assemble = (b: Block, tree = parseMarkdown(b.text, b.kind === 'front-matter'), within: Block = b): BlockState => {
      const fragment = assembleBlock(index, within, tree, stack, anchors.add(b.start, b.line));
      const state: BlockState = { text: b.text, kind: b.kind, stackIn: stack, stackOut: sectionsAfter(stack, fragment), fragment };
      stack = state.stackOut;
      return state;
    };
    if (base) {
      for (const b of scanned.blocks) {
        // After an edit, a new block gets a text of its own: a slice would keep this whole version of the
        // document alive for as long as the block (and every name and note read from it) lives.
        middle.push(assemble({ ...b, text: ownCopy(b.text) }));
        yield;
      }
    } else {
      // A cold check parses runs of plain blocks with one parser call each (the call's own setup costs as
      // much as a short block), then gives each block its share of the tree.
      const blocks = scanned.blocks;
      // The run of blocks from `i`: plain blocks up to `limit` characters (one block at least).
      const runFrom = (i: number, limit: number): Run => {
        let j = i;
        let size = 0;
        for (; j < blocks.length && j - i < CHUNK_BLOCKS && size < limit && chunkable(blocks[j]); j++) {
          size += blocks[j]?.text.length ?? 0;
        }
        j = Math.max(j, i + 1);
        const first = blocks[i] as Block;
        const last = blocks[j - 1] as Block;
        return { from: i, to: j, within: j - i < 2 ? first : { start: first.start, line: first.line, text: text.slice(first.start, last.start + last.text.length), kind: 'body' } };
      };
      // Gives each block of a parsed run its share of the tree.
      const place = ({ from, to, within }: Run, tree: Root): void => {
        if (to - from < 2) {
          middle.push(assemble(within, tree));
          return;
        }
        let n = 0;
        for (let k = from; k < to; k++) {
          const b = blocks[k] as Block;
          const end = b.start + b.text.length - within.start;
          const children: Root['children'] = [];
          while (n < tree.children.length && (tree.children[n]?.position?.start.offset ?? 0) < end) {
            children.push(tree.children[n] as Root['children'][number]);
            n++;
          }
          middle.push(assemble(b, { type: 'root', children }, within));
        }
      };
      const parseHere = (run: Run): Root => parseMarkdown(run.within.text, run.within.kind === 'front-matter');
      const remote = parser && text.length >= REMOTE_MIN_CHARS ? parser : undefined;
      if (remote) {
        // A long text is parsed by the parser the host gave, a few runs ahead; here each tree is only
        // assembled. Should that parser fail, this thread parses.
        const runs: Run[] = [];
        for (let i = 0; i < blocks.length;) {
          const run = runFrom(i, CHUNK_CHARS);
          runs.push(run);
          i = run.to;
          if (runs.length % 64 === 0) {
            yield;
          }
        }
        const ahead: (Promise<Root | undefined> | undefined)[] = [];
        for (let r = 0; r < runs.length; r++) {
          for (let k = r; k < Math.min(runs.length, r + AHEAD); k++) {
            const run = runs[k] as Run;
            // A failed parse is `undefined` (this thread parses then); a check a newer edit stopped never
            // waits for the runs it asked ahead, so none may reject unhandled.
            ahead[k] ??= remote.parse(run.within.text, run.within.kind === 'front-matter').catch(() => undefined);
          }
          const run = runs[r] as Run;
          const asked = ahead[r] as Promise<Root | undefined>;
          ahead[r] = undefined;
          let tree = yield* settled(asked);
          if (!tree) {
            tree = parseHere(run);
            yield;
          }
          place(run, tree);
          yield;
        }
      } else {
        // Runs grow or shrink so that parsing one takes about RUN_MS: the parser's code runs slowly until
        // the engine has compiled it (the first 2 KB in a fresh host took 40 ms), fast after.
        let limit = FIRST_RUN_CHARS;
        for (let i = 0; i < blocks.length;) {
          const run = runFrom(i, limit);
          const t0 = performance.now();
          const tree = parseHere(run);
          const took = performance.now() - t0;
          limit = Math.max(FIRST_RUN_CHARS, Math.min(CHUNK_CHARS, Math.round((limit * RUN_MS) / Math.max(took, 0.5))));
          yield; // parsing and assembling are steps of their own
          place(run, tree);
          yield;
          i = run.to;
        }
      }
    }
    // Blocks after the edit whose open sections changed: a fragment that did not read them only needs
    // its sections worked out again; one that did is parsed and assembled again where it now stands.
    for (; tail < old.length; tail++) {
      const b = old[tail];
      if (!b || sameStack(b.stackIn, stack)) {
        break;
      }
      if (b.fragment.usesStack) {
        const at = startOf(tail);
        middle.push(assemble({ start: at + offset, line: (anchors.lines[ids[tail] ?? 0] ?? 0) + line, text: b.text, kind: b.kind }));
        yield;
      } else {
        const again: BlockState = { ...b, stackIn: stack, stackOut: sectionsAfter(stack, b.fragment) };
        stack = again.stackOut;
        middle.push(again);
        restacked.push(again);
      }
    }
    // A carriage return in or just before the edit can make or break a CRLF pair.
    const cr = base !== undefined && (base.text.slice(p, oldEnd).includes('\r') || text.slice(p, newEnd).includes('\r') || base.text.charCodeAt(p - 1) === 13);
    // What the middle blocks add to the model's lists, and their anchors, worked out here in steps so
    // that the commit only joins arrays.
    const ids2 = new Int32Array(middle.length);
    const lists = {} as Record<ListKind, unknown[]>;
    const counts = {} as Record<ListKind, Int32Array>;
    for (const kind of LIST_KINDS) {
      lists[kind] = [];
      counts[kind] = new Int32Array(middle.length);
    }
    for (let i = 0; i < middle.length; i++) {
      const f = middle[i]?.fragment;
      if (!f) {
        continue;
      }
      ids2[i] = f.anchor.id;
      for (const kind of LIST_KINDS) {
        const own: readonly unknown[] = f[kind];
        for (const x of own) {
          lists[kind].push(x);
        }
        counts[kind][i] = own.length;
      }
      if (i % 256 === 255) {
        yield;
      }
    }
    return { text, index, head, middle, ids: ids2, lists, counts, restacked, tail, offset, line, oldStart: first ? startOf(head) : 0, oldEnd: base ? (tail < old.length ? startOf(tail) : base.text.length) : 0, cr };
  }

  #commit(base: Snapshot | undefined, plan: Plan): Snapshot {
    const old = base?.blocks ?? [];
    const oldIds = base?.layout.ids ?? new Int32Array(0);
    const { head, middle, tail } = plan;
    const rest = old.length - tail;
    const count = head + middle.length + rest;
    // Anchors: the blocks after the edit (and restacked ones) move.
    const ids = new Int32Array(count);
    ids.set(oldIds.subarray(0, head));
    ids.set(plan.ids, head);
    ids.set(oldIds.subarray(tail), head + middle.length);
    if (plan.offset !== 0 || plan.line !== 0) {
      this.#anchors.shift(oldIds.subarray(tail), plan.offset, plan.line);
      this.#anchors.shift(Int32Array.from(plan.restacked, (b) => b.fragment.anchor.id), plan.offset, plan.line);
    }
    // The model's lists: kept head, the middle blocks' items, kept tail.
    const prefix = {} as Record<ListKind, Int32Array>;
    const lists = {} as Record<ListKind, unknown[]>;
    for (const kind of LIST_KINDS) {
      const before = base?.layout.prefix[kind] ?? new Int32Array(1);
      const oldList = (base?.log[kind] ?? []) as unknown[];
      const items = (before[head] ?? 0) > 0 ? oldList.slice(0, before[head] ?? 0).concat(plan.lists[kind]) : plan.lists[kind];
      const from = before[tail] ?? 0;
      prefix[kind] = splicePrefix(before, head, tail, plan.counts[kind]);
      lists[kind] = from < oldList.length ? items.concat(oldList.slice(from)) : items;
    }
    const blocks = old.slice(0, head).concat(middle, old.slice(tail));
    if (!base) {
      this.#uncheckedAll = true; // every block is new: the check walks them all, in steps
    } else {
      for (let k = head; k < tail; k++) {
        const b = old[k];
        if (b) {
          this.#unchecked.delete(b);
        }
      }
      for (const b of middle) {
        this.#unchecked.add(b);
      }
    }
    const log = makeLog(blocks[0]?.fragment, lists as unknown as ModelLists, plan.index.point(plan.text.length));
    rememberIndex(log, plan.index);
    this.#change = base ? {
      from: base.generation, to: this.#generation + 1, head, added: middle.length, tail, replaced: old.slice(head, tail),
      oldStart: plan.oldStart, oldEnd: plan.oldEnd, offset: plan.offset, line: plan.line, cr: plan.cr,
    } : undefined;
    this.#generation++;
    this.#snapshot = { text: plan.text, index: plan.index, log, generation: this.#generation, blocks, layout: { ids, prefix } };
    return this.#snapshot;
  }

  /** `CheckEngine.read`: `update`, for the model only. */
  *read(text: string, parser?: TreeParser): Steps<AthleteLog> {
    return (yield* this.update(text, parser)).log;
  }

  /** `CheckEngine.check`: `checkSnapshot` of the state whose model `read` returned last. */
  check(log: AthleteLog, ctx: CheckContext): Generator<undefined, Finding[]> {
    const snap = this.#snapshot;
    if (snap?.log !== log) {
      throw new Error('check the model that read returned last');
    }
    return this.checkSnapshot(snap, ctx);
  }

  /**
   * Runs the rules on a state from `update`, as steps. `block` rules run on blocks whose findings are
   * missing or were found under another key; `log` rules run when what they read changed.
   */
  *checkSnapshot(snap: Snapshot, ctx: CheckContext): Generator<undefined, Finding[]> {
    const options = resolveOptions(ctx.options);
    const { rules: active, severity } = activeRules(ctx, options);
    const blockRules = active.filter((r) => r.scope === 'block');
    const logRules = active.filter((r) => r.scope !== 'block');
    const base: RuleInputs = {
      text: snap.text, index: snap.index, log: snap.log, library: ctx.library, options,
      logByPath: ctx.logByPath ?? false, guidelineFiles: ctx.guidelineFiles ?? [],
    };
    let key = blockKey(snap.log, ctx.library, options, blockRules);
    // The same key as last time, as the same string: comparing it per block is then instant.
    if (key === this.#key) {
      key = this.#key;
    }
    if (this.#ids.library !== ctx.library) {
      this.#ids = new ExerciseIds(ctx.library);
    }
    const ids = this.#ids;
    const rekeyed = key !== this.#key;
    this.#key = key;
    const all = rekeyed || this.#uncheckedAll;
    this.#uncheckedAll = all;
    let nothing: BlockState['found'];
    for (const b of all ? snap.blocks : [...this.#unchecked]) {
      this.#unchecked.delete(b);
      if (b.found?.key === key) {
        continue;
      }
      const found: Finding[] = [];
      runSteps(runRules(blockRules, base, b.fragment, noView, severity, found));
      b.part = b.fragment.sessions.length === 0 ? EMPTY_PART : blockPart(b.fragment.sessions, ids);
      const maker = new PointMaker(snap.index, b.fragment.anchor);
      // Most blocks have no findings: they share one record.
      if (found.length === 0) {
        if (nothing?.key !== key) {
          nothing = { key, findings: [] };
        }
        b.found = nothing;
      } else {
        b.found = { key, findings: found.sort(byPosition).map((f) => remake(f, (p) => maker.from(p))) };
      }
      yield;
    }
    this.#uncheckedAll = false;
    if (all) {
      this.#unchecked.clear();
    }
    const kept = this.#kept;
    const change = this.#change;
    const follows = kept !== undefined && change !== undefined && kept.generation === change.from && snap.generation === change.to;
    // `block` findings: spliced from the last check's when this state follows it, else gathered.
    let blockFindings: Finding[];
    let prefix: Int32Array;
    if (kept && kept.generation === snap.generation && kept.key === key) {
      blockFindings = kept.blockFindings as Finding[];
      prefix = kept.prefix;
    } else if (follows && kept.key === key && !rekeyed) {
      const { head, added, tail } = change;
      const found = snap.blocks.slice(head, head + added).map((b) => b.found?.findings ?? []);
      prefix = splicePrefix(kept.prefix, head, tail, found.map((f) => f.length));
      blockFindings = kept.blockFindings.slice(0, kept.prefix[head] ?? 0).concat(found.flat(), kept.blockFindings.slice(kept.prefix[tail] ?? 0));
    } else {
      blockFindings = [];
      prefix = new Int32Array(snap.blocks.length + 1);
      for (let i = 0; i < snap.blocks.length; i++) {
        for (const f of snap.blocks[i]?.found?.findings ?? []) {
          blockFindings.push(f);
        }
        prefix[i + 1] = blockFindings.length;
        if (i % 256 === 255) {
          yield;
        }
      }
    }
    // The timeline `log` rules read: spliced like the findings, else joined from every block's part.
    let timeline: Timeline;
    let entryPrefix: Int32Array;
    const sessionPrefix = snap.layout.prefix.sessions;
    const middle = change ? snap.blocks.slice(change.head, change.head + change.added).map((b) => b.part ?? EMPTY_PART) : [];
    if (kept && kept.generation === snap.generation && kept.key === key) {
      timeline = kept.timeline;
      entryPrefix = kept.entryPrefix;
    } else if (follows && kept.key === key && !rekeyed && sameNumbers(middle, kept.timeline.part,
      kept.sessionPrefix[change.head] ?? 0, kept.sessionPrefix[change.tail] ?? 0, kept.entryPrefix[change.head] ?? 0, kept.entryPrefix[change.tail] ?? 0)) {
      // The edit changed nothing the timeline holds: the same numbers serve the new model.
      timeline = new Timeline(snap.log.sessions, kept.timeline.part, ids, kept.timeline);
      entryPrefix = splicePrefix(kept.entryPrefix, change.head, change.tail, middle.map((p) => p.entries));
    } else {
      const parts: (TimelinePart | BlockPart)[] = [];
      if (follows && kept.key === key && !rekeyed) {
        const { head, tail } = change;
        const sp = kept.sessionPrefix;
        const ep = kept.entryPrefix;
        const last = sp.length - 1;
        const old = kept.timeline.part;
        parts.push(slicePart(old, 0, sp[head] ?? 0, 0, ep[head] ?? 0), ...middle, slicePart(old, sp[tail] ?? 0, sp[last] ?? 0, ep[tail] ?? 0, ep[last] ?? 0));
        entryPrefix = splicePrefix(ep, head, tail, middle.map((p) => p.entries));
      } else {
        entryPrefix = new Int32Array(snap.blocks.length + 1);
        for (let i = 0; i < snap.blocks.length; i++) {
          const part = snap.blocks[i]?.part ?? EMPTY_PART;
          parts.push(part);
          entryPrefix[i + 1] = (entryPrefix[i] ?? 0) + part.entries;
          if (i % 256 === 255) {
            yield;
          }
        }
      }
      const joined = yield* joinPartsSteps(parts);
      timeline = new Timeline(snap.log.sessions, joined, ids);
      yield;
    }
    // `log` findings, rule by rule: kept when the edit left what the rule reads alone, else found again.
    const logKey = `${key}\u0000${JSON.stringify([base.logByPath, base.guidelineFiles.map((g) => [g.path, 'error' in g ? g.error : ''])])}`;
    const logFindings = new Map<Rule, readonly Finding[]>();
    const again: Rule[] = [];
    for (const rule of logRules) {
      const before = kept?.logKey === logKey ? kept.logFindings.get(rule) : undefined;
      const moved = before && (kept?.generation === snap.generation ? before : follows ? moveLogFindings(before, rule.reads ?? ALL_ASPECTS, change, snap) : undefined);
      if (moved) {
        logFindings.set(rule, moved);
      } else {
        again.push(rule);
      }
    }
    if (again.length > 0) {
      const view = new TimelineView(timeline);
      if (again.some((r) => (r.reads ?? ALL_ASPECTS).includes('entries'))) {
        yield* view.prepareSteps(); // exercises' histories, read by several rules: worked out in steps of their own
      }
      for (const rule of again) {
        const found: Finding[] = [];
        yield* runRules([rule], base, snap.log, () => view, severity, found);
        logFindings.set(rule, found.map((f) => remake(f, (p) => plainPoint(p))));
      }
    }
    this.#kept = { generation: snap.generation, key, blockFindings, prefix, logKey, logFindings, timeline, sessionPrefix, entryPrefix };
    return finish(blockFindings, [...logFindings.values()].flat().sort(byPosition), snap.log);
  }
}

/**
 * A rule's `log` findings from the last check, moved to the new state, or undefined when the rule must
 * run again: the edited blocks must read the same in the aspects it reads, no line may have moved, and
 * none of its findings may lie in the edited blocks.
 */
function moveLogFindings(findings: readonly Finding[], aspects: readonly LogAspect[], change: Change, snap: Snapshot): Finding[] | undefined {
  if (change.line !== 0 || change.cr) {
    return undefined;
  }
  const added = snap.blocks.slice(change.head, change.head + change.added);
  for (const aspect of aspects) {
    if (added.map((b) => aspectSignature(b, aspect)).join('\u0000') !== change.replaced.map((b) => aspectSignature(b, aspect)).join('\u0000')) {
      return undefined;
    }
  }
  const out: Finding[] = [];
  for (const f of findings) {
    const ranges = rangesOf(f);
    if (ranges.some((r) => r.end.offset >= change.oldStart && r.start.offset <= change.oldEnd)) {
      return undefined;
    }
    out.push(ranges.every((r) => r.start.offset < change.oldStart) ? f : remake(f, (p) => plainPoint(p, p.offset > change.oldEnd ? change.offset : 0)));
  }
  return out;
}

/** Both kinds of findings in position order, without suppressed ones. */
function finish(blockFindings: readonly Finding[], logFindings: readonly Finding[], log: AthleteLog): Finding[] {
  const all: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < blockFindings.length || j < logFindings.length) {
    const a = blockFindings[i];
    const b = logFindings[j];
    if (a && (!b || byPosition(a, b) <= 0)) {
      // Kept findings are anchored to their block; what a check returns must not move with later edits.
      all.push(remake(a, (p) => plainPoint(p)));
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

/** Reads an athlete log (block by block, nothing kept). Never throws on any input. */
export function parseLog(text: string): AthleteLog {
  return runSteps(new LogDocument().update(text)).log;
}

/** Parses and checks a log in one go. Pure: everything it needs is passed in. */
export function checkText(text: string, ctx: CheckContext, document = new LogDocument()): { log: AthleteLog; findings: Finding[] } {
  const snap = runSteps(document.update(text));
  return { log: snap.log, findings: runSteps(document.checkSnapshot(snap, ctx)) };
}

