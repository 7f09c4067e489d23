/**
 * Cooperative slicing for a check in a thread others share (VS Code's extension host): `pause` is called
 * between steps of the work; it gives the thread back (a macrotask) once SLICE_MS have passed since the
 * last time, and throws once `stale()` says a newer check took over. A step is short (one block, one rule,
 * a thousand blocks of bookkeeping), so the thread is held for about SLICE_MS plus one step at most.
 * `now` and `giveBack` are the host's clock and its way of giving the thread back (a fake clock in tests).
 */

/** How long a check holds the thread before giving it back. */
export const SLICE_MS = 5;

export class Cancelled extends Error {}

/** Gives the thread back for one macrotask (Node and web workers alike). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export function slicer(
  stale: () => boolean = () => false,
  now: () => number = () => Date.now(),
  giveBack: () => Promise<void> = nextTask,
): () => Promise<void> | undefined {
  let since = now();
  return () => {
    if (stale()) {
      throw new Cancelled('a newer check took over');
    }
    if (now() - since < SLICE_MS) {
      return undefined;
    }
    return giveBack().then(() => {
      since = now();
    });
  };
}
