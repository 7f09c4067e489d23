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
import { trendOf, weeklyMeans } from '../coaching/coaching.js';
import { guidelineLabel, type Rule } from './rule.js';

const rule: Rule = {
  id: 'consider-regression',
  description: 'Pain stays above the threshold or climbs week over week for an exercise.',
  defaultSeverity: 'warning',
  fixable: false,
  reads: ['dates', 'entries'],
  check(ctx) {
    const t = ctx.timeline();
    const { days, pains } = t.part;
    const threshold = ctx.options.painThreshold;
    const dayOf = (e: number): number => days[t.entrySession[e] ?? 0] ?? 0;
    for (const track of t.tracks()) {
      const scored: number[] = [];
      for (const e of track.entries) {
        if (!Number.isNaN(pains[e] ?? Number.NaN)) {
          scored.push(e);
        }
      }
      const lastTwo = scored.slice(-2);
      const high = lastTwo.length === 2 && lastTwo.every((e) => (pains[e] ?? 0) > threshold) ? lastTwo : [];
      // The trend reads the last three weeks only: take the scored sessions from the third-last week on.
      const first = scored.length > 0 ? dayOf(scored[0] ?? 0) : undefined;
      let from = scored.length;
      for (let distinct = 0, week = Number.NaN; from > 0; from--) {
        const w = Math.floor((dayOf(scored[from - 1] ?? 0) - (first ?? 0)) / 7);
        if (w !== week) {
          if (++distinct > 3) {
            break;
          }
          week = w;
        }
      }
      const weeks = weeklyMeans(scored.slice(from).map((e) => ({ day: dayOf(e), pain: pains[e] ?? 0 })), first);
      const rising = trendOf(weeks) === 'rising';
      const entry = t.entry(track.entries[track.entries.length - 1] ?? 0);
      if ((high.length === 0 && !rising) || !entry) {
        continue;
      }
      const g = ctx.library.lookup(track.name);
      const why = high.length > 0
        ? `pain above ${threshold}/10 in two sessions in a row (${high.map((e) => `${t.sessionOf(e)?.date ?? ''} ${pains[e] ?? 0}/10`).join(', ')})`
        : `pain rising week over week (weekly means ${weeks.slice(-3).map((w) => w.mean.toFixed(1)).join(', ')})`;
      const step = g?.regression[0] ? `step back to ${g.regression[0]}` : 'lower the dosage';
      ctx.report({
        range: entry.range,
        message: `Consider a regression for ${track.name}: ${why}; ${step} (pain-monitoring model, Silbernagel et al. 2007${g ? `; ${guidelineLabel(g)}` : ''})`,
        ...(g ? { guideline: g } : {}),
      });
    }
  },
};

export default rule;
