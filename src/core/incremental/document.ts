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
 *   to it. `log` rules read across the log, through the LogView over a typed-array timeline (timeline.ts). Each says which
 *   aspects of the log it reads; after an edit that leaves those alone in the edited blocks (and moves no
 *   line) its findings are kept, else it runs again on the whole timeline, as steps.
 *
 * Beside this file: the edit diff (diff.ts), the parsing pipeline that hands a cold check's parsing to the
 * host's parser (pipeline.ts), the kept state's types (state.ts), findings kept between checks
 * (findings.ts), the typed-array timeline and its LogView (timeline.ts) and its splicing after an edit
 * (splice.ts), the step scheduler
 * (../scheduler/: steps.ts, slicer.ts), which the plain engine runs on too.
 *
 * The result is the same as the plain engine's (../check.ts), byte for byte (test/unit/incremental.test.ts
 * checks that with random edits). Findings are returned with plain positions; a model returned by
 * `update` stays valid until the next update of the same document, which moves its positions. Callers
 * must not run two updates of one document at once (the service queues them); an update that finds
 * another one finished meanwhile starts again.
 */
import { scanBlocks, type Block } from '../markdown/blocks.js';
import { activeRules, byPosition, oneBlock, runRules, type CheckContext, type CheckEngine, type PerBlock, type RuleInputs } from '../check.js';
import type { LogView } from '../logView.js';
import type { AthleteLog, Finding } from '../model.js';
import type { DateOrder } from '../read/dates.js';
import { resolveOptions } from '../options.js';
import { assembleBlock, blockAssembler, LIST_KINDS, makeLog, rememberIndex, sameState, startState, stateAfter, type ModelLists, type ReadState } from '../read/assemble.js';
import type { TreeParser } from '../markdown/parse.js';
import { runSteps, type Steps } from '../scheduler/steps.js';
import type { BlockSummary, Rule } from '../rules/rule.js';
import { AnchorTable, LineIndex, PointMaker } from '../text.js';
import { blockAt, commonPrefix, commonSuffix, lineEnd, ownCopy, splicePrefix } from './diff.js';
import { ALL_ASPECTS, blockKey, finish, moveLogFindings, plainPoint, remake } from './findings.js';
import { parseBlock, parseCold, parsePieces, piecewise, type Assembly } from './pipeline.js';
import type { BlockState, Change, ListKind, Snapshot } from './state.js';
export type { Snapshot } from './state.js';
import { timelineSteps, type KeptTimeline } from './splice.js';
import { blockPart, EMPTY_PART, ExerciseIds, TimelineView } from './timeline.js';

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
  readonly edit: Change['edit'];
}

/** Findings kept between checks, and the timeline (with where each block's sessions and entries start in it). */
interface Kept extends KeptTimeline {
  readonly generation: number;
  readonly key: string;
  /** `block` rule findings in document order, and where each block's start in that list. */
  readonly blockFindings: readonly Finding[];
  readonly prefix: Int32Array;
  /** `blockFindings` with plain positions (what a check returns), index for index. */
  readonly plainBlock: readonly Finding[];
  /** `log` rule findings by rule (plain positions), under `logKey`. */
  readonly logKey: string;
  readonly logFindings: ReadonlyMap<Rule, readonly Finding[]>;
}

/** Summaries' numbers: each block keeps its summaries in a list, by number. */
const summaryIds = new WeakMap<BlockSummary<unknown>, number>();
let nextSummaryId = 0;

