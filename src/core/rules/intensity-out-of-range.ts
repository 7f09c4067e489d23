/**
 * `intensity-out-of-range`: How hard the sets are (the intensity: % of 1RM, an RM load or % of a maximal
 * contraction; the effort: RPE or reps in reserve) is outside the guideline range.
 *
 * Rationale: Intensity is the part of a strength dose that loads the tissue most directly: 90% of 1RM
 * where a protocol asks for 70-80%, or sets taken to RIR 0 where it asks for 2-3 in reserve, is a harder
 * session than the stage allows. Only checked where the exercise's guideline gives the same measure (its
 * `Intensity:`, `RPE:` or `RIR:` item, or the same notation in its dosage); a % of 1RM is never compared
 * with an RM load.
 *
 * Source of the ranges: the guideline file the message names.
 *
 * Fix: moves the number to the nearest bound of the guideline's range, as written (`@ 90% 1RM` becomes
 * `@ 80% 1RM`, `RIR 0` becomes `RIR 2`). A fix that makes the sets harder (a higher %, a lower RM, a
 * higher RPE, fewer reps in reserve) is offered as a quick fix only, never applied in bulk.
 */
import { formatSpan, inRange, intensityWords, intensityWritten } from '../dosage/fields.js';
import { capitalize, dosageFix, dosageRange, guidelineLabel, guidelineSays, withGuideline, type RuleContext } from './rule.js';
import { outOfRangeRule } from './out-of-range.js';

function checkIntensity(ctx: RuleContext): void {
  for (const [line, g] of withGuideline(ctx)) {
    const i = line.dosage.intensity;
    const want = g.dosage?.intensity;
    if (!i || !want || i.unit !== want.unit || inRange(i, want) || i.max === Number.POSITIVE_INFINITY) {
      continue;
    }
    const clamp = (v: number): number => Math.min(want.max, Math.max(want.min, v));
    const moved = { min: clamp(i.min), max: clamp(i.max), unit: i.unit };
    const was = line.dosage.text.slice(i.start, i.end).trim();
    // As the writer wrote it: `62.5%` stays a bare %, `15RM` without the `@` the writer left out.
    const bare = i.unit === '%1RM' && !/1\s*RM/i.test(was);
    const written = bare ? `${formatSpan(moved)}%` : intensityWritten(moved);
    const text = was.startsWith('@') ? (written.startsWith('@') ? written : `@ ${written}`) : written.replace(/^@\s*/, '');
    ctx.report({
      range: dosageRange(ctx, line, i.start, i.end),
      message: `${capitalize(intensityWords(i))}; ${guidelineSays(g, intensityWords(want))}`,
      guideline: g,
      // Set groups at several intensities (`1x5 60%, 1x5 70%`): which to change is the coach's choice.
      ...((line.dosage.setGroups?.length ?? 0) > 1 ? {} : { fix: dosageFix(ctx, line, `Change to ${text} (${guidelineLabel(g)})`, [{ start: i.start, end: i.end, text }]) }),
    });
  }
}

export default outOfRangeRule({
  id: 'intensity-out-of-range',
  description: 'The intensity or effort of the sets (% of 1RM, RM, % MVIC, RPE, RIR) is outside the guideline range.',
  field: 'rpe',
  found: (v) => `RPE ${v}`,
  more: [{ field: 'rir', found: (v) => `RIR ${v}` }],
  also: checkIntensity,
});
