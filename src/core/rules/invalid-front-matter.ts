/**
 * `invalid-front-matter`: the YAML front matter cannot be read: a syntax error (an unclosed bracket or
 * quote, a tab for indentation), a key written twice, or an alias bomb (aliases that expand past the
 * limit). Reported at the line of the problem; the rest of the log is still checked.
 *
 * Rationale: a front matter that cannot be read is otherwise dropped without a word: the athlete's name,
 * the start date and the clinic's `guidelines:` file are then silently not applied, and every check that
 * depends on them runs with the wrong inputs.
 */
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'invalid-front-matter',
  description: 'The front matter cannot be read (a YAML error, a key written twice, an alias bomb).',
  defaultSeverity: 'error',
  fixable: false,
  reads: ['front'],
  check(ctx) {
    for (const p of ctx.log.frontMatter?.problems ?? []) {
      ctx.report({ range: p.range, message: p.message });
    }
  },
};

export default rule;
