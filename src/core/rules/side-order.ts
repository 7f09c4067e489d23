/**
 * `side-order`: the exercise switches sides in another order than its guideline says: `alternating`
 * where the guideline repeats the same side in succession, or the other way round.
 *
 * Rationale: the column has the runner repeat the Power Position on the same side several times before
 * switching, so the glute of the stance leg keeps working until it burns; alternating sides after every
 * hold lets it rest between holds (hamstring review F13). A line that only says `each side`, `left` or
 * `right` names no order and is not flagged.
 *
 * Source of the built-in order: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * Fix: writes the guideline's order (`alternating` becomes `same side in succession`); it changes no dose.
 */
import { formatSide } from '../dosage/format.js';
import type { Side } from '../model.js';
import { capitalize, dosageFix, dosageRange, guidelineLabel, guidelineSays, withGuideline, type Rule } from './rule.js';

/** How an order reads in a sentence. */
const ORDER_WORDS: Partial<Record<Side, string>> = {
  alternating: 'alternating sides',
  succession: 'the same side in succession, then the other',
};

const rule: Rule = {
  id: 'side-order',
  description: 'The exercise switches sides in another order than its guideline says.',
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'block',
  check(ctx) {
    for (const [line, g] of withGuideline(ctx)) {
      const found = line.dosage.side;
      const want = g.dosage?.side?.value;
      const foundWords = found ? ORDER_WORDS[found.value] : undefined;
      const wantWords = want ? ORDER_WORDS[want] : undefined;
      if (!found || !want || !foundWords || !wantWords || found.value === want) {
        continue;
      }
      const text = formatSide(want);
      ctx.report({
        range: dosageRange(ctx, line, found.start, found.end),
        message: `${capitalize(foundWords)}; ${guidelineSays(g, wantWords)}`,
        guideline: g,
        fix: dosageFix(ctx, line, `Change to ${text} (${guidelineLabel(g)})`, [{ start: found.start, end: found.end, text }]),
      });
    }
  },
};

export default rule;
