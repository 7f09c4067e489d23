/**
 * The whole pipeline on hostile strings, as one property shared by `npm test` (fixed seed, a few hundred
 * runs) and `npm run fuzz` (many more): parsing, every rule, every fix and the renderer never throw; every
 * finding's range lies inside the text; applying all fixes changes nothing outside their ranges and leaves
 * nothing fixable that was not there after a second round.
 *
 * The inputs (`hostileInput`): strings of log-shaped pieces and arbitrary Unicode; the same with every line
 * break a lone CR (CR-only files); deep indentation, quotes and lists (up to 10,000 levels, and lines with
 * hundreds of leading spaces or tabs); and files as bytes (`hostileBytes`): log pieces mixed with bytes that
 * are not UTF-8 (Latin-1, broken, overlong and truncated sequences, lone continuation bytes, a UTF-16 byte
 * order mark), read as the CLI reads a file (src/node/encoding.ts). For bytes, decoding then encoding gives
 * the same bytes back, and after the fixes every byte before the first fix and after the last is unchanged.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createNodeService } from '../src/cli/node-host.js';
import { handoutDocument, renderProgram, renderSummary } from '../src/core/render/index.js';
import { decodeFile, encodeFile } from '../src/node/encoding.js';

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
  fc.tuple(fc.constantFrom('> ', '- ', '  - ', '1. ', '>', ' ', '\t', ' > ', '* '), fc.integer({ min: 1, max: 10000 }), fc.constantFrom('deep\n', '- Chair Bridge: 5 x 10. Pain 9/10\n', '```\n'))
    .map(([p, n, tail]) => `---\nathlete: A\n---\n## Log\n### 2026-11-03\n${p.repeat(n)}${tail}- Chair Bridge: 3 x 10\n`),
);

/** Bytes that are not UTF-8, alone or in short runs. */
const BAD_BYTES = [[0xe9], [0xff], [0xfe], [0x80], [0xbf], [0xc3], [0xc0, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x92], [0x93, 0x94]];

/** Files as bytes: log pieces (as UTF-8), bytes that are not UTF-8 and random bytes; sometimes a UTF-16 BOM first. */
export const hostileBytes: fc.Arbitrary<Buffer> = fc.tuple(
  fc.constantFrom<number[]>([], [], [], [0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf]),
  fc.array(fc.oneof(
    fc.constantFrom(...PIECES).map((p) => [...Buffer.from(p, 'utf8')]),
    fc.constantFrom(...BAD_BYTES),
    fc.uint8Array({ maxLength: 12 }).map((a) => [...a]),
  ), { maxLength: 40 }),
).map(([bom, parts]) => Buffer.from([...bom, ...parts.flat()]));

/** Any input of the fuzz: a string, or a file's bytes. */
export const hostileInput: fc.Arbitrary<string | Buffer> = fc.oneof(
  hostileText,
  hostileText.map((t) => t.replace(/\r?\n/g, '\r')),
  hostileBytes,
);

/** `pipelineNeverBreaks` on a string, or on a file's bytes as the CLI reads and writes them. */
export async function inputNeverBreaks(input: string | Buffer): Promise<void> {
  if (typeof input === 'string') {
    await pipelineNeverBreaks(input);
    return;
  }
  const file = decodeFile(input);
  if (file.roundTrips) {
    assert.ok(encodeFile(file.text, file.encoding).equals(input), 'bytes decode and encode back to themselves');
  }
  const fixed = await pipelineNeverBreaks(file.text);
  if (file.roundTrips) {
    const out = encodeFile(fixed.text, file.encoding);
    const before = encodeFile(file.text.slice(0, fixed.first), file.encoding);
    const after = encodeFile(file.text.slice(fixed.last), file.encoding);
    assert.ok(out.subarray(0, before.length).equals(input.subarray(0, before.length)), 'bytes before the first fix are kept');
    assert.ok(out.subarray(out.length - after.length).equals(input.subarray(input.length - after.length)), 'bytes after the last fix are kept');
  }
}

const service = createNodeService();

/** The property on one text; gives back the fixed text and the range the fixes spanned. */
export async function pipelineNeverBreaks(text: string): Promise<{ text: string; first: number; last: number }> {
  const request = { text, path: '/fuzz/log.athlete.md', relativePath: 'log.athlete.md', options: { today: '2026-11-25' } };
  const r = await service.check(request);
  if (!r) {
    return { text, first: text.length, last: text.length };
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
  let first = text.length;
  let last = text.length;
  if (edits.length > 0) {
    first = edits.reduce((m, e) => Math.min(m, e.range.start.offset), text.length);
    last = edits.reduce((m, e) => Math.max(m, e.range.end.offset), 0);
    assert.equal(fixed.slice(0, first), text.slice(0, first), 'text before the first fix is kept');
    assert.equal(fixed.slice(fixed.length - (text.length - last)), text.slice(last), 'text after the last fix is kept');
  } else {
    assert.equal(fixed, text);
  }
  const again = await service.check({ ...request, text: fixed });
  const twice = service.fix(fixed, again?.findings ?? []).text;
  const third = await service.check({ ...request, text: twice });
  assert.deepEqual((third?.findings ?? []).filter((f) => f.fix).map((f) => `${f.range.start.line} ${f.ruleId}`), []);
  return { text: fixed, first, last };
}
