/**
 * Which element of the preview the editor's scrolling aims at. Candidates are the page's elements that
 * carry a source line, in page order; links in the Checks list carry lines too (to reveal a finding), but
 * they point elsewhere in the log and must never be a scroll target, or the preview jumps to the list.
 * The log's sessions may be shown newest first, so the target is the element with the greatest line at
 * or before the editor's (the first of equals), not the last one in page order.
 */
export interface ScrollCandidate {
  readonly line: number;
  /** True for a link inside the Checks list (or any reveal link): not a place in the program. */
  readonly link: boolean;
}

/** The index of the candidate to scroll to, or -1 when none is at or before `line`. */
export function scrollTargetIndex(candidates: readonly ScrollCandidate[], line: number): number {
  let best = -1;
  let bestLine = -1;
  candidates.forEach((c, i) => {
    if (!c.link && c.line >= 1 && c.line <= line && c.line > bestLine) {
      best = i;
      bestLine = c.line;
    }
  });
  return best;
}
