/**
 * `athlete-log --help` against the options each command's parser accepts, both ways: an option added to a
 * parser and not to the help (or the other way round) fails here. And the package's `athlete-log` command
 * is the file the build writes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { COMMAND_OPTIONS, USAGE } from '../../src/cli/main.js';
import { ROOT } from '../helpers.js';

/** The lines of the help under `Options for <command>` (up to the next blank line). */
function section(command: string): string[] {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`Options for ${command} `) || l === `Options for ${command}:`);
  if (start < 0) {
    return [];
  }
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The options a section lists: `--name` (and `-x` where a short form is given) at the start of a row. */
function listed(rows: readonly string[]): string[] {
  return rows.flatMap((r) => {
    const m = /^ {2}((?:-\w, )?--[\w-]+)/.exec(r);
    return m?.[1] ? m[1].split(', ') : [];
  }).sort();
}

function parsed(options: Readonly<Record<string, { readonly type: string; readonly short?: string }>>): string[] {
  return Object.entries(options).flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]).sort();
}

describe('athlete-log --help', () => {
  for (const [command, options] of Object.entries(COMMAND_OPTIONS)) {
    it(`lists exactly the options ${command} accepts`, () => {
      const rows = section(command);
      if (Object.keys(options).length === 0) {
        assert.ok(USAGE.includes(`${command} takes no options.`), `the help says ${command} takes no options`);
        assert.deepEqual(rows, []);
        return;
      }
      assert.deepEqual(listed(rows), parsed(options));
    });
  }

  it('shows every command in the usage lines', () => {
    for (const command of Object.keys(COMMAND_OPTIONS)) {
      assert.match(USAGE, new RegExp(`^ {2}athlete-log ${command} `, 'm'));
    }
  });

  it('is the command npm links: package.json bin names the CLI file the build writes, with a node shebang', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    assert.equal(pkg.bin?.['athlete-log'], 'dist/cli.js');
    const build = readFileSync(path.join(ROOT, 'esbuild.mjs'), 'utf8');
    assert.match(build, /outfile: 'dist\/cli\.js'/);
    assert.match(build, /#!\/usr\/bin\/env node/);
  });
});
