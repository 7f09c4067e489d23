/**
 * `unreadable-dosage`: part of a dosage cannot be read (FORMAT.md, "Dosage"), so it is not checked.
 *
 * Rationale: a dosage the tool cannot read is one an athlete may misread too. The finding covers exactly
 * the unreadable words, says the closest notation it knows ("did you mean"), and the rest of the line is
 * still read and checked. A warning, not an error: notation alone never fails a log. Words with no number
 * and no unit (a cue such as "slow on the way down") are kept as the dosage's note, never reported. Lines with no readable part and
 * no known exercise name are taken as notes and left alone.
 */
import { dosageRange, exerciseLines, type Rule } from './rule.js';

const rule: Rule = {
  id: 'unreadable-dosage',
  description: 'Part of a dosage cannot be read.',
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'block',
  check(ctx) {
    for (const line of exerciseLines(ctx.scope)) {
      const d = line.dosage;
      if (d.problems.length === 0 || (d.components.length === 0 && !ctx.library.lookup(line.name))) {
        continue;
      }
      for (const p of d.problems) {
        ctx.report({ range: dosageRange(ctx, line, p.start, p.end), message: p.message });
      }
    }
  },
};

export default rule;
