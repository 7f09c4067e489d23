/**
 * `consider-regression`: an exercise hurts too much, either above the pain threshold in its last two
 * scored sessions or with weekly mean pain climbing two weeks running. Names the guideline's regression
 * when it has one, otherwise suggests lowering the dosage.
 *
 * Rationale: the pain-monitoring model (Silbernagel et al., 2007) accepts exercise pain up to 5/10 if it
 * settles by the next morning and does not rise from week to week; pain that stays high or keeps climbing
 * is the signal to step back, and, since it can mean the injury got worse (a re-injury, in an acute
 * strain), to have it re-assessed if it keeps rising. Reported on the exercise's last logged entry.
 *
 * Source: Silbernagel et al. 2007 (pain monitoring); regressions from the guideline files.
 */
import { trendOf, weeklyMeans } from '../coaching/coaching.js';
import { shortSource, type Rule } from './rule.js';

const rule: Rule = {
  id: 'consider-regression',
  description: 'Pain stays above the threshold or climbs week over week for an exercise.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates', 'entries'],
  check(ctx) {
    const threshold = ctx.options.painThreshold;
    for (const h of ctx.view().exercises()) {
      // The entries with a pain score, oldest first; the last two of them above the threshold?
      const scored: number[] = [];
      for (let i = 0; i < h.length; i++) {
        if (h.pain(i) !== undefined) {
          scored.push(i);
        }
      }
      const lastTwo = scored.slice(-2);
      const high = lastTwo.length === 2 && lastTwo.every((i) => (h.pain(i) ?? 0) > threshold) ? lastTwo.map((i) => h.point(i)) : [];
      // Weekly mean pain, weeks counted from the first scored entry: rising two weeks running? The trend
      // reads the last three weeks only, so only their entries are averaged.
      const first = scored.length > 0 ? h.day(scored[0] ?? 0) : undefined;
      let from = scored.length;
      for (let distinct = 0, week = Number.NaN; from > 0; from--) {
        const w = Math.floor((h.day(scored[from - 1] ?? 0) - (first ?? 0)) / 7);
        if (w !== week) {
          if (++distinct > 3) {
            break;
          }
          week = w;
        }
      }
      const weeks = weeklyMeans(scored.slice(from).map((i) => ({ day: h.day(i), pain: h.pain(i) ?? 0 })), first);
      const rising = trendOf(weeks) === 'rising';
      const last = h.length > 0 ? h.point(h.length - 1) : undefined;
      if ((high.length === 0 && !rising) || !last) {
        continue;
      }
      const g = ctx.library.lookup(h.name);
      const why = high.length > 0
        ? `pain above ${threshold}/10 in two sessions in a row (${high.map((p) => `${p.date} ${p.pain ?? 0}/10`).join(', ')})`
        : `pain rising week over week (weekly means ${weeks.slice(-3).map((w) => w.mean.toFixed(1)).join(', ')})`;
      const step = g?.regression[0] ? `the ${g.name} guideline steps back to ${g.regression[0]} (${shortSource(g)})` : 'lower the dosage';
      ctx.report({
        range: last.entry.range,
        // Pain that stays high or keeps rising can also mean the injury got worse (in an acute strain, a
        // re-injury): stepping back is not enough on its own, so the message asks for a re-assessment too.
        message: `Consider a regression for ${h.name}: ${why}; the pain-monitoring model expects pain to settle, not climb (Silbernagel et al. 2007); ${step}; if pain keeps rising, have the injury re-assessed`,
        ...(g ? { guideline: g } : {}),
      });
    }
  },
};

export default rule;
