/**
 * `consider-regression`: an exercise hurts too much, either above the pain threshold in its last two
 * scored sessions or with weekly mean pain climbing two weeks running. Names the guideline's regression
 * when it has one, otherwise suggests lowering the dosage.
 *
 * Rationale: the pain-monitoring model (Silbernagel et al., 2007) accepts exercise pain up to 5/10 if it
 * settles by the next morning and does not rise from week to week; pain that stays high or keeps climbing
 * is the signal to step back. Reported on the exercise's last logged entry.
 *
 * Source: Silbernagel et al. 2007 (pain monitoring); regressions from the guideline files.
 */
import { painTrend, twoHighInARow, weeklyPain } from '../coaching.js';
import { exerciseHistory } from '../history.js';
import { guidelineLabel, type Rule } from './rule.js';

const rule: Rule = {
  id: 'consider-regression',
  description: 'Pain stays above the threshold or climbs week over week for an exercise.',
  defaultSeverity: 'warning',
  fixable: false,
  check(ctx) {
    for (const h of exerciseHistory(ctx.log, ctx.library)) {
      const high = twoHighInARow(h, ctx.options.painThreshold);
      const rising = painTrend(h) === 'rising';
      if (high.length === 0 && !rising) {
        continue;
      }
      const last = h.points[h.points.length - 1];
      if (!last) {
        continue;
      }
      const g = ctx.library.lookup(h.name);
      const why = high.length > 0
        ? `pain above ${ctx.options.painThreshold}/10 in two sessions in a row (${high.map((p) => `${p.date} ${p.pain}/10`).join(', ')})`
        : `pain rising week over week (weekly means ${weeklyPain(h).slice(-3).map((w) => w.mean.toFixed(1)).join(', ')})`;
      const step = g?.regression[0] ? `step back to ${g.regression[0]}` : 'lower the dosage';
      const lineStart = ctx.index.lineStart(last.line);
      const entry = ctx.log.sessions.flatMap((s) => s.entries).find((e) => e.range.start.line === last.line);
      ctx.report({
        range: entry?.range ?? ctx.index.range(lineStart, lineStart),
        message: `Consider a regression for ${h.name}: ${why}; ${step} (pain-monitoring model, Silbernagel et al. 2007${g ? `; ${guidelineLabel(g)}` : ''})`,
        ...(g ? { guideline: g } : {}),
      });
    }
  },
};

export default rule;
