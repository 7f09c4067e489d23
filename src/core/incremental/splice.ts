/**
 * The timeline a check's `log` rules read (timeline.ts), kept between checks like the model. A check of
 * the same state keeps it; a check of the state right after an edit splices it: the kept numbers before
 * and after the edited blocks, the edited blocks' own parts between them (or, when the edit changed no
 * number the timeline holds, the same numbers serve the new model); any other check joins every block's
 * part again. All as steps: a cold check of a long log joins tens of thousands of parts.
 */
import type { Change, Snapshot } from './state.js';
import { EMPTY_PART, joinPartsSteps, sameNumbers, slicePart, Timeline, type BlockPart, type ExerciseIds, type TimelinePart } from './timeline.js';
import { splicePrefix } from './diff.js';

/** A timeline and where each block's sessions and entries start in it. */
export interface KeptTimeline {
  readonly timeline: Timeline;
  readonly sessionPrefix: Int32Array;
  readonly entryPrefix: Int32Array;
}

/**
 * The timeline of `snap`: `kept` itself when `same` (the same state, checked under the same key), spliced
 * from `kept` across `splice` (the edit from `kept`'s state to `snap`), else joined from every block's part.
 */
export function* timelineSteps(snap: Snapshot, ids: ExerciseIds, kept: KeptTimeline | undefined, same: boolean, splice: Change | undefined): Generator<undefined, KeptTimeline> {
  const sessionPrefix = snap.layout.prefix.sessions;
  if (kept && same) {
    return { timeline: kept.timeline, sessionPrefix, entryPrefix: kept.entryPrefix };
  }
  const middle = splice ? snap.blocks.slice(splice.head, splice.head + splice.added).map((b) => b.part ?? EMPTY_PART) : [];
  if (kept && splice && sameNumbers(middle, kept.timeline.part,
    kept.sessionPrefix[splice.head] ?? 0, kept.sessionPrefix[splice.tail] ?? 0, kept.entryPrefix[splice.head] ?? 0, kept.entryPrefix[splice.tail] ?? 0)) {
    // The edit changed nothing the timeline holds: the same numbers serve the new model.
    return {
      timeline: new Timeline(snap.log.sessions, kept.timeline.part, ids, kept.timeline),
      sessionPrefix,
      entryPrefix: splicePrefix(kept.entryPrefix, splice.head, splice.tail, middle.map((p) => p.entries)),
    };
  }
  const parts: (TimelinePart | BlockPart)[] = [];
  let entryPrefix: Int32Array;
  if (kept && splice) {
    const { head, tail } = splice;
    const sp = kept.sessionPrefix;
    const ep = kept.entryPrefix;
    const last = sp.length - 1;
    const old = kept.timeline.part;
    parts.push(slicePart(old, 0, sp[head] ?? 0, 0, ep[head] ?? 0), ...middle, slicePart(old, sp[tail] ?? 0, sp[last] ?? 0, ep[tail] ?? 0, ep[last] ?? 0));
    entryPrefix = splicePrefix(ep, head, tail, middle.map((p) => p.entries));
  } else {
    entryPrefix = new Int32Array(snap.blocks.length + 1);
    for (let i = 0; i < snap.blocks.length; i++) {
      const part = snap.blocks[i]?.part ?? EMPTY_PART;
      parts.push(part);
      entryPrefix[i + 1] = (entryPrefix[i] ?? 0) + part.entries;
      if (i % 256 === 255) {
        yield;
      }
    }
  }
  const joined = yield* joinPartsSteps(parts);
  const timeline = new Timeline(snap.log.sessions, joined, ids);
  yield;
  return { timeline, sessionPrefix, entryPrefix };
}
