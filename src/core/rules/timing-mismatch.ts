/**
 * `timing-mismatch`: the exercise is placed at another time than its guideline says, for example after a
 * run when the guideline says before.
 *
 * Rationale: the gait drills and the power position prime the glutes and a compact stride for the run
 * that follows; done afterwards they miss their purpose. A `warm-up` matches a guideline's `before run`:
 * the column places the drills right before the run, as its warm-up.
 *
 * Source of the built-in timings: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * Fix: replaces the timing with the guideline's (`after run` becomes `before run`).
 */
import { formatTiming } from '../dosage/format.js';
import type { Timing } from '../model.js';
import { capitalize, dosageFix, dosageRange, guidelineLabel, guidelineSays, withGuideline, type Rule } from './rule.js';

/** How a timing reads in a sentence. */
const TIMING_WORDS = { 'before-run': 'before a run', 'after-run': 'after a run', 'warm-up': 'as a warm-up' } as const;

/** Whether a written timing agrees with the guideline's: the same, or a warm-up for `before run`. */
export function timingMatches(found: Timing, want: Timing): boolean {
  return found === want || (found === 'warm-up' && want === 'before-run');
}

const rule: Rule = {
  id: 'timing-mismatch',
  description: 'The exercise is placed at another time than its guideline says.',
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'block',
  check(ctx) {
    for (const [line, g] of withGuideline(ctx)) {
      const t = line.dosage.timing;
      const want = g.dosage?.timing;
      if (!t || !want || timingMatches(t.value, want.value)) {
        continue;
      }
      const text = formatTiming(want.value);
      const range = dosageRange(ctx, line, t.start, t.end);
      ctx.report({
        range,
        message: `${capitalize(TIMING_WORDS[t.value])}; ${guidelineSays(g, TIMING_WORDS[want.value])}`,
        guideline: g,
        fix: dosageFix(ctx, line, `Change to ${text} (${guidelineLabel(g)})`, [{ start: t.start, end: t.end, text }]),
      });
    }
  },
};

export default rule;
