/**
 * The parsing pipeline: how the blocks of a text are turned into Markdown trees, in steps, and handed to the
 * document (document.ts) to assemble, one block after the other in document order.
 *
 * - A cold check parses runs of plain blocks with one parser call each (the call's own setup costs as much
 *   as a short block), then gives each block of the run its share of the tree. Here, runs grow or shrink so
 *   that parsing one takes about `RUN_MS`.
 * - A cold check of a long text (`REMOTE_MIN_CHARS` or more) hands the parsing to the host's `TreeParser`
 *   (in Node, a worker thread: src/node/offThread.ts) and asks it a few runs ahead (`AHEAD`) of the one
 *   being assembled here; the steps then yield the promise they wait on. A run the parser fails on is
 *   parsed here.
 * - A very long body block (`piecewise`) is parsed piece by piece (markdown/guard.ts cuts it where every
 *   Markdown block is closed), remotely too when a parser is given: its whole tree never exists at once.
 *
 * What a tree means (the model) is none of this file's business: it only decides what is parsed where and
 * when, and gives the trees to an `Assembly`. test/unit/offthread.test.ts checks that parsing here and
 * through a parser give the same result, byte for byte.
 */
import type { Root } from 'mdast';
import type { Block } from '../markdown/blocks.js';
import { guardPlan, MAX_PIECE_CHARS, pieceTree, type Piece } from '../markdown/guard.js';
import { needsGuard, parseMarkdown, type TreeParser } from '../markdown/parse.js';
import { settled, type Steps } from '../scheduler/steps.js';

/** How many blocks, and characters, a cold check parses with one parser call at most. */
const CHUNK_BLOCKS = 16;
const CHUNK_CHARS = 2048;
/** The characters of the first run a cold check parses here, and how long parsing a run should take. */
const FIRST_RUN_CHARS = 256;
const RUN_MS = 10;

/**
 * A body block longer than this is parsed and assembled piece by piece (markdown/guard.ts cuts it where
 * every Markdown block is closed): its whole tree never exists at once (a 5 MB session of small tables
 * made a tree of over 500 MB, and as much again crossing from the worker).
 */
const PIECEWISE_CHARS = 4 * MAX_PIECE_CHARS;

/** A cold update gives its parsing to the host's `TreeParser` from this length on (a worker starts in tens of ms). */
const REMOTE_MIN_CHARS = 64 * 1024;
/**
 * Runs asked of the `TreeParser` ahead of the one being assembled: enough to keep it busy. More would keep
 * more trees alive here, for every young-generation collection to copy (8 made the longest stretch at 5 MB
 * 50-100 ms, 2 makes it 30-35 ms).
 */
const AHEAD = 2;
/**
 * Pieces of a long block asked ahead: pieces are short (about 2 KB when the block has no definitions,
 * guard.ts), so more of them keep the worker busy for as long as AHEAD runs do, with as little kept here.
 */
const PIECES_AHEAD = 8;

/** What the pipeline hands its trees to, block by block in document order (the document assembles them). */
export interface Assembly {
  /** Block `b` from its whole tree, whose offsets refer to `within` (`b` itself, or a run of blocks holding it). */
  block(b: Block, tree: Root, within: Block): void;
  /** Block `b`, piece by piece: each piece's tree is added in order, then the block is finished. */
  pieces(b: Block): { add(tree: Root): void; finish(): void };
}

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

/** Whether block `b` is parsed and assembled piece by piece. */
export function piecewise(b: Block): boolean {
  return b.kind === 'body' && b.text.length > PIECEWISE_CHARS;
}

/** Block `b`'s own tree, parsed here. */
export function parseBlock(b: Block): Root {
  return parseMarkdown(b.text, b.kind === 'front-matter');
}

/**
 * A long body block, piece by piece: each piece parsed (by `remote` when given, a few pieces ahead), added
 * to the block's assembly, and dropped. A step after each piece.
 */
export function* parsePieces(b: Block, into: Assembly, remote?: TreeParser): Steps<void> {
  const plan: readonly Piece[] = guardPlan(b.text) ?? [{ start: 0, end: b.text.length, line: 1, column: 1, mode: 'parse' }];
  const assembler = into.pieces(b);
  const asked: (Promise<Root | undefined> | undefined)[] = [];
  for (let i = 0; i < plan.length; i++) {
    for (let k = i; remote && k < Math.min(plan.length, i + PIECES_AHEAD + 1); k++) {
      const q = plan[k] as Piece;
      if (q.mode === 'parse') {
        asked[k] ??= remote.parse(b.text.slice(q.start, q.end), false).catch(() => undefined);
      }
    }
    const p = plan[i] as Piece;
    let tree: Root | undefined;
    if (p.mode === 'parse') {
      const pending = asked[i];
      asked[i] = undefined;
      tree = pending ? yield* settled(pending) : undefined;
      tree ??= parseMarkdown(b.text.slice(p.start, p.end), false);
    }
    assembler.add(pieceTree(b.text, p, tree));
    yield;
  }
  assembler.finish();
}

/**
 * Every block of a cold check (`blocks`, the whole of `text`), parsed in runs and handed to `into` in order,
 * as steps. With a `parser` and a long text, the runs are parsed there, a few ahead (the steps then wait on
 * it: run them with `runStepsSliced`).
 */
export function* parseCold(text: string, blocks: readonly Block[], into: Assembly, parser?: TreeParser): Steps<void> {
  // The run of blocks from `i`: plain blocks up to `limit` characters (one block at least).
  const runFrom = (i: number, limit: number): Run => {
    let j = i;
    let size = 0;
    // A block parsed piece by piece runs alone.
    for (; j < blocks.length && j - i < CHUNK_BLOCKS && size < limit && chunkable(blocks[j]) && !piecewise(blocks[j] as Block); j++) {
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
      into.block(within, tree, within);
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
      into.block(b, { type: 'root', children }, within);
    }
  };
  const alone = (run: Run): boolean => run.to - run.from < 2 && piecewise(run.within);
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
        if (alone(run)) {
          continue; // asked for piece by piece when its turn comes
        }
        // A failed parse is `undefined` (this thread parses then); a check a newer edit stopped never
        // waits for the runs it asked ahead, so none may reject unhandled.
        ahead[k] ??= remote.parse(run.within.text, run.within.kind === 'front-matter').catch(() => undefined);
      }
      const run = runs[r] as Run;
      if (alone(run)) {
        yield* parsePieces(run.within, into, remote);
        yield;
        continue;
      }
      const asked = ahead[r] as Promise<Root | undefined>;
      ahead[r] = undefined;
      let tree = yield* settled(asked);
      if (!tree) {
        tree = parseBlock(run.within);
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
      if (alone(run)) {
        yield* parsePieces(run.within, into);
        yield;
        i = run.to;
        continue;
      }
      const t0 = performance.now();
      const tree = parseBlock(run.within);
      const took = performance.now() - t0;
      limit = Math.max(FIRST_RUN_CHARS, Math.min(CHUNK_CHARS, Math.round((limit * RUN_MS) / Math.max(took, 0.5))));
      yield; // parsing and assembling are steps of their own
      place(run, tree);
      yield;
      i = run.to;
    }
  }
}
