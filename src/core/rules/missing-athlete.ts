/**
 * `missing-athlete`: a file that is an athlete log because of its name (`athleteLog.files`, default
 * `**\/*.athlete.md`) has no `athlete` in its front matter.
 *
 * Rationale: the athlete's name heads the preview and the handout, and tells one log from another in
 * the Problems panel. A file that is a log because its front matter has `athlete` never triggers this.
 */
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'missing-athlete',
  description: 'A log has no athlete in its front matter.',
  defaultSeverity: 'error',
  fixable: false,
  reads: ['front'],
  check(ctx) {
    // A front matter never closed gets invalid-front-matter, which says why the athlete was not read.
    if (!ctx.logByPath || ctx.log.athlete !== undefined || ctx.log.frontMatter?.unclosed === true) {
      return;
    }
    const fm = ctx.log.frontMatter;
    ctx.report({
      range: fm ? { start: fm.range.start, end: ctx.index.point(ctx.index.lineStart(fm.range.start.line + 1)) } : ctx.index.range(0, 0),
      message: fm
        ? 'No athlete named in the front matter; add a line such as athlete: Jane Runner'
        : 'No front matter naming the athlete; start the log with three lines: ---, athlete: Jane Runner, ---',
    });
  },
};

export default rule;
