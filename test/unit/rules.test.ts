/**
 * Fixture-driven rule tests (the markdownlint scenario idea). Every folder test/fixtures/rules/<rule-id>/
 * holds ok.md (no finding of that rule), not-ok.md (markers say exactly which lines are flagged, by every
 * rule) and, for fixable rules, not-ok.fixed.md (what applying every fix gives). Re-checking the fixed
 * text must find nothing fixable. not-ok.messages.txt holds the rule's own messages on not-ok.md, as
 * `line: message`, so their wording is reviewed like code (regenerate after a deliberate change with
 * `UPDATE_MESSAGES=1 npx mocha test/unit/rules.test.ts`). New folders are picked up by themselves.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../src/core/index.js';
import { actualMarkers, checkFixture, expectedMarkers, FIXTURES, read, service } from '../helpers.js';

const RULE_FIXTURES = path.join(FIXTURES, 'rules');

describe('rules (fixtures)', () => {
  const folders = readdirSync(RULE_FIXTURES).sort();

  it('has a fixture folder for every rule and a rule for every folder', () => {
    assert.deepEqual(folders, RULES.map((r) => r.id).sort());
  });

  for (const id of folders) {
    const dir = path.join(RULE_FIXTURES, id);
    const rule = RULES.find((r) => r.id === id);
    describe(id, () => {
      it('ok.md has no finding of this rule', async () => {
        const findings = await checkFixture(path.join(dir, 'ok.md'));
        assert.deepEqual(findings.filter((f) => f.ruleId === id).map((f) => `${f.range.start.line}: ${f.message}`), []);
      });

      it('not-ok.md has exactly the marked findings', async () => {
        const file = path.join(dir, 'not-ok.md');
        const text = read(file);
        const expected = expectedMarkers(text);
        assert.ok(expected.some((m) => m.endsWith(`:${id}`)), 'not-ok.md marks at least one finding of its rule');
        const findings = await checkFixture(file, text);
        assert.deepEqual(actualMarkers(findings), expected, findings.map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId} ${f.message}`).join('\n'));
        for (const f of findings) {
          assert.ok(f.range.start.offset <= f.range.end.offset && f.range.end.offset <= text.length, 'range inside the text');
          assert.ok(f.message.length > 0);
          assert.ok(!f.message.includes('`'), `no raw backticks in a message a coach reads: ${f.message}`);
          assert.match(f.message, /^[A-Z0-9"]/, 'a message starts like a sentence');
        }
      });

      it('not-ok.messages.txt has the rule\'s messages, word for word', async () => {
        const file = path.join(dir, 'not-ok.md');
        const findings = await checkFixture(file, read(file));
        const actual = findings.filter((f) => f.ruleId === id).map((f) => `${f.range.start.line}: ${f.message}\n`).join('');
        const golden = path.join(dir, 'not-ok.messages.txt');
        if (process.env['UPDATE_MESSAGES'] === '1') {
          writeFileSync(golden, actual);
        }
        assert.ok(existsSync(golden), `${golden} exists (UPDATE_MESSAGES=1 writes it)`);
        assert.equal(actual, read(golden));
      });

      const fixedFile = path.join(dir, 'not-ok.fixed.md');
      if (rule?.fixable) {
        it('not-ok.fixed.md is what the fixes give, and re-checking finds nothing fixable', async () => {
          assert.ok(existsSync(fixedFile), 'fixable rules have not-ok.fixed.md');
          const file = path.join(dir, 'not-ok.md');
          const text = read(file);
          const findings = await checkFixture(file, text);
          assert.ok(findings.some((f) => f.ruleId === id && f.fix), 'at least one finding of the rule has a fix');
          const fixed = service.fix(text, findings).text;
          assert.equal(fixed, read(fixedFile));
          const again = await checkFixture(file, fixed);
          assert.deepEqual(again.filter((f) => f.fix).map((f) => `${f.range.start.line} ${f.ruleId} ${f.message}`), []);
        });
      } else {
        it('reports no fixes (the rule is not fixable)', async () => {
          assert.ok(!existsSync(fixedFile), 'no not-ok.fixed.md for a rule without fixes');
          const findings = await checkFixture(path.join(dir, 'not-ok.md'));
          assert.ok(findings.filter((f) => f.ruleId === id).every((f) => !f.fix));
        });
      }
    });
  }
});
