/**
 * The step scheduler: work done as generator steps, run in one go or sliced between other work.
 */

/**
 * Work done as steps: a generator that yields between steps, and yields a promise where it waits on
 * something another thread does (a `TreeParser`); only a run that can wait (`runStepsSliced`) is given
 * such work.
 */
export type Steps<T> = Generator<undefined | Promise<unknown>, T>;

/** Runs steps to the end in one go. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) {
      return r.value;
    }
    if (r.value) {
      throw new Error('steps that wait were run in one go');
    }
  }
}

/** Waits for `promise` inside steps: yields it until it settles, then returns its value or throws. */
export function* settled<T>(promise: Promise<T>): Steps<T> {
  let out: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  const done = promise.then((value) => {
    out = { ok: true, value };
  }, (error: unknown) => {
    out = { ok: false, error };
  });
  while (!out) {
    yield done;
  }
  if (!out.ok) {
    throw out.error;
  }
  return out.value;
}

/**
 * Runs steps, calling `pause` after each; when it returns a promise (time to give the thread back, say),
 * waits for it. A `pause` that throws stops the work (a newer edit cancels an older check).
 */
export async function runStepsSliced<T>(steps: Steps<T>, pause: () => Promise<void> | undefined): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) {
      return r.value;
    }
    if (r.value) {
      await r.value;
    }
    const wait = pause();
    if (wait) {
      await wait;
    }
  }
}
