/**
 * The CLI against hostile files, as a real process on real files in a temp folder: bytes kept, safe
 * writes (links, modes, concurrent edits, interrupts), no hang on pipes, devices or link loops, no local
 * file pulled into a handout, no control character reaching the terminal, strict arguments.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync,
} from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildBundles, CLI, runCli, type CliRun } from '../helpers.js';

const TODAY = ['--today', '2026-11-10'];

const run = (args: string[], cwd: string, extra: { timeout?: number; node?: string[]; input?: string } = {}): CliRun => runCli(args, { cwd, ...extra });

/** A log with one fixable typo (`Chair Bridg`) and text around it. */
const FIXABLE = '---\nathlete: Ana Bytes\n---\n\n## Program\n\n### Phase 1\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n\n## Log\n\n### 2026-11-03\n- Chair Bridg: 3 x 10, hold 5 s\n\nNOTE\n';

/** A long log with a fixable typo every tenth session (a fix then takes a second or more). */
function longFixable(sessions: number): string {
  const out = ['---\nathlete: Long Fix\n---\n\n## Program\n\n### Phase 1\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n\n## Log\n'];
  for (let i = 0; i < sessions; i++) {
    const day = new Date(Date.UTC(2000, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    out.push(`\n### ${day}\n- ${i % 10 === 0 ? 'Chair Bridg' : 'Chair Bridge'}: 3 x 10, hold 5 s. Pain 2/10\n\nSession note ${i}.\n`);
  }
  return out.join('');
}

/** Any control character a terminal acts on (newline and tab aside). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function temps(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

describe('CLI files: bytes, safe writes, hangs, privacy, terminal', function () {
  this.timeout(60000);
  let tmp = '';
  let n = 0;
  const dir = (): string => {
    const d = path.join(tmp, `case${n++}`);
    mkdirSync(d);
    return d;
  };

  before(() => {
    buildBundles();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-files-'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('bytes', () => {
    it('--fix on a Latin-1 file changes the fixed bytes only and says the file is not UTF-8', () => {
      const d = dir();
      const before = Buffer.concat([Buffer.from(FIXABLE.replace('NOTE', 'Caf_ apr_s la s_ance')), Buffer.from([0xc0, 0x80, 0xed, 0xa0, 0x80, 0x0a])]);
      // Latin-1 é and è, an overlong NUL (C0 80) and an encoded surrogate (ED A0 80): none is valid UTF-8.
      before[before.indexOf('_')] = 0xe9;
      before[before.indexOf('_')] = 0xe8;
      before[before.indexOf('_')] = 0xe9;
      const file = path.join(d, 'latin.athlete.md');
      writeFileSync(file, before);
      const r = run(['check', '--fix', ...TODAY, 'latin.athlete.md'], d);
      assert.match(r.stderr, /1 fixed/, r.stderr);
      assert.match(r.stderr, /latin\.athlete\.md: line 15 holds bytes that are not UTF-8 \(byte 0xE9\)/);
      const expected = Buffer.concat([before.subarray(0, before.indexOf('Bridg:') + 5), Buffer.from('e'), before.subarray(before.indexOf('Bridg:') + 5)]);
      assert.deepEqual(readFileSync(file), expected);
    });

    it('reads and fixes a UTF-16 file (little and big endian, byte order mark kept)', () => {
      const d = dir();
      for (const [name, bytes] of [
        ['le.athlete.md', Buffer.from(`\ufeff${FIXABLE}`, 'utf16le')],
        ['be.athlete.md', Buffer.from(`\ufeff${FIXABLE}`, 'utf16le').swap16()],
      ] as const) {
        writeFileSync(path.join(d, name), bytes);
        const r = run(['check', '--fix', ...TODAY, name], d);
        assert.doesNotMatch(r.stdout, /missing-athlete/, r.stdout);
        assert.match(r.stderr, /1 fixed/, r.stderr);
        const fixedText = `\ufeff${FIXABLE.replace('Bridg:', 'Bridge:')}`;
        assert.deepEqual(readFileSync(path.join(d, name)), name.startsWith('le') ? Buffer.from(fixedText, 'utf16le') : Buffer.from(fixedText, 'utf16le').swap16());
      }
    });

    it('keeps a UTF-8 byte order mark, CRLF and CR-only line endings byte for byte', () => {
      const d = dir();
      const cases = { 'bom.athlete.md': `\ufeff${FIXABLE}`, 'crlf.athlete.md': FIXABLE.replace(/\n/g, '\r\n'), 'cr.athlete.md': FIXABLE.replace(/\n/g, '\r') };
      for (const [name, text] of Object.entries(cases)) {
        writeFileSync(path.join(d, name), text);
        run(['check', '--fix', ...TODAY, name], d);
        assert.equal(readFileSync(path.join(d, name), 'utf8'), text.replace('Bridg:', 'Bridge:'), name);
      }
    });
  });

  describe('safe writes', () => {
    it('refuses to write when the file changed while --fix ran, and keeps the edit', () => {
      const d = dir();
      const file = path.join(d, 'race.athlete.md');
      writeFileSync(file, FIXABLE);
      // A preload that appends to the log the moment a temp file is created: the edit lands between
      // the read and the rename.
      const hook = path.join(d, 'edit-hook.cjs');
      writeFileSync(hook, `
const fs = require('node:fs');
const log = ${JSON.stringify(file)};
let done = false;
const edit = (p) => { if (!done && String(p).endsWith('.tmp')) { done = true; fs.appendFileSync(log, 'EDITED MEANWHILE\\n'); } };
for (const name of ['open', 'writeFile']) {
  const orig = fs.promises[name];
  fs.promises[name] = function (p, ...rest) { edit(p); return orig.call(this, p, ...rest); };
}
`);
      const r = run(['check', '--fix', ...TODAY, 'race.athlete.md'], d, { node: ['--require', hook] });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, /race\.athlete\.md: the file changed since it was read; nothing was written/);
      assert.equal(readFileSync(file, 'utf8'), `${FIXABLE}EDITED MEANWHILE\n`);
      assert.deepEqual(temps(d), []);
    });

    it('fixes the target of a symlinked log and keeps the link; keeps a hard link one file', () => {
      const d = dir();
      mkdirSync(path.join(d, 'real'));
      writeFileSync(path.join(d, 'real', 'log.athlete.md'), FIXABLE);
      symlinkSync(path.join('real', 'log.athlete.md'), path.join(d, 'link.athlete.md'));
      run(['check', '--fix', ...TODAY, 'link.athlete.md'], d);
      assert.ok(lstatSync(path.join(d, 'link.athlete.md')).isSymbolicLink(), 'the link stays a link');
      assert.match(readFileSync(path.join(d, 'real', 'log.athlete.md'), 'utf8'), /Chair Bridge: 3 x 10, hold 5 s\n\nNOTE/);
      assert.deepEqual(temps(path.join(d, 'real')), []);

      writeFileSync(path.join(d, 'hard.athlete.md'), FIXABLE);
      linkSync(path.join(d, 'hard.athlete.md'), path.join(d, 'other-name.md'));
      run(['check', '--fix', ...TODAY, 'hard.athlete.md'], d);
      assert.equal(statSync(path.join(d, 'hard.athlete.md')).nlink, 2);
      assert.match(readFileSync(path.join(d, 'other-name.md'), 'utf8'), /Chair Bridge: 3 x 10, hold 5 s\n\nNOTE/);
    });

    it('keeps the mode bits; refuses a read-only file unless --force', () => {
      const d = dir();
      const file = path.join(d, 'mode.athlete.md');
      writeFileSync(file, FIXABLE);
      chmodSync(file, 0o664);
      run(['check', '--fix', ...TODAY, 'mode.athlete.md'], d);
      assert.equal(statSync(file).mode & 0o777, 0o664);
      assert.match(readFileSync(file, 'utf8'), /Bridge: 3 x 10, hold 5 s\n\nNOTE/);

      const ro = path.join(d, 'ro.athlete.md');
      writeFileSync(ro, FIXABLE);
      chmodSync(ro, 0o444);
      const refused = run(['check', '--fix', ...TODAY, 'ro.athlete.md'], d);
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /ro\.athlete\.md: the file is read-only; nothing was written/);
      assert.equal(readFileSync(ro, 'utf8'), FIXABLE);
      const forced = run(['check', '--fix', '--force', ...TODAY, 'ro.athlete.md'], d);
      assert.equal(forced.code, 0, forced.stderr);
      assert.equal(readFileSync(ro, 'utf8'), FIXABLE.replace('Bridg:', 'Bridge:'));
      assert.equal(statSync(ro).mode & 0o777, 0o444);
    });

    it('creates its temp file exclusively: a symlink planted at the temp name is not followed', async () => {
      const d = dir();
      writeFileSync(path.join(d, 'victim.athlete.md'), longFixable(300));
      writeFileSync(path.join(d, 'precious.txt'), 'keep me\n');
      // With the clock frozen, a temp name made of the pid and the time would be known in advance.
      const freeze = path.join(d, 'freeze.cjs');
      writeFileSync(freeze, 'Date.now = () => 1234567890123;\n');
      const child = spawn(process.execPath, ['--require', freeze, CLI, 'check', '--fix', ...TODAY, 'victim.athlete.md'], { cwd: d, stdio: 'ignore' });
      symlinkSync('precious.txt', path.join(d, `.victim.athlete.md.${child.pid}.1234567890123.tmp`));
      await new Promise((resolve) => child.on('exit', resolve));
      assert.equal(readFileSync(path.join(d, 'precious.txt'), 'utf8'), 'keep me\n');
      assert.ok(!lstatSync(path.join(d, 'victim.athlete.md')).isSymbolicLink());
      assert.doesNotMatch(readFileSync(path.join(d, 'victim.athlete.md'), 'utf8'), /Chair Bridg:/);
    });

    it('removes its temp file when interrupted (SIGTERM) in the middle of a write', async () => {
      const d = dir();
      writeFileSync(path.join(d, 'slow.athlete.md'), FIXABLE);
      const mark = path.join(d, 'renaming');
      // A preload that holds the rename forever, so the signal comes while the temp file exists.
      const hook = path.join(d, 'hold.cjs');
      writeFileSync(hook, `
const fs = require('node:fs');
setInterval(() => undefined, 1000);
fs.promises.rename = () => { fs.writeFileSync(${JSON.stringify(mark)}, ''); return new Promise(() => undefined); };
`);
      const child = spawn(process.execPath, ['--require', hook, CLI, 'check', '--fix', ...TODAY, 'slow.athlete.md'], { cwd: d, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      for (let i = 0; i < 400 && !existsSync(mark); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.ok(existsSync(mark), 'the fix reached its rename');
      assert.equal(temps(d).length, 1, 'a temp file exists while writing');
      child.kill('SIGTERM');
      await exited;
      assert.deepEqual(temps(d), []);
      assert.equal(readFileSync(path.join(d, 'slow.athlete.md'), 'utf8'), FIXABLE);
    });

    it('render never writes over its input, and refuses special output paths without hanging', () => {
      const d = dir();
      writeFileSync(path.join(d, 'r.athlete.md'), FIXABLE);
      symlinkSync('r.athlete.md', path.join(d, 'alias.html'));
      for (const out of ['r.athlete.md', './r.athlete.md', 'alias.html']) {
        const r = run(['render', 'r.athlete.md', '-o', out, ...TODAY], d);
        assert.equal(r.code, 2, out);
        assert.match(r.stderr, /it is one of the inputs/, out);
      }
      assert.equal(readFileSync(path.join(d, 'r.athlete.md'), 'utf8'), FIXABLE);
      for (const out of ['/proc/no-such-process/x/y.html', '/dev/null', '']) {
        const r = run(['render', 'r.athlete.md', `--out=${out}`, ...TODAY], d, { timeout: 20000 });
        assert.equal(r.code, 2, `${out}: ${r.stderr}`);
        assert.equal(r.stdout, '', out);
      }
      const ok = run(['render', 'r.athlete.md', '-o', 'new/dir/page.html', ...TODAY], d);
      assert.equal(ok.code, 0, ok.stderr);
      assert.match(readFileSync(path.join(d, 'new', 'dir', 'page.html'), 'utf8'), /^<!doctype html>/i);
    });
  });

  describe('no hang', () => {
    it('a guideline that is a FIFO, /dev/stdin, a device or too large is a finding, not a hang', () => {
      const d = dir();
      spawnSync('mkfifo', [path.join(d, 'pipe.md')]);
      writeFileSync(path.join(d, 'huge.md'), `## Chair Bridge\n- Dosage: 3 x 10\n${'x'.repeat(5 * 1024 * 1024)}\n`);
      for (const g of ['./pipe.md', '/dev/stdin', '/dev/zero', './huge.md']) {
        writeFileSync(path.join(d, 'g.athlete.md'), `---\nathlete: G\nguidelines: ${g}\n---\n## Program\n- Chair Bridge: 3 x 10\n`);
        const r = run(['check', ...TODAY, 'g.athlete.md'], d, { timeout: 20000, input: '' });
        assert.notEqual(r.code, null, `${g} hung`);
        assert.match(r.stdout, /guideline-file-problem/, g);
      }
    });

    it('globs and folder walks end on symlink loops and report each log once', () => {
      const d = dir();
      mkdirSync(path.join(d, 'loop', 'a'), { recursive: true });
      writeFileSync(path.join(d, 'loop', 'a', 'x.athlete.md'), '---\nathlete: L\n---\n## Log\n### 2026-13-40\n');
      symlinkSync('..', path.join(d, 'loop', 'a', 'up'));
      symlinkSync('.', path.join(d, 'loop', 'self'));
      for (const arg of ['loop/**/*.md', 'loop']) {
        const r = run(['check', ...TODAY, arg], d, { timeout: 20000 });
        assert.equal(r.code, 1, `${arg}: ${r.stderr}`);
        assert.equal(r.stdout.match(/invalid-date/g)?.length, 1, `${arg}: ${r.stdout}`);
      }
    });

    it('one unreadable file in a folder does not stop the others (exit 2 at the end)', () => {
      const d = dir();
      mkdirSync(path.join(d, 'logs'));
      writeFileSync(path.join(d, 'logs', 'good.athlete.md'), '---\nathlete: G\n---\n## Log\n### 2026-13-40\n');
      symlinkSync('bad.athlete.md', path.join(d, 'logs', 'bad.athlete.md'));
      const r = run(['check', ...TODAY, 'logs'], d);
      assert.equal(r.code, 2);
      assert.match(r.stdout, /logs\/good\.athlete\.md:5:5: error invalid-date/);
      assert.match(r.stderr, /cannot read logs\/bad\.athlete\.md: too many symbolic links/);
    });
  });

  describe('privacy', () => {
    it("a log's guidelines: cannot read files outside its workspace; messages name paths as written", () => {
      const d = dir();
      mkdirSync(path.join(d, 'shared'));
      mkdirSync(path.join(d, 'private'));
      mkdirSync(path.join(d, 'shared', '.git'));
      writeFileSync(path.join(d, 'private', 'notes.md'), '## Chair Bridge\n- Cues: the door code is 4321\n- Source: private notes\n');
      writeFileSync(path.join(d, 'shared', 'in.athlete.md'), '---\nathlete: In\nguidelines: ../private/notes.md\n---\n## Program\n- Chair Bridge: 3 x 10\n');
      const page = run(['render', ...TODAY, 'shared/in.athlete.md'], d);
      assert.doesNotMatch(page.stdout, /door code/);
      const r = run(['check', ...TODAY, 'shared/in.athlete.md'], d);
      assert.match(r.stdout, /guideline-file-problem .*\.\.\/private\/notes\.md.*outside the log's workspace/);
      assert.ok(!r.stdout.includes(tmp), 'no absolute path');
      const allowed = run(['render', ...TODAY, '--allow-guidelines', 'private', 'shared/in.athlete.md'], d);
      assert.match(allowed.stdout, /door code/);
    });
  });

  describe('terminal', () => {
    it('escapes control characters from logs and file names in text output', () => {
      const d = dir();
      writeFileSync(path.join(d, 'esc.athlete.md'), '---\nathlete: "Ann \u001b]0;TITLE\u0007\u001b[2J"\n---\n\n## Log\n\n### 2026-11-03\n- Zork \u001b[31mRED Lift: 3 x 10\n');
      const name = 'a\nforged.md:1:1: error x FORGED\n\u001b[2Jb.athlete.md';
      writeFileSync(path.join(d, name), '---\nathlete: B\n---\n## Log\n### 2026-13-40\n');
      const r = run(['check', ...TODAY, '.'], d);
      const out = r.stdout + r.stderr;
      assert.doesNotMatch(out, RAW_CONTROL);
      assert.match(r.stdout, /Zork \\x1b\[31mRED Lift/);
      assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('forged')).length, 0);
      assert.match(r.stdout, /^a\\nforged\.md:1:1: error x FORGED\\n\\x1b\[2Jb\.athlete\.md:5:5: error invalid-date/m);
      const text = run(['render', '--format', 'text', ...TODAY, 'esc.athlete.md'], d);
      assert.doesNotMatch(text.stdout, RAW_CONTROL);
      assert.match(text.stdout, /Ann \\x1b\]0;TITLE\\x07\\x1b\[2J/);
    });
  });

  describe('arguments', () => {
    it('exits 2 with a clear message on impossible dates, empty values, unknown rules and empty paths', () => {
      const d = dir();
      writeFileSync(path.join(d, 'a.athlete.md'), FIXABLE);
      const cases: [string[], RegExp][] = [
        [['check', '--today', '2026-02-30', 'a.athlete.md'], /bad --today 2026-02-30/],
        [['check', '--today', '2026-04-31', 'a.athlete.md'], /bad --today/],
        [['render', '--today', '2025-02-29', 'a.athlete.md'], /bad --today/],
        [['check', '--pain-threshold', '', 'a.athlete.md'], /bad --pain-threshold/],
        [['check', '--pain-threshold', '0x5', 'a.athlete.md'], /bad --pain-threshold 0x5/],
        [['check', '--rule', 'no-such-rule=off', 'a.athlete.md'], /there is no rule no-such-rule/],
        [['check', '--rule', 'invalid-date=off=error', 'a.athlete.md'], /bad --rule/],
        [['check', ''], /an empty PATH/],
        [['check', '--guidelines', '.', 'a.athlete.md'], /cannot read guideline file \.: is a folder/],
        [['check', '--allow-guidelines', 'nope', 'a.athlete.md'], /bad --allow-guidelines nope/],
        [['check', '--force', 'a.athlete.md'], /--force goes with --fix/],
      ];
      for (const [args, message] of cases) {
        const r = run(args, d);
        assert.equal(r.code, 2, args.join(' '));
        assert.match(r.stderr, message, args.join(' '));
        assert.doesNotMatch(r.stderr, /internal error|\n\s+at /, args.join(' '));
      }
    });
  });
});
