/**
 * Arrays the model keeps. A list pushed to while it is built has spare room (V8 grows a small array to 17
 * slots on its first push), and a big log keeps tens of thousands of them: finished lists are kept as
 * exact copies, and every empty one is one shared, frozen array.
 */

const EMPTY: never[] = [];
Object.freeze(EMPTY);

/** The shared empty list (frozen: a push throws). */
export function emptyList<T>(): T[] {
  return EMPTY;
}

/** `a` as an exact-size array, or the shared empty list. */
export function exact<T>(a: T[]): T[] {
  return a.length === 0 ? EMPTY : a.slice();
}

/**
 * The least and greatest of `values` (and of `also`), or undefined for none: a loop, where
 * `Math.min(...values)` overflows the call stack past about 125k values.
 */
export function minOf(values: Iterable<number>, ...also: number[]): number | undefined {
  let out: number | undefined;
  for (const v of values) {
    out = out === undefined || v < out ? v : out;
  }
  for (const v of also) {
    out = out === undefined || v < out ? v : out;
  }
  return out;
}

export function maxOf(values: Iterable<number>, ...also: number[]): number | undefined {
  let out: number | undefined;
  for (const v of values) {
    out = out === undefined || v > out ? v : out;
  }
  for (const v of also) {
    out = out === undefined || v > out ? v : out;
  }
  return out;
}

/**
 * The first index in `[0, length)` at which `before(i)` is false, for a `before` that holds up to some index
 * and fails from there on (a sorted list cut in two); `length` when it holds everywhere. The binary search,
 * written once: with `(i) => list[i] <= x` over a sorted list it is how many items are at most `x`.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/** Appends `items` to `out` one by one (`out.push(...items)` overflows the stack on long lists). */
export function pushAll<T>(out: T[], items: Iterable<T>): T[] {
  for (const x of items) {
    out.push(x);
  }
  return out;
}
