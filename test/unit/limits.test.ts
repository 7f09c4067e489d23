/**
 * Structural limits never hide text: deep nesting and storms of inline openers are parsed in pieces
 * (src/core/markdown/guard.ts), sessions around them stay, exercise lines in them are still read; broken
 * front matter is a finding; long lists never go through spread arguments.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyFixes, selectFixes, type Finding } from '../../src/core/index.js';
import { maxOf, minOf } from '../../src/core/lists.js';
import { exerciseLines, type RuleScope } from '../../src/core/rules/rule.js';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { guardPlan, MAX_NESTING, MAX_OPENERS, MAX_PIECE_CHARS, parsePieces, SMALL_PIECE_CHARS } from '../../src/core/markdown/guard.js';
import { parseMarkdown } from '../../src/core/markdown/parse.js';
import { builtinGuidelines, createNodeService } from '../../src/cli/node-host.js';
import { createAthleteLogService, plainEngine } from '../../src/core/index.js';
import offProgramDosage from '../../src/core/rules/off-program-dosage.js';
import type { RuleContext } from '../../src/core/rules/rule.js';
import { service } from '../helpers.js';

const HEAD = '---\nathlete: Eve Deep\n---\n\n## Program\n\n### Phase 1\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n\n## Log\n\n### 2026-11-03\n- Chair Bridge: 9 x 10, hold 5 s. Pain 9/10\n\n';

async function check(text: string): Promise<{ rules: string[]; sessions: number; notes: string[] }> {
  const r = await service.check({ text, path: '/limits/x.athlete.md', relativePath: 'x.athlete.md', options: { today: '2026-11-04' } });
  assert.ok(r);
  return { rules: r.findings.map((f) => f.ruleId), sessions: r.log.sessions.length, notes: r.log.sessions.flatMap((s) => s.notes) };
}

function openers(s: string): number {
  return (s.match(/[*_[<~`]/g) ?? []).length;
}

describe('structural limits keep every session', function () {
  this.timeout(120000);
  it('a line with 130 spaces inside a code fence, or 65 > marks, does not hide its session', async () => {
    for (const deep of ['```\n' + ' '.repeat(130) + 'pasted text\n```\n', `${'>'.repeat(65)} quoted\n`, `${'> '.repeat(70)}quoted\n`, `${' '.repeat(200)}- indented\n`]) {
      const r = await check(HEAD + deep);
      assert.equal(r.sessions, 1, JSON.stringify(deep.slice(0, 20)));
      assert.ok(r.rules.includes('pain-above-threshold'), JSON.stringify(deep.slice(0, 20)));
      assert.ok(r.rules.includes('sets-out-of-range'));
    }
  });

  it('an exercise line nested past the limit is still read, and its text kept', async () => {
    const r = await check(`${HEAD}${'> '.repeat(80)}- Chair Bridge: 3 x 10, hold 5 s. Pain 8/10\n\nAfter the deep line.\n`);
    assert.equal(r.rules.filter((x) => x === 'pain-above-threshold').length, 2, r.rules.join(' '));
    assert.ok(r.notes.some((n) => n.includes('After the deep line')));
  });

  it('storms of inline openers are parsed in pieces: the session, later entries and the text all stay', async () => {
    const storms = ['*a_'.repeat(2000), `${'['.repeat(3000)}a${']'.repeat(3000)}`, 'a <![CDATA[ '.repeat(2000), 'a <!-- '.repeat(2000), 'a <? '.repeat(2000),
      'a <!A '.repeat(2000), `a${'**b'.repeat(2000)}c*`, '~a '.repeat(2000), `${'*a **a '.repeat(2000)}b${' a** a*'.repeat(2000)}`, '`a ``b '.repeat(2000)];
    for (const storm of storms) {
      const text = `${HEAD}${storm}\n- Chair Bridge: 3 x 10, hold 5 s. Pain 7/10\n`;
      const r = await check(text);
      assert.equal(r.sessions, 1);
      assert.equal(r.rules.filter((x) => x === 'pain-above-threshold').length, 2, storm.slice(0, 12));
      // Nothing is lost: every character of the storm is in the notes or the tree's text.
      assert.ok(r.notes.join('').replace(/\s/g, '').length >= storm.replace(/[\s*_[\]<>!?~`-]/g, '').length / 2, storm.slice(0, 12));
    }
  });

  it('no piece given to the parser nests deeper than MAX_NESTING or holds more than MAX_OPENERS openers (property)', () => {
    const piece = fc.constantFrom('> ', '- ', '  ', '1. ', '*a_', '[', ']', '<!-- ', '`', '~', 'text ', '\n', '\n\n', '```\n', '\r\n', '\r', '# h\n');
    fc.assert(fc.property(fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 200 })), { maxLength: 30 }), (parts) => {
      const text = parts.map(([p, n]) => p.repeat(n)).join('');
      const plan = guardPlan(text) ?? [{ start: 0, end: text.length, line: 1, column: 1, mode: 'parse' as const }];
      let covered = 0;
      for (const p of plan) {
        assert.ok(p.start >= covered, 'pieces in order, not overlapping');
        covered = p.end;
        if (p.mode === 'parse') {
          const slice = text.slice(p.start, p.end);
          if (guardPlan(text) !== undefined) {
            assert.equal(guardPlan(slice), undefined, 'a parsed piece needs no further guard');
          }
        }
      }
      // The tree's positions stay inside the text.
      const tree = parseMarkdown(text, false);
      assert.ok((tree.position?.end.offset ?? 0) === text.length);
      for (const c of tree.children) {
        assert.ok((c.position?.start.offset ?? 0) >= 0 && (c.position?.end.offset ?? 0) <= text.length);
      }
    }), { numRuns: 80, seed: 18 });
    assert.ok(MAX_NESTING >= 32 && MAX_OPENERS >= 64);
    assert.equal(openers('*_[<~`'), 6);
  });

  it('positions after a cut point at the right text', async () => {
    const text = `${HEAD}${'*a_'.repeat(1000)}\n- Chair Bridge: 3 x 10, hold 5 s. Pain 7/10\n${'> '.repeat(70)}- Chair Bridge: 2 x 10, hold 5 s. Pain 6/10\n`;
    const r = await service.check({ text, path: '/limits/y.athlete.md', relativePath: 'y.athlete.md', options: { today: '2026-11-04' } });
    const pains = (r?.findings ?? []).filter((f) => f.ruleId === 'pain-above-threshold').map((f) => text.slice(f.range.start.offset, f.range.end.offset));
    assert.deepEqual(pains.map((p) => /\d+\/10/.exec(p)?.[0]), ['9/10', '7/10', '6/10']);
  });
});

describe('long texts are parsed in pieces where every block is closed', function () {
  this.timeout(120000);
  const gfm = unified().use(remarkParse).use(remarkGfm);

  it('a session of many small tables is cut into pieces of about MAX_PIECE_CHARS', () => {
    const text = `${HEAD}${'| a | b |\n|---|---|\n| 1 | 2 |\n\n'.repeat(4000)}`;
    const plan = guardPlan(text);
    assert.ok(plan && plan.length >= text.length / (2 * MAX_PIECE_CHARS), `${plan?.length} pieces`);
    for (const p of plan) {
      assert.ok(p.end - p.start <= MAX_PIECE_CHARS + 64, `piece of ${p.end - p.start}`);
    }
    const tree = parseMarkdown(text);
    assert.equal(tree.children.filter((c) => c.type === 'table').length, 4000);
  });

  it('a text without link or footnote definitions is cut into short pieces, one with a definition into long ones', () => {
    const table = '| set | reps |\n|---|---|\n| 2 | 12 |\n\n';
    const tables = table.repeat(1500);
    const plain = guardPlan(`${HEAD}${tables}`);
    assert.ok(plain && plain.length >= tables.length / (2 * SMALL_PIECE_CHARS), `${plain?.length} pieces`);
    for (const p of plain) {
      assert.ok(p.end - p.start <= SMALL_PIECE_CHARS + 64, `piece of ${p.end - p.start}`);
    }
    const withDefinition = `${HEAD}[plan]: https://example.org/plan\n\n${tables}See [the plan][plan].\n`;
    const long = guardPlan(withDefinition);
    assert.ok(long);
    assert.ok(long.some((p) => p.end - p.start > SMALL_PIECE_CHARS + 64), 'pieces as long as before');
    for (const p of long) {
      assert.ok(p.end - p.start <= MAX_PIECE_CHARS + 64, `piece of ${p.end - p.start}`);
    }
    // The definition still reaches a reference a few KB below it, in the same long piece.
    const near = `${HEAD}[plan]: https://example.org/plan\n\n${table.repeat(100)}See [the plan][plan].\n`;
    assert.ok(near.length > SMALL_PIECE_CHARS && near.length < MAX_PIECE_CHARS);
    const refs = parseMarkdown(near).children.filter((c) => c.type === 'paragraph' && c.children.some((k) => k.type === 'linkReference'));
    assert.equal(refs.length, 1);
    assert.equal(parseMarkdown(`${HEAD}${tables}`).children.filter((c) => c.type === 'table').length, 1500);
  });

  it('the tree in pieces is the tree of the whole text, for any mix of blocks (property)', () => {
    // Link and footnote definitions are left out: one reaches only its own piece, as it reaches only its own block.
    const piece = fc.constantFrom('| a | b |\n|---|---|\n| 1 | 2 |\n', '- item *em*\n', '  continued\n', '> quote\n', '```\n', '~~~\n', '<!--\n', '-->\n',
      '<div>\n', '<pre>\n', '</pre>\n', 'para _text_\n', '\n', '\n\n', '    code\n', '1. one\n', '# h\n', 'Setext\n', '===\n', '---\n', '\tx\n', '- [x] done\n', '\r\n', '\r');
    fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 60 }), (parts) => {
      const text = parts.join('').repeat(4);
      const plan = guardPlan(text, 0, 40);
      const whole = gfm.parse(text);
      const cut = plan ? parsePieces(text, plan, (t) => gfm.parse(t)) : whole;
      assert.deepEqual(JSON.parse(JSON.stringify(cut.children)), JSON.parse(JSON.stringify(whole.children)));
    }), { numRuns: 300, seed: 18 });
  });
});

describe('a session longer than 64 KB is read piece by piece', function () {
  this.timeout(300000);
  // One session with every kind of block, repeated: entries, notes, tables, bold labels with set lines,
  // suppressions, a fence and an HTML comment over blank lines, quotes and loose lists.
  const unit = [
    '- Chair Bridge: 3 x 10, hold 5 s. Pain 2/10', '', 'Felt fine today, *steady* pace.', '',
    '| Exercise | Sets | Reps |', '| --- | --- | --- |', '| Chair Bridge | 5 | 10 |', '',
    '**Bridge Walk-Out**', '- Set 1: 10 reps', '- Set 2: 12 reps', '',
    '<!-- athlete-log-disable-next-line sets-out-of-range -->', '- Chair Bridge: 9 x 10', '',
    '```', 'code', '', '- Chair Bridge: 1 x 1', '```', '',
    '<!--', '', 'hidden', '', '-->', '',
    '> quoted note', '', '- loose item', '', '  continued', '',
    'Stiff in the morning. Pain 7/10', '',
  ].join('\n');
  const head = '---\nathlete: Long Session\nstarted: 2026-10-01\n---\n\n## Program\n\n### Phase 1\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n- Bridge Walk-Out: 2 x 10, 5 steps\n\n## Log\n\n### 2026-11-03\n';
  const text = `${head}${`${unit}\n`.repeat(Math.ceil(160 * 1024 / unit.length))}\n### 2026-11-04\n- Chair Bridge: 3 x 10\n`;
  const request = { path: '/limits/long.athlete.md', relativePath: 'long.athlete.md', options: { today: '2026-11-05' } };
  const plain = createAthleteLogService({ builtinGuidelines: builtinGuidelines(), engine: plainEngine });

  it('gives exactly what the plain engine gives, with the worker, without it, and after an edit in the middle', async () => {
    const expected = await plain.check({ ...request, text });
    assert.ok(expected && expected.findings.length > 100, `${expected?.findings.length} findings`);
    assert.ok(expected.findings.some((f) => f.ruleId === 'pain-above-threshold'));
    const withWorker = createNodeService();
    const here = createAthleteLogService({ builtinGuidelines: builtinGuidelines() });
    for (const s of [withWorker, here]) {
      const r = await s.check({ ...request, text });
      assert.equal(JSON.stringify(r?.findings), JSON.stringify(expected.findings));
      assert.equal(JSON.stringify(r?.log), JSON.stringify(expected.log));
    }
    const mid = text.indexOf('Stiff in the morning', text.length / 2);
    const edited = `${text.slice(0, mid)}- Chair Bridge: 8 x 10\n\n${text.slice(mid)}`;
    const again = await withWorker.check({ ...request, text: edited });
    const scratch = await plain.check({ ...request, text: edited });
    assert.equal(JSON.stringify(again?.findings), JSON.stringify(scratch?.findings));
    assert.equal(JSON.stringify(again?.log), JSON.stringify(scratch?.log));
  });
});

describe('many phases prescribing one exercise', function () {
  it('off-program-dosage reads the program only for a block that logs an entry (it did for every phase: n * n)', () => {
    let reads = 0;
    const log = { get phases() { reads++; return []; }, get started() { reads++; return undefined; } };
    const ctx = { log, scope: { sessions: [{ entries: [] }], phases: [] }, report: () => assert.fail('no finding') } as unknown as RuleContext;
    offProgramDosage.check(ctx);
    assert.equal(reads, 0);
  });

  it('a program of 2,000 phases of Chair Bridge is checked, each phase once', async () => {
    const text = `---\nathlete: Many Phases\n---\n\n## Program\n\n${Array.from({ length: 2000 }, (_, i) => `### Phase ${i + 1}\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n`).join('')}`;
    const r = await service.check({ text, path: '/limits/phases.athlete.md', relativePath: 'phases.athlete.md', options: { today: '2026-11-04' } });
    assert.equal(r?.log.phases.length, 2000);
  });
});

describe('front matter errors are findings', function () {
  this.timeout(120000);
  const body = '\n## Log\n\n### 2026-13-40\n';
  const cases: [string, string, number][] = [
    ['duplicate key', 'athlete: A\ncoach: B\nathlete: C\n', 4],
    ['unclosed bracket', 'athlete: A\nguidelines: [clinic.md\n', 3],
    ['tab indentation', 'athlete: A\n\tcoach: B\n', 3],
  ];
  for (const [name, yaml, line] of cases) {
    it(`${name}: invalid-front-matter at line ${line}, and the rest is still checked`, async () => {
      const text = `---\n${yaml}---\n${body}`;
      const r = await service.check({ text, path: '/fm/x.athlete.md', relativePath: 'x.athlete.md', options: { today: '2026-11-04' } });
      const f = r?.findings.find((x) => x.ruleId === 'invalid-front-matter');
      assert.ok(f, (r?.findings ?? []).map((x) => x.ruleId).join(' '));
      assert.equal(f.severity, 'error');
      assert.equal(f.range.start.line, line);
      assert.ok(r?.findings.some((x) => x.ruleId === 'invalid-date'), 'the body is still checked');
    });
  }

  it('a front matter never closed: invalid-front-matter on its opening line, not missing-athlete (trial defect 11)', async () => {
    const text = `---\nathlete: Never Closed\ncoach: Sam\n${body}`;
    const r = await service.check({ text, path: '/fm/u.athlete.md', relativePath: 'u.athlete.md', options: { today: '2026-11-04' } });
    const ids = (r?.findings ?? []).map((x) => x.ruleId);
    const f = r?.findings.find((x) => x.ruleId === 'invalid-front-matter');
    assert.ok(f, ids.join(' '));
    assert.equal(f.range.start.line, 1);
    assert.match(f.message, /never closed/);
    assert.ok(!ids.includes('missing-athlete'), ids.join(' '));
    assert.ok(ids.includes('invalid-date'), 'the body is still checked');
  });

  it('an alias bomb is a finding, fast', async () => {
    let yaml = 'athlete: A\na: &a [x, x, x, x, x, x, x, x, x]\n';
    let prev = 'a';
    for (const k of 'bcdefghij') {
      yaml += `${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
      prev = k;
    }
    const r = await service.check({ text: `---\n${yaml}---\n${body}`, path: '/fm/b.athlete.md', relativePath: 'b.athlete.md', options: { today: '2026-11-04' } });
    assert.ok(r?.findings.some((x) => x.ruleId === 'invalid-front-matter'));
  });

  it('a duplicate key keeps the guidelines: of the front matter', async () => {
    const text = '---\nathlete: A\nathlete: B\nguidelines: ./no-such-file.md\n---\n## Program\n- Chair Bridge: 3 x 10\n';
    const r = await service.check({ text, path: '/fm/c.athlete.md', relativePath: 'c.athlete.md', options: { today: '2026-11-04' } });
    assert.ok(r?.findings.some((x) => x.ruleId === 'guideline-file-problem'));
    assert.equal(r?.log.athlete, 'B');
  });

  it('many keys: every key is read (one pass, no pairwise comparison)', async () => {
    const keys = Array.from({ length: 20000 }, (_, i) => `k${i}: v${i}\n`).join('');
    const r = await service.check({ text: `---\nathlete: A\n${keys}k7: again\n---\n${body}`, path: '/fm/d.athlete.md', relativePath: 'd.athlete.md', options: { today: '2026-11-04' } });
    const dup = r?.findings.filter((x) => x.ruleId === 'invalid-front-matter') ?? [];
    assert.equal(dup.length, 1);
    assert.equal(dup[0]?.range.start.line, 20003);
  });
});

describe('long lists', function () {
  this.timeout(120000);
  it('a dosage chain of 130k factors is checked without overflowing the stack', async () => {
    const text = `---\nathlete: A\n---\n## Log\n\n### 2026-11-03\n- Chair Bridge: ${Array(130000).fill('3').join('x')}\n`;
    const r = await service.check({ text, path: '/long/x.athlete.md', relativePath: 'x.athlete.md', options: { today: '2026-11-04' } });
    assert.ok(r && r.findings.length > 0);
  });

  it('lists of 200k lines, days and fixes go through loops, not spread arguments', () => {
    const entries = Array.from({ length: 200000 }, (_, i) => ({ i }));
    const lines = exerciseLines({ phases: [{ prescriptions: entries }], sessions: [{ entries }], assessment: [] } as unknown as RuleScope);
    assert.equal(lines.length, 400000);
    assert.equal(minOf(entries.map((e) => e.i)), 0);
    assert.equal(maxOf(entries.map((e) => e.i), -1), 199999);
    const text = 'ab'.repeat(150000);
    const findings = Array.from({ length: 150000 }, (_, i) => ({ fix: { edits: [{ range: { start: { offset: 2 * i }, end: { offset: 2 * i + 1 } }, text: 'c' }] } }) as unknown as Finding);
    const out = applyFixes(text, findings);
    assert.equal(out.applied, 150000);
    assert.equal(out.text, 'cb'.repeat(150000));
  });

  it('selectFixes takes the same fixes as comparing every pair (property)', () => {
    const overlaps = (a: { s: number; e: number }, b: { s: number; e: number }): boolean => (a.s === a.e && b.s === b.e ? a.s === b.s : a.s < b.e && b.s < a.e);
    const edit = fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 4 })).map(([s, l]) => ({ s, e: s + l }));
    fc.assert(fc.property(fc.array(fc.array(edit, { maxLength: 3 }), { maxLength: 30 }), (fixes) => {
      const findings = fixes.map((edits) => ({ fix: { edits: edits.map((x) => ({ range: { start: { offset: x.s }, end: { offset: x.e } }, text: 'x' })) } }) as unknown as Finding);
      const taken: { s: number; e: number }[] = [];
      const expected: number[] = [];
      fixes.forEach((edits, i) => {
        const self = edits.some((a, j) => edits.some((b, k) => k > j && overlaps(a, b)));
        if (edits.length === 0 || self || edits.some((a) => taken.some((t) => overlaps(a, t)))) {
          return;
        }
        taken.push(...edits);
        expected.push(i);
      });
      assert.deepEqual(selectFixes(findings).map((f) => findings.indexOf(f)), expected);
      applyFixes('x'.repeat(40), findings);
    }), { numRuns: 2000, seed: 18 });
  });
});
