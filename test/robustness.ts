/**
 * The whole pipeline on hostile strings, as one property shared by `npm test` (fixed seed, a few hundred
 * runs) and `npm run fuzz` (many more): parsing, every rule, every fix and the renderer never throw; every
 * finding's range lies inside the text; applying all fixes changes nothing outside their ranges and leaves
 * nothing fixable that was not there after a second round.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createNodeService } from '../src/cli/node-host.js';
import { handoutDocument, renderProgram, renderSummary } from '../src/core/render/index.js';

const PIECES = [
  '---\n', 'athlete: A\n', 'athlete: [\n', 'a: &a [x]\nb: [*a,*a]\n', '## Program\n', '## Log\n', '### 2026-11-03\n', '### 2026-13-40\n',
  '- Chair Bridge: 5 x 10, hold 9 s, 3x daily\n', '- Chiar Bridge 3x10\n', '  - Marching drill: 9 x 40 s\n', '> quote\n', '```\n', '~~~\n',
  '<!-- athlete-log-disable -->\n', '<!--', '-->', '<script>x</script>', '\r\n', '\r', '\t', '\u0000', '\uFEFF', '\ud800', '\udc00', '\u202e',
  'Pain 9/10. ', 'x'.repeat(300), '- [x] Sore spot\n', '| a | b |\n|---|---|\n', '<div>\n', '1. Bridge Walk-Out: 2 x 12\n', '# ', '\n',
];

/** Strings built from log-shaped pieces and arbitrary Unicode. */
export const hostileText = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.tuple(fc.constantFrom('> ', '- ', '  - ', '1. '), fc.integer({ min: 1, max: 10000 })).map(([p, n]) => `---\nathlete: A\n---\n## Log\n### 2026-11-03\n${p.repeat(n)}deep\n`),
);

const service = createNodeService();

export async function pipelineNeverBreaks(text: string): Promise<void> {
  const request = { text, path: '/fuzz/log.athlete.md', relativePath: 'log.athlete.md', options: { today: '2026-11-25' } };
  const r = await service.check(request);
  if (!r) {
    return;
  }
  for (const f of r.findings) {
    assert.ok(f.range.start.offset >= 0 && f.range.start.offset <= f.range.end.offset && f.range.end.offset <= text.length, `${f.ruleId} range inside`);
    for (const e of f.fix?.edits ?? []) {
      assert.ok(e.range.start.offset >= 0 && e.range.end.offset <= text.length, `${f.ruleId} fix inside`);
    }
  }
  const html = renderProgram({ text, log: r.log, findings: r.findings, library: r.library, today: '2026-11-25', linkFindings: true });
  assert.doesNotMatch(handoutDocument('x', html, ''), /<script/i);
  renderSummary(r.log, r.findings, r.library, '2026-11-25');
  const edits = r.findings.flatMap((f) => f.fix?.edits ?? []);
  const { text: fixed } = service.fix(text, r.findings);
  if (edits.length > 0) {
    const first = Math.min(...edits.map((e) => e.range.start.offset));
    const last = Math.max(...edits.map((e) => e.range.end.offset));
    assert.equal(fixed.slice(0, first), text.slice(0, first), 'text before the first fix is kept');
    assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), 'text after the last fix is kept');
  } else {
    assert.equal(fixed, text);
  }
  const again = await service.check({ ...request, text: fixed });
  const twice = service.fix(fixed, again?.findings ?? []).text;
  const third = await service.check({ ...request, text: twice });
  assert.deepEqual((third?.findings ?? []).filter((f) => f.fix).map((f) => `${f.range.start.line} ${f.ruleId}`), []);
}
