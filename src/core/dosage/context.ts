/**
 * Context decides a time's role. The grammar reads `5 x 6 s` as 5 bouts of 6 s; for an exercise whose
 * guideline has reps and a hold but no bouts, the same words mean 5 reps held 6 s.
 */
import type { Dosage } from '../model.js';

/** The dosage as the exercise's guideline reads it; the same object when nothing changes. */
export function readInContext(d: Dosage, guideline: Dosage | undefined): Dosage {
  const g = guideline;
  if (!g || !g.reps || !g.holdSeconds || g.bouts || g.boutSeconds
    || !d.bouts || !d.boutSeconds || d.reps || d.holdSeconds || d.sets) {
    return d;
  }
  const { bouts, boutSeconds, ...rest } = d;
  return { ...rest, reps: bouts, holdSeconds: boutSeconds };
}
