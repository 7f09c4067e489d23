/**
 * `pain-above-threshold`: a logged pain score is above the exercise's pain limit: its guideline's (a `Pain`
 * line or the file's `pain-threshold`), else the setting `athleteLog.painThreshold` (default 5/10).
 *
 * Rationale: the pain-monitoring model (Silbernagel et al., 2007, Am J Sports Med) allows exercise pain up
 * to 5 on a 0-10 scale for tendinopathy, provided it settles by the next morning and does not climb from
 * week to week. That limit does not carry over to every condition: an acute hamstring strain is loaded
 * short of pain (Askling et al. 2013), so each guideline file may set its own, and the message names it.
 * A score above it is a signal to lower the dosage or review the program; the finding never changes the log.
 */
import { painLimit } from './pain-limit.js';
import { dosageRange, type Rule } from './rule.js';

const rule: Rule = {
  id: 'pain-above-threshold',
  description: 'A logged pain score is above the threshold.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'block',
  check(ctx) {
    for (const s of ctx.scope.sessions) {
      for (const e of s.entries) {
        const pain = e.dosage.pain;
        if (!pain) {
          continue;
        }
        const limit = painLimit(ctx.library, ctx.options, e.name);
        if (pain.max <= limit.limit) {
          continue;
        }
        const c = e.dosage.components.find((x) => x.kind === 'pain');
        ctx.report({
          range: dosageRange(ctx, e, c?.start ?? pain.start, c?.end ?? pain.end),
          message: `Pain ${pain.max}/10 in ${e.name}; ${limit.says}`,
        });
      }
    }
  },
};

export default rule;
