/**
 * Setting defaults live in one place, the core (SETTING_DEFAULTS in src/core/options.ts): the editor reads
 * its settings with them, and package.json's `contributes.configuration` must say the same.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { SETTING_DEFAULTS } from '../../src/core/index.js';
import { read, ROOT } from '../helpers.js';

describe('setting defaults', () => {
  it('package.json contributes every athleteLog setting with the core default', () => {
    const pkg = JSON.parse(read(path.join(ROOT, 'package.json'))) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    const contributed = Object.fromEntries(Object.entries(pkg.contributes.configuration.properties).map(([key, p]) => [key.replace(/^athleteLog\./, ''), p.default]));
    assert.deepEqual(contributed, JSON.parse(JSON.stringify(SETTING_DEFAULTS)));
  });
});
