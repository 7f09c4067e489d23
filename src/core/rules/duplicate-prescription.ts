/**
 * `duplicate-prescription`: one phase of the program prescribes the same exercise twice (names and
 * aliases of one guideline count as the same exercise). Reported on the second and later lines.
 *
 * Rationale: with two prescriptions the athlete does not know which dosage to follow, and the checks
 * and the preview may each read a different one. Two lines for different sides (`left`, `right`) are
 * not duplicates. The same exercise in two phases is a progression, not a duplicate.
 */
import { exerciseKey } from '../coaching/coaching.js';
import type { ExerciseLine } from '../model.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'duplicate-prescription',
  description: 'One phase prescribes the same exercise twice.',
  defaultSeverity: 'warning',
  fixable: false,
  // A phase can span several blocks of the incremental engine: the rule reads the whole program.
  reads: ['program'],
  check(ctx) {
    for (const phase of ctx.scope.phases) {
      const first = new Map<string, ExerciseLine[]>();
      for (const p of phase.prescriptions) {
        const key = exerciseKey(ctx.library, p.name);
        if (key === '') {
          continue;
        }
        const earlier = first.get(key) ?? [];
        const side = p.dosage.side?.value;
        const twin = earlier.find((e) => side === undefined || e.dosage.side?.value === undefined || e.dosage.side.value === side);
        if (twin) {
          const where = phase.name ? ` in ${phase.name}` : '';
          ctx.report({
            range: p.nameRange,
            message: `A second ${p.name} prescription${where} (the first is on line ${twin.range.start.line}); keep one, so the athlete, the checks and the preview follow the same dosage`,
          });
        }
        earlier.push(p);
        first.set(key, earlier);
      }
    }
  },
};

export default rule;
