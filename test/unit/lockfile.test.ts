/**
 * Speed-deciding dependency pins. micromark 4.0.3 (with micromark-core-commonmark 2.0.4) parses a 1 MB log
 * 10-15x slower than 4.0.2 + 2.0.3 on this project's machines (its edit map copies the event list whenever a
 * list closes). package.json pins them through `overrides`; this test notices when the lockfile drifts.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { read, ROOT } from '../helpers.js';

interface Lock {
  packages: Record<string, { version?: string }>;
}

describe('lockfile', () => {
  const lock = JSON.parse(read(path.join(ROOT, 'package-lock.json'))) as Lock;
  const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { overrides: Record<string, string>; devDependencies: Record<string, string> };

  it('pins micromark 4.0.2 and micromark-core-commonmark 2.0.3 wherever they are installed', () => {
    assert.equal(pkg.overrides.micromark, '4.0.2');
    assert.equal(pkg.overrides['micromark-core-commonmark'], '2.0.3');
    const seen: Record<string, Set<string>> = { micromark: new Set(), 'micromark-core-commonmark': new Set() };
    for (const [where, info] of Object.entries(lock.packages)) {
      const name = where.split('node_modules/').pop() ?? '';
      if (name in seen && info.version) {
        seen[name]?.add(info.version);
      }
    }
    assert.deepEqual([...(seen.micromark ?? [])], ['4.0.2']);
    assert.deepEqual([...(seen['micromark-core-commonmark'] ?? [])], ['2.0.3']);
  });

  it('pins every dependency to an exact version', () => {
    for (const [name, version] of Object.entries(pkg.devDependencies)) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${name}@${version}`);
    }
  });
});
