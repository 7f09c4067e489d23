/**
 * `unknown-protocol`: the log's front matter names a protocol (`protocol: alfredsen`) that no guideline
 * file describes, so the choice between protocols that share an exercise (heel raises) falls back to the
 * log's condition or to the library's order.
 *
 * Rationale: a misspelt protocol silently compares a log with another protocol's numbers. The protocols
 * are the guideline files' `protocol:` names (or their file names): `alfredson`, `hsr-achilles`, ...
 *
 * Fix: when a known protocol is close (a few letters apart, found with fastest-levenshtein), replaces
 * the name with it.
 */
import { distance } from 'fastest-levenshtein';
import { chooseProtocols } from '../guidelines/select.js';
import type { Rule } from './rule.js';

const rule: Rule = {
  id: 'unknown-protocol',
  description: 'The log names a protocol no guideline file describes.',
  defaultSeverity: 'warning',
  fixable: true,
  reads: ['front'],
  check(ctx) {
    const { unknown } = chooseProtocols(ctx.library, ctx.log);
    if (unknown.length === 0) {
      return;
    }
    const known = ctx.library.protocols().map((p) => p.protocol);
    for (const field of ctx.log.frontMatter?.fields ?? []) {
      if (field.key !== 'protocol' && field.key !== 'protocols') {
        continue;
      }
      const text = ctx.text.slice(field.range.start.offset, field.range.end.offset);
      for (const name of unknown) {
        const at = text.toLowerCase().indexOf(name, field.key.length);
        if (at < 0) {
          continue;
        }
        const range = ctx.index.range(field.range.start.offset + at, field.range.start.offset + at + name.length);
        const near = known.map((k) => ({ k, d: distance(name, k) })).sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))[0];
        const suggestion = near && near.d <= Math.min(4, Math.max(1, Math.floor(name.length / 3))) ? near.k : undefined;
        ctx.report({
          range,
          message: `Protocol ${name} is not described by any guideline file, so no protocol's numbers are preferred for it; ${suggestion ? `did you mean ${suggestion}?` : `known protocols: ${known.join(', ')}`}`,
          ...(suggestion ? { fix: { title: `Change to ${suggestion}`, edits: [{ range, text: suggestion }], raisesDose: false } } : {}),
        });
      }
    }
  },
};

export default rule;