/** `summary` of a block, worked out once while the block stands (rules/rule.ts, `perBlock`). */
function summaryOf<T>(b: BlockState, summary: BlockSummary<T>): T {
  let id = summaryIds.get(summary);
  if (id === undefined) {
    id = nextSummaryId++;
    summaryIds.set(summary, id);
  }
  const kept = (b.summaries ??= []);
  if (!(id in kept)) {
    kept[id] = summary(b.fragment);
  }
  return kept[id] as T;
}

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
  /** What reading starts from: the `athleteLog.dateOrder` setting (a log's front matter can override it). */
  readonly #start: ReadState;

  constructor(options: { readonly dateOrder?: DateOrder } = {}) {
    this.#start = startState(options.dateOrder);
  }

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
      // An edit to a block's heading line can join the block to the one before: the line may no longer be a
      // heading, or be a heading now deeper than the date heading of the session before (a sub-heading).
      if (head > 0 && p <= lineEnd(base.text, startOf(head))) {
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
    let stack: ReadState = old[head - 1]?.stackOut ?? this.#start;
    // A block's state from its fragment; the sections it leaves open are where the next block starts.
    const stateOf = (b: Block, fragment: BlockState['fragment']): BlockState => {
      const state: BlockState = { text: b.text, kind: b.kind, stackIn: stack, stackOut: stateAfter(stack, fragment), fragment };
      stack = state.stackOut;
      return state;
    };
    // `tree` and `within` (the text its offsets refer to) default to the block's own parse.
    const assemble = (b: Block, tree = parseBlock(b), within: Block = b): BlockState =>
      stateOf(b, assembleBlock(index, within, tree, stack, anchors.add(b.start, b.line)));
    // What the pipeline (pipeline.ts) parses is assembled here, block after block.
    const into: Assembly = {
      block: (b, tree, within) => {
        middle.push(assemble(b, tree, within));
      },
      pieces: (b) => {
        const assembler = blockAssembler(index, b, stack, anchors.add(b.start, b.line));
        return {
          add: (tree) => assembler.add(tree),
          finish: () => {
            middle.push(stateOf(b, assembler.finish()));
          },
        };
      },
    };
    if (base) {
      for (const b of scanned.blocks) {
        // After an edit, a new block gets a text of its own: a slice would keep this whole version of the
        // document alive for as long as the block (and every name and note read from it) lives.
        const own = { ...b, text: ownCopy(b.text) };
        if (piecewise(own)) {
          yield* parsePieces(own, into);
        } else {
          middle.push(assemble(own));
        }
        yield;
      }
    } else {
      // A cold check: parsed in runs, here or by the host's parser (pipeline.ts).
      yield* parseCold(text, scanned.blocks, into, parser);
    }
    // Blocks after the edit whose open sections changed: a fragment that did not read them only needs
    // its sections worked out again; one that did is parsed and assembled again where it now stands.
    for (; tail < old.length; tail++) {
      const b = old[tail];
      if (!b || sameState(b.stackIn, stack)) {
        break;
      }
      if (b.fragment.usesStack) {
        const at = startOf(tail);
        middle.push(assemble({ start: at + offset, line: (anchors.lines[ids[tail] ?? 0] ?? 0) + line, text: b.text, kind: b.kind }));
        yield;
      } else {
        const again: BlockState = { ...b, stackIn: stack, stackOut: stateAfter(stack, b.fragment) };
        stack = again.stackOut;
        middle.push(again);
        restacked.push(again);
      }
    }
    // A carriage return in or just before the edit can make or break a CRLF pair.
    const cr = base !== undefined && (base.text.slice(p, oldEnd).includes('\r') || text.slice(p, newEnd).includes('\r') || base.text.charCodeAt(p - 1) === 13);
    const inLine = base !== undefined && !/[\r\n]/.test(base.text.slice(p, oldEnd)) && !/[\r\n]/.test(text.slice(p, newEnd));
    const edit = { from: p, to: oldEnd, line: inLine ? base.index.point(p).line : undefined };
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
    return { text, index, head, middle, ids: ids2, lists, counts, restacked, tail, offset, line, oldStart: first ? startOf(head) : 0, oldEnd: base ? (tail < old.length ? startOf(tail) : base.text.length) : 0, cr, edit };
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
      oldStart: plan.oldStart, oldEnd: plan.oldEnd, offset: plan.offset, line: plan.line, cr: plan.cr, edit: plan.edit,
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
      runSteps(runRules(blockRules, base, b.fragment, noView, oneBlock(b.fragment), severity, found));
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
    // Their plain copies: those of the blocks before the edit did not move and are kept; the others are
    // made again from the anchored findings (a long log has thousands of findings, an edit moves few).
    let blockFindings: Finding[];
    let prefix: Int32Array;
    let plainBlock: Finding[];
    const plain = (f: Finding): Finding => remake(f, (p) => plainPoint(p));
    if (kept && kept.generation === snap.generation && kept.key === key) {
      blockFindings = kept.blockFindings as Finding[];
      prefix = kept.prefix;
      plainBlock = kept.plainBlock as Finding[];
    } else if (follows && kept.key === key && !rekeyed) {
      const { head, added, tail } = change;
      const found = snap.blocks.slice(head, head + added).map((b) => b.found?.findings ?? []);
      prefix = splicePrefix(kept.prefix, head, tail, found.map((f) => f.length));
      const before = kept.prefix[head] ?? 0;
      blockFindings = kept.blockFindings.slice(0, before).concat(found.flat(), kept.blockFindings.slice(kept.prefix[tail] ?? 0));
      plainBlock = kept.plainBlock.slice(0, before);
      for (let i = before; i < blockFindings.length; i++) {
        plainBlock.push(plain(blockFindings[i] as Finding));
      }
    } else {
      blockFindings = [];
      plainBlock = [];
      prefix = new Int32Array(snap.blocks.length + 1);
      for (let i = 0; i < snap.blocks.length; i++) {
        for (const f of snap.blocks[i]?.found?.findings ?? []) {
          blockFindings.push(f);
          plainBlock.push(plain(f));
        }
        prefix[i + 1] = blockFindings.length;
        if (i % 256 === 255) {
          yield;
        }
      }
    }
    // The timeline `log` rules read (splice.ts): kept, spliced like the findings, or joined again.
    const { timeline, sessionPrefix, entryPrefix } = yield* timelineSteps(snap, ids, kept, kept?.generation === snap.generation && kept.key === key,
      follows && kept.key === key && !rekeyed ? change : undefined);
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
      // Summaries in steps: a cold check of a long log works out one per block (tens of thousands).
      const perBlock: PerBlock = function* <T>(summary: BlockSummary<T>): Generator<undefined, readonly T[]> {
        const out: T[] = [];
        for (let i = 0; i < snap.blocks.length; i++) {
          const b = snap.blocks[i];
          if (b) {
            out.push(summaryOf(b, summary));
          }
          if (i % 256 === 255) {
            yield;
          }
        }
        return out;
      };
      if (again.some((r) => (r.reads ?? ALL_ASPECTS).includes('entries'))) {
        yield* view.prepareSteps(); // exercises' histories, read by several rules: worked out in steps of their own
      }
      for (const rule of again) {
        const found: Finding[] = [];
        yield* runRules([rule], base, snap.log, () => view, perBlock, severity, found);
        logFindings.set(rule, found.map((f) => remake(f, (p) => plainPoint(p))));
      }
    }
    this.#kept = { generation: snap.generation, key, blockFindings, prefix, plainBlock, logKey, logFindings, timeline, sessionPrefix, entryPrefix };
    return finish(plainBlock, [...logFindings.values()].flat().sort(byPosition), snap.log);
  }
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

