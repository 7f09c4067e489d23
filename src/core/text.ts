import type { Point, Range } from './model.js';

/** Maps offsets to 1-based line/column points in one text. Built once per text; lookups are O(log n). */
export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        starts.push(i + 1);
      } else if (c === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) {
        starts.push(i + 1);
      }
    }
    this.#starts = starts;
    this.#length = text.length;
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
