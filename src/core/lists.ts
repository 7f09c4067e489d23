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
