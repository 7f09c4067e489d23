/**
 * The edit diff: where two versions of a text differ, and splicing per-block counts and strings after an
 * edit.
 */
import type { AnchorTable } from '../text.js';

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
export function blockAt(table: AnchorTable, ids: Int32Array, offset: number): number {
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
export function splicePrefix(old: Int32Array, head: number, tail: number, counts: ArrayLike<number>): Int32Array {
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
export function lineEnd(text: string, at: number): number {
  const n = text.indexOf('\n', at);
  const r = text.indexOf('\r', at);
  return n < 0 ? (r < 0 ? text.length : r) : r < 0 ? n : Math.min(n, r);
}
