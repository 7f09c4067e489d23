import type { Point, Range } from './model.js';
import { partitionPoint } from './lists.js';

/** Line starts of `text` from `from` to `to` (both inclusive): `\n`, `\r\n` and a lone `\r` end a line. */
function startsBetween(text: string, from: number, to: number, out: number[]): void {
  for (let s = Math.max(1, from); s <= to && s <= text.length; s++) {
    const c = text.charCodeAt(s - 1);
    if (c === 10 || (c === 13 && text.charCodeAt(s) !== 10)) {
      out.push(s);
    }
  }
}

/** Maps offsets to 1-based line/column points in one text. Built once per text; lookups are O(log n). */
export class LineIndex {
  readonly #starts: Int32Array;
  readonly #length: number;

  constructor(text: string, starts?: Int32Array) {
    if (starts) {
      this.#starts = starts;
    } else {
      const all = [0];
      if (text.includes('\r')) {
        startsBetween(text, 1, text.length, all);
      } else {
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
          all.push(i + 1);
        }
      }
      this.#starts = Int32Array.from(all);
    }
    this.#length = text.length;
  }

  /**
   * The index of `text`, made from this index of the text before an edit that replaced `[start, oldEnd)`
   * with `text.slice(start, newEnd)`: line starts before the edit are kept, those after it move, and only
   * the edited stretch is scanned.
   */
  withEdit(text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const delta = newEnd - oldEnd;
    const old = this.#starts;
    // A line start depends on the character before it and the one at it, so starts before `start` and
    // after `oldEnd` are untouched by the edit (the latter move by `delta`).
    const lo = this.#firstAtOrAfter(start);
    const hi = this.#firstAtOrAfter(oldEnd + 1);
    const between = lo === 0 ? [0] : [];
    startsBetween(text, Math.max(start, 1), newEnd, between);
    const starts = new Int32Array(lo + between.length + old.length - hi);
    starts.set(old.subarray(0, lo));
    starts.set(between, lo);
    const at = lo + between.length;
    for (let k = hi; k < old.length; k++) {
      starts[at + k - hi] = (old[k] ?? 0) + delta;
    }
    return new LineIndex(text, starts);
  }

  /** The index of the first line start at or after `offset`. */
  #firstAtOrAfter(offset: number): number {
    const starts = this.#starts;
    return partitionPoint(starts.length, (k) => (starts[k] ?? 0) < offset);
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length) - 1)] ?? 0;
  }

  point(offset: number): Point {
    const o = Math.max(0, Math.min(offset, this.#length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.#starts[mid] ?? 0) <= o) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo + 1, column: o - (this.#starts[lo] ?? 0) + 1, offset: o };
  }

  range(start: number, end: number): Range {
    return { start: this.point(start), end: this.point(end) };
  }
}

/** Applies non-overlapping edits given as offsets; later edits first so offsets stay valid. */
export function applyOffsetEdits(text: string, edits: readonly { start: number; end: number; text: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let floor = Infinity;
  for (const e of sorted) {
    if (e.end > floor) {
      continue; // overlaps an edit already applied: skip rather than corrupt the text
    }
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    floor = e.start;
  }
  return out;
}

/** Normalizes an exercise name for lookup: case, dashes, underscores, quotes and spacing do not matter. */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[‐‑‒–—_-]+/g, ' ')
    .replace(/['’"“”`*]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Block positions (offset and line of each block's start) in typed arrays: moving every block after an
 * edit is then a loop over a few contiguous arrays, not a walk over thousands of scattered objects.
 */
export class AnchorTable {
  offsets = new Int32Array(256);
  lines = new Int32Array(256);
  #next = 0;

  add(offset: number, line: number): Anchor {
    if (this.#next === this.offsets.length) {
      const offsets = new Int32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      const lines = new Int32Array(this.lines.length * 2);
      lines.set(this.lines);
      this.offsets = offsets;
      this.lines = lines;
    }
    const id = this.#next++;
    this.offsets[id] = offset;
    this.lines[id] = line;
    return new Anchor(this, id);
  }

  /** Moves the anchors `ids` by `offset` characters and `line` lines. */
  shift(ids: Int32Array, offset: number, line: number): void {
    const offsets = this.offsets;
    const lines = this.lines;
    for (const id of ids) {
      offsets[id] = (offsets[id] ?? 0) + offset;
      lines[id] = (lines[id] ?? 0) + line;
    }
  }
}

/** Where a block starts. Points inside a block are kept relative to it, so moving a block is one write. */
export class Anchor {
  constructor(readonly table: AnchorTable, readonly id: number) {}

  get offset(): number {
    return this.table.offsets[this.id] ?? 0;
  }

  get line(): number {
    return this.table.lines[this.id] ?? 0;
  }

  /** A new anchor table with one anchor: for text parsed once, not kept. */
  static at(offset: number, line: number): Anchor {
    return new AnchorTable().add(offset, line);
  }
}

/**
 * A point kept relative to its block's anchor: it reads as a plain point (and serializes as one), and it
 * moves with its block. Its own fields are the anchor and the distances, so two points only compare
 * equal (deepStrictEqual) when they are built alike; compare positions by value or as JSON.
 */
export class AnchoredPoint implements Point {
  constructor(readonly anchor: Anchor, readonly dOffset: number, readonly dLine: number, readonly column: number) {}

  get offset(): number {
    return this.anchor.offset + this.dOffset;
  }

  get line(): number {
    return this.anchor.line + this.dLine;
  }

  toJSON(): Point {
    return { line: this.line, column: this.column, offset: this.offset };
  }
}

/** Makes points anchored to `anchor` from offsets in the whole text. */
export class PointMaker {
  constructor(readonly index: LineIndex, readonly anchor: Anchor) {}

  point(offset: number): AnchoredPoint {
    return this.from(this.index.point(offset));
  }

  /** The same position as `p`, anchored here. */
  from(p: Point): AnchoredPoint {
    return new AnchoredPoint(this.anchor, p.offset - this.anchor.offset, p.line - this.anchor.line, p.column);
  }

  range(start: number, end: number): Range {
    return { start: this.point(start), end: this.point(end) };
  }
}
