/**
 * Snippets: the checked-in file is what the generator writes from the built-in library, and the default
 * text of every snippet (choices and placeholders at their first value) checks clean.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { generate } from '../../scripts/generate-snippets.js';
import type { SnippetJson } from '../../src/core/snippets.js';
import { newLogSnippet } from '../../src/core/snippets.js';
import { read, ROOT, service } from '../helpers.js';

const FILE = path.join(ROOT, 'snippets', 'athlete-log.code-snippets');
const VARIABLES: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '25' };

/** The text a snippet inserts when every tab stop keeps its default. */
export function expandDefaults(body: string): string {
  let out = body;
  for (let i = 0; i < 5; i++) {
    out = out
      .replace(/\$\{(\d+)\|([^|]*)\|\}/g, (_m, _n, choices: string) => choices.split(',')[0] ?? '')
      .replace(/\$\{(\d+):([^{}]*)\}/g, (_m, _n, def: string) => def)
      .replace(/\$\{([A-Z_]+)\}/g, (_m, v: string) => VARIABLES[v] ?? '')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return out.replace(/\\([$}\\])/g, '$1');
}

function body(s: SnippetJson): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

describe('snippets', () => {
  const snippets = JSON.parse(read(FILE)) as Record<string, SnippetJson>;

  it('are what the generator writes from the built-in library (run `npm run snippets` after a change)', () => {
    assert.equal(read(FILE), generate(ROOT));
  });

  it('have a prefix, a body and a description each', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.prefix.length > 0 && body(s).length > 0 && s.description.length > 0, name);
    }
  });

  it('insert exercise dosages that pass every rule', async () => {
    const exercises = Object.entries(snippets).filter(([, s]) => Array.isArray(s.prefix));
    assert.ok(exercises.length >= 12);
    const lines = exercises.map(([, s]) => `- ${expandDefaults(body(s))}`);
    const text = ['---', 'athlete: Test', '---', '', '## Program', '', ...lines, ''].join('\n');
    const r = await service.check({ text });
    assert.deepEqual(r?.findings.map((f) => `${f.range.start.line}: ${f.ruleId} ${f.message}`), []);
    assert.ok(text.includes('- Chair Bridge: 2 x 10, hold 3 s, 1x daily'), text);
  });

  it('give a whole new log that checks without errors or warnings', async () => {
    for (const text of [expandDefaults(body(snippets['New athlete log'] as SnippetJson)), expandDefaults(newLogSnippet('Jane $Runner}', 'Left hamstring strain'))]) {
      const r = await service.check({ text });
      assert.ok(r, 'the template is an athlete log');
      assert.deepEqual(r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.message), []);
      assert.equal(r.log.sessions[0]?.date, '2026-11-25');
      assert.equal(r.log.phases[0]?.prescriptions[0]?.name, 'Chair Bridge');
    }
    assert.equal((await service.check({ text: expandDefaults(newLogSnippet('Jane $Runner}', 'x')) }))?.log.athlete, 'Jane $Runner}');
  });

  it('give session and phase snippets that read as sessions and phases', async () => {
    const text = ['---', 'athlete: T', '---', '## Program', expandDefaults(body(snippets['Program phase'] as SnippetJson)), '## Log', expandDefaults(body(snippets['Session for today'] as SnippetJson))].join('\n');
    const r = await service.check({ text });
    assert.deepEqual(r?.log.phases.map((p) => [p.name, p.weeks]), [['Phase 1: Strength (weeks 1-2)', { min: 1, max: 2 }]]);
    assert.equal(r?.log.sessions[0]?.date, '2026-11-25');
  });
});
