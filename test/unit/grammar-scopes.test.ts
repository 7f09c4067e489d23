/**
 * The highlighting grammar uses only scopes the common themes colour (the scope tests themselves are in
 * test/grammar/, run by `npm test`): a number is constant.numeric.*, a unit keyword.other.unit.*, the
 * other dosage words keyword.other.*; nothing is left to a scope that Dark+ and Light+ show as plain text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers.js';

const COLOURED = ['constant.numeric.', 'keyword.other.', 'keyword.operator.'];
/** Scopes that carry no colour on purpose: separators and whole-match wrappers. */
const PLAIN = ['punctuation.separator.', 'meta.'];

function names(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((n) => names(n, out));
  } else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'name' && typeof v === 'string') {
        out.push(v);
      } else {
        names(v, out);
      }
    }
  }
  return out;
}

describe('highlighting grammar', () => {
  const grammar: unknown = JSON.parse(readFileSync(path.join(ROOT, 'syntaxes', 'athlete-log.injection.tmLanguage.json'), 'utf8'));

  it('names only standard scopes that themes colour (or plain separators), each ending in .athlete-log', () => {
    const all = [...new Set(names(grammar))];
    assert.ok(all.length > 10);
    for (const n of all) {
      assert.ok(n.endsWith('.athlete-log'), n);
      assert.ok([...COLOURED, ...PLAIN].some((root) => n.startsWith(root)), `${n} is not a scope the default themes colour`);
    }
    assert.ok(all.includes('constant.numeric.dosage.athlete-log'));
    assert.ok(all.includes('keyword.other.unit.athlete-log'));
  });
});
