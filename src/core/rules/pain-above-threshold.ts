/**
 * `pain-above-threshold`: a logged pain score is above the threshold (default 5/10, setting
 * `athleteLog.painThreshold`).
 *
 * Rationale: the pain-monitoring model (Silbernagel et al., 2007, Am J Sports Med) allows exercise pain up
 * to 5 on a 0-10 scale, provided it settles by the next morning and does not climb from week to week. A
 * score above it is a signal to lower the dosage or review the program; the finding never changes the log.
 */
import { dosageRange, type Rule } from './rule.js';

const rule: Rule = {
  id: 'pain-above-threshold',
  description: 'A logged pain score is above the threshold.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'block',
  check(ctx) {
    const limit = ctx.options.painThreshold;
    for (const s of ctx.scope.sessions) {
      for (const e of s.entries) {
        const pain = e.dosage.pain;
        if (!pain || pain.max <= limit) {
          continue;
        }
        const c = e.dosage.components.find((x) => x.kind === 'pain');
        ctx.report({
          range: dosageRange(ctx, e, c?.start ?? pain.start, c?.end ?? pain.end),
          message: `Pain ${pain.max}/10 in ${e.name}; the pain-monitoring model allows up to ${limit}/10 (Silbernagel et al. 2007)`,
        });
      }
    }
  },
};

export default rule;
