/**
 * `differential-diagnosis`: the checked assessment findings point to referred SI-joint pain or to sciatica
 * more than to a hamstring strain (reported on the Assessment heading, naming the findings); and any
 * checked nerve-like symptom gets a note of its own, whatever the count, since nerve tension often comes
 * with a true strain and changes the program (no hard stretching into it; have it assessed).
 *
 * Rationale: the first rule of the column behind the built-in library is to find out what the pain really
 * is. Treating referred SI-joint pain or nerve tension with hamstring exercises keeps a runner out far
 * longer than needed. Each finding is read with its polarity ("No pain with bent-knee testing", "Denies
 * tingling", "SI joint pressure negative"): the signs and how they are read are data
 * (src/core/diagnosis/signs.ts, polarity.ts); this rule only counts them. Red flags are left to the
 * `red-flag` rule and never counted here.
 *
 * Source: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 */
import { redFlagsIn } from '../diagnosis/red-flags.js';
import { CAUSE_NAMES, signsOf, type Cause } from '../diagnosis/signs.js';
import type { AssessmentItem } from '../model.js';
import { forRegion, type Rule } from './rule.js';

const SOURCE = 'Hamstrung, iRunFar';

const rule: Rule = {
  id: 'differential-diagnosis',
  description: 'The checked assessment findings point to SI-joint pain or sciatica rather than a hamstring strain, or include nerve-like symptoms.',
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
    const nerve: AssessmentItem[] = [];
    for (const item of ctx.log.assessment) {
      if (!item.checked || redFlagsIn(item.text).length > 0) {
        continue;
      }
      const signs = signsOf(item.text);
      for (const c of new Set(signs.flatMap((s) => s.causes))) {
        evidence[c].push(item.text);
      }
      if (signs.some((s) => s.nerve)) {
        nerve.push(item);
      }
    }
    const strain = evidence['hamstring-strain'].length;
    const others = (['si-joint', 'sciatica'] as const).filter((c) => evidence[c].length > strain);
    if (others.length > 0) {
      others.sort((a, b) => evidence[b].length - evidence[a].length);
      const signs = [...new Set(others.flatMap((c) => evidence[c]))].map((t) => `"${t}"`);
      ctx.report({
        range: heading,
        message: `The checked findings point to ${others.map((c) => CAUSE_NAMES[c]).join(' or ')} rather than ${CAUSE_NAMES['hamstring-strain']} (${signs.join(', ')}); the guideline says to rule that out before hamstring rehab (${SOURCE})`,
      });
    }
    for (const item of nerve) {
      ctx.report({
        range: item.range,
        message: `A nerve-like symptom is checked ("${item.text}"); the guideline says a nerve may be involved, alone or beside a strain: have it assessed, and keep stretches short of the pulling or tingling down the back of the leg (${SOURCE})`,
      });
    }
  },
};

export default rule;
