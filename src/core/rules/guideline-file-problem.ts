/**
 * `guideline-file-problem`: a guideline file named in the log's front matter (`guidelines:`) is missing,
 * cannot be read, or has problems of its own (an unreadable dosage, an exercise defined twice, no
 * exercises at all). Reported on that front-matter line; checking goes on with every other guideline.
 *
 * Rationale: a broken guideline file silently turns checks off for the exercises it was meant to cover.
 */
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'guideline-file-problem',
  description: 'A guideline file named in front matter is missing, unreadable or has problems.',
  defaultSeverity: 'error',
  fixable: false,
  reads: ['front'],
  check(ctx) {
    for (const status of ctx.guidelineFiles) {
      if ('error' in status) {
        ctx.report({ range: status.range, message: `The guideline file ${status.path} could not be used: ${status.error}` });
        continue;
      }
      for (const p of status.file.problems) {
        ctx.report({
          range: status.range,
          message: `The guideline file ${status.path} has a problem at line ${p.range.start.line}: ${p.message}`,
        });
      }
    }
  },
};

export default rule;
