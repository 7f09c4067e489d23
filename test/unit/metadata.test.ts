/** Docs agree with the code: every rule is documented in its file and in the README; versions agree. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { RULES } from '../../src/core/index.js';
import { read, ROOT } from '../helpers.js';

describe('metadata', () => {
  const readme = read(path.join(ROOT, 'README.md'));

  for (const rule of RULES) {
    it(`${rule.id} is documented`, () => {
      const source = read(path.join(ROOT, 'src', 'core', 'rules', `${rule.id}.ts`));
      assert.ok(source.startsWith(`/**\n * \`${rule.id}\`: `), 'the rule file starts with its doc comment');
      assert.match(source, /Rationale: /);
      const row = `| [\`${rule.id}\`](#${rule.id}) | ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} |`;
      assert.ok(readme.includes(row), `README row: ${row}`);
      assert.ok(readme.includes(`\n### ${rule.id}\n`), 'README section');
      const page = read(path.join(ROOT, 'docs', 'rules', `${rule.id}.md`));
      assert.ok(page.startsWith(`# ${rule.id}\n`), `docs/rules/${rule.id}.md starts with its id`);
      assert.match(page, /\| (error|warning|information|hint) \| (yes|no) \|/, 'the page gives severity and fix');
      assert.ok(page.includes(`| ${rule.defaultSeverity} | ${rule.fixable ? 'yes' : 'no'} |`), 'the page agrees with the code');
    });
  }

  it('has rule ids in kebab-case, sorted, unique', () => {
    const ids = RULES.map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort());
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) {
      assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    }
  });

  it('lists every setting the extension contributes in the README table, with its default, in the same order', () => {
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    const settings = Object.entries(pkg.contributes.configuration.properties);
    const rows = [...readme.matchAll(/^\| `(athleteLog\.[\w.]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1], m[2]]);
    assert.deepEqual(rows, settings.map(([k, v]) => [k, JSON.stringify(v.default)]));
  });

  it('says in the Quick start what the checks say of Jane: no "follows her program" while she gets consider-regression', () => {
    const quick = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 3));
    assert.doesNotMatch(quick, /follows her program/);
    assert.match(quick, /consider-regression/);
  });

  it('keeps the README Quick start to the two commands', () => {
    const quick = /## Quick start[\s\S]*?```sh\n([\s\S]*?)```/.exec(readme)?.[1];
    assert.equal(quick, 'npm ci && npm start\nnpm test\n');
  });

  it('has the package version at the top of the CHANGELOG (after one Unreleased section, if any)', () => {
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { version: string };
    const text = read(path.join(ROOT, 'CHANGELOG.md'));
    // No version heading in between: a line starting `## ` (a bullet may quote a heading such as `### Week 1`).
    assert.match(text, new RegExp(`^# Changelog\\n\\n(## Unreleased\\n(?:(?!^## )[\\s\\S])*)?## ${pkg.version.replace(/\./g, '\\.')} `, 'm'));
    assert.ok((text.match(/^## Unreleased$/gm) ?? []).length <= 1, 'one Unreleased heading');
  });
});
