/**
 * `unknown-exercise`: no guideline knows the exercise's name or any of its aliases, so its dosage cannot
 * be checked.
 *
 * Rationale: a typo (`Chiar Bridge`) silently switches every dosage check off for that line. Lines with no
 * readable dosage at all are taken as notes and left alone. Add the exercise to a guideline file to make
 * it known.
 *
 * A loaded exercise (kg, lb, RM, %1RM) that no guideline names is checked against the strength fallback
 * (guidelines/acsm.md) and is not unknown.
 *
 * Fix: when a known name is close (a few letters apart, found with fastest-levenshtein), replaces the
 * name with it. Otherwise the finding carries an entry for "Add a guideline for X" (guidelines/add.ts):
 * the editor writes it to the workspace guideline file, with the prescribed dosage as its range.
 */
import { newGuideline } from '../guidelines/add.js';
import type { ExerciseLine, Range } from '../model.js';
import { normalizeName } from '../text.js';
import { exerciseLines, type Rule, type RuleContext } from './rule.js';

/** The dosage the program prescribes for the line's exercise, or the line's own. */
function prescribed(ctx: RuleContext, line: ExerciseLine): string {
  const key = normalizeName(line.name);
  for (const p of ctx.log.phases) {
    const hit = p.prescriptions.find((x) => normalizeName(x.name) === key && x.dosage.components.length > 0);
    if (hit) {
      return hit.dosage.text;
    }
  }
  return line.dosage.text;
}

/** The name as written may carry Markdown (`**Chiar Bridge**`); edit only the name itself. */
function nameOnly(ctx: RuleContext, range: Range, name: string): Range {
  const raw = ctx.text.slice(range.start.offset, range.end.offset);
  const at = raw.indexOf(name);
  return at < 0 ? range : ctx.index.range(range.start.offset + at, range.start.offset + at + name.length);
}

const rule: Rule = {
  id: 'unknown-exercise',
  description: 'No guideline knows the exercise, so its dosage cannot be checked.',
  defaultSeverity: 'information',
  fixable: true,
  scope: 'block',
  check(ctx) {
    for (const line of exerciseLines(ctx.scope)) {
      if (line.dosage.components.length === 0 || line.name === '' || ctx.library.lookup(line.name) || ctx.library.fallback(line.dosage)) {
        continue;
      }
      const suggestion = ctx.library.suggest(line.name);
      const range = nameOnly(ctx, line.nameRange, line.name);
      ctx.report({
        range,
        message: suggestion
          ? `${line.name} is not in any guideline, so its dosage is not checked; did you mean ${suggestion}?`
          : `${line.name} is not in any guideline, so its dosage is not checked; add it to a guideline file to check it`,
        ...(suggestion
          ? { fix: { title: `Change to ${suggestion}`, edits: [{ range, text: suggestion }], raisesDose: false } }
          : { addGuideline: newGuideline(line.name, prescribed(ctx, line)) }),
      });
    }
  },
};

export default rule;
