/**
 * `differential-diagnosis`: the checked assessment findings point to referred SI-joint pain or to sciatica
 * more than to a hamstring strain. Reported on the Assessment heading, naming which checked signs point
 * where.
 *
 * Rationale: the first rule of the column behind the built-in library is to find out what the pain really
 * is. Treating referred SI-joint pain or nerve tension with hamstring exercises keeps a runner out far
 * longer than needed. The signs are data (src/core/diagnosis/signs.ts); this rule only counts them.
 *
 * Source: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 */
import { CAUSE_NAMES, classify, type Cause } from '../diagnosis/signs.js';
import { forRegion, type Rule } from './rule.js';

const rule: Rule = {
  id: 'differential-diagnosis',
  description: 'The checked assessment findings point to SI-joint pain or sciatica rather than a hamstring strain.',
  defaultSeverity: 'information',
  fixable: false,
  reads: ['assessment', 'front'],
  check(ctx) {
    const heading = ctx.log.assessmentRange;
    // A hamstring rule: it runs for posterior-thigh protocols, or when the log names no known condition.
    if (!heading || !forRegion(ctx, 'posterior thigh')) {
      return;
    }
    const evidence: Record<Cause, string[]> = { 'hamstring-strain': [], 'si-joint': [], sciatica: [] };
    for (const item of ctx.log.assessment) {
      const sign = item.checked ? classify(item.text) : undefined;
      for (const c of sign?.causes ?? []) {
        evidence[c].push(item.text);
      }
    }
    const strain = evidence['hamstring-strain'].length;
    const others = (['si-joint', 'sciatica'] as const).filter((c) => evidence[c].length > strain);
    if (others.length === 0) {
      return;
    }
    others.sort((a, b) => evidence[b].length - evidence[a].length);
    const signs = [...new Set(others.flatMap((c) => evidence[c]))].map((t) => `"${t}"`);
    ctx.report({
      range: heading,
      message: `Checked findings point to ${others.map((c) => CAUSE_NAMES[c]).join(' or ')} rather than ${CAUSE_NAMES['hamstring-strain']}: ${signs.join(', ')}. Rule it out before hamstring rehab ("Hamstrung", J. Uhan, iRunFar)`,
    });
  },
};

export default rule;
