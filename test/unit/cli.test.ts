/** The CLI as a user runs it: a real process, exit codes, output contracts, --fix on a copy. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLog } from '../../bench/generate.js';
import { builtinGuidelines } from '../../src/cli/node-host.js';
import { createAthleteLogService } from '../../src/core/index.js';
import { buildBundles, FIXTURES, ROOT, runCli, type CliRun } from '../helpers.js';

const run = (args: string[], cwd = ROOT): CliRun => runCli(args, { cwd });

describe('athlete-log CLI', function () {
  this.timeout(30000);
  let tmp = '';

  before(() => {
    buildBundles();
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-cli-'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('checks the bundled examples: findings as file:line:column: severity rule-id message, exit 0 without errors', () => {
    const r = run(['check', '--today', '2026-11-11', 'examples/']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.ok(lines.length > 3);
    for (const l of lines) {
      assert.match(l, /^examples\/[\w./-]+\.md:\d+:\d+: (error|warning|information|hint) [a-z-]+ .+$/);
    }
    assert.ok(lines.includes('examples/sam-sprinter.athlete.md:20:17: warning sets-out-of-range 5 sets; the Chair Bridge guideline says 2-3 sets (Hamstrung, iRunFar)'), r.stdout);
    assert.match(r.stderr, /11 logs checked/);
    assert.ok(lines.includes('examples/jane-runner.athlete.md:20:3: information adherence-low Chair Bridge logged on 4 days from 2026-11-02 to 2026-11-08; the program says 2x daily, so 7 days a week'), r.stdout);
  });

  it('prints JSON with 1-based positions, and exits 0 for a log with only notation warnings', () => {
    const r = run(['check', '--format', 'json', path.join(FIXTURES, 'rules', 'unreadable-dosage', 'not-ok.md')]);
    assert.equal(r.code, 0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    assert.ok(rows.length > 0);
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(row.severity as string));
    }
    const first = rows.find((x) => x.ruleId === 'unreadable-dosage');
    assert.deepEqual([first?.line, first?.column, first?.endLine, first?.endColumn, first?.severity], [6, 25, 6, 31, 'warning']);
  });

  it('checks a long log (parsed on its worker thread) to the end, with the findings of a check in one thread', async () => {
    const text = `${generateLog(200 * 1024)}\n### 2020-12-01\n- Chair Bridge: 9 x 10\n`;
    const file = path.join(tmp, 'long.athlete.md');
    writeFileSync(file, text);
    const r = run(['check', '--format', 'json', '--today', '2020-12-02', file]);
    assert.equal(r.code, 0, r.stderr);
    const here = await createAthleteLogService({ builtinGuidelines: builtinGuidelines() }).check({ text, path: file, relativePath: 'long.athlete.md', options: { today: '2020-12-02' } });
    const rows = JSON.parse(r.stdout) as { line: number; ruleId: string }[];
    assert.deepEqual(rows.map((x) => `${x.line} ${x.ruleId}`), (here?.findings ?? []).map((f) => `${f.range.start.line} ${f.ruleId}`));
    assert.ok(rows.some((x) => x.ruleId === 'sets-out-of-range' && x.line === text.split('\n').length - 1), r.stdout);
  });

  it('finds logs in folders and globs, and skips other Markdown', () => {
    const dir = path.join(tmp, 'glob');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'sub', 'a.athlete.md'), '---\nathlete: A\n---\n## Program\n- Chair Bridge: 9 x 10\n');
    writeFileSync(path.join(dir, 'README.md'), '# Not a log\n- Chair Bridge: 9 x 10\n');
    const folder = run(['check', dir]);
    assert.match(folder.stdout, /sub\/a\.athlete\.md:5:\d+: warning sets-out-of-range/);
    assert.doesNotMatch(folder.stdout, /README/);
    const glob = run(['check', 'glob/**/*.md'], tmp);
    assert.equal(glob.code, 0, glob.stderr);
    assert.match(glob.stdout, /^glob\/sub\/a\.athlete\.md:5/m);
  });

  it('--fix applies every fix that lowers a prescribed dose and changes nothing outside the fixes', () => {
    const src = path.join(FIXTURES, 'rules', 'sets-out-of-range', 'not-ok.md');
    const copy = path.join(tmp, 'fix.md');
    copyFileSync(src, copy);
    const r = run(['check', '--fix', copy]);
    assert.equal(r.code, 0, r.stderr);
    // Every fix but the two that raise sets (1-4 to 2-3, 1 to 2) and the two on logged sessions (the
    // record of what was done): those stay for the coach.
    const fixed = readFileSync(src.replace('.md', '.fixed.md'), 'utf8')
      .replace('Chair Bridge: 2-3 x 10', 'Chair Bridge: 1-4 x 10')
      .replace('Single-Leg Chair Bridge: 2 x 10', 'Single-Leg Chair Bridge: 1 x 10')
      .replace('Chair Bridge: 3x10, hold 5 s', 'Chair Bridge: 4x10, hold 5 s')
      .replace('Chair Bridge 3 x 10', 'Chair Bridge 6 x 10');
    assert.equal(readFileSync(copy, 'utf8'), fixed);
    // ... and the set groups' total (2 x 10, 2 x 8), which has no fix.
    assert.equal((r.stdout.match(/sets-out-of-range/g) ?? []).length, 5, r.stdout);
    assert.match(r.stderr, /2 fixed, 2 fixes not applied because they raise a dose, 2 fixes not applied because they change what a logged session records/);
  });

  it('--fix reaches the fixed point in one run and says what it changed (a renamed exercise gets its dosage fixed)', () => {
    const copy = path.join(tmp, 'sam-sprinter.athlete.md');
    copyFileSync(path.join(ROOT, 'examples', 'sam-sprinter.athlete.md'), copy);
    const r = run(['check', '--fix', copy]);
    const text = readFileSync(copy, 'utf8');
    // Round 1 renames "Skiping drill"; round 2 brings its 25 s bouts into the guideline's 10-15 s.
    assert.match(text, /^- Skipping drill: 4 bouts x 15 s, before run$/m, text);
    const again = run(['check', '--fix', copy]);
    assert.equal(readFileSync(copy, 'utf8'), text, 'a second run changes nothing');
    assert.match(r.stderr, /^\d+ fixes in .*sam-sprinter\.athlete\.md$/m, r.stderr);
    assert.doesNotMatch(again.stderr, /fixes? in /, again.stderr);
  });

  it('--fix never raises a dose: 3x/week stays 3x/week, 5 sets become 3', () => {
    const log = path.join(tmp, 'weekly.athlete.md');
    const text = '---\nathlete: A\n---\n## Program\n- Chair Bridge: 3 x 10, hold 5 s, 3x/week\n- Chair Bridge: 5 x 10, hold 5 s, 2x daily\n';
    writeFileSync(log, text);
    const r = run(['check', '--fix', log]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(log, 'utf8'), text.replace('5 x 10', '3 x 10'));
    assert.match(r.stdout, /:5:\d+: warning frequency-out-of-range/);
    assert.match(r.stderr, /1 fixed, 1 fix not applied because it raises a dose/);
  });

  it('honours --rule, --pain-threshold and --guidelines', () => {
    const log = path.join(tmp, 'opts.athlete.md');
    writeFileSync(log, '---\nathlete: A\n---\n## Log\n### 2026-11-03\n- Chair Bridge: 9 x 10\n- Heel Slide: 3 x 12, pain 4/10\n');
    const guide = path.join(tmp, 'heel.md');
    writeFileSync(guide, '## Heel Slide\n- Dosage: 2 x 10\n');
    const r = run(['check', '--rule', 'sets-out-of-range=error', '--pain-threshold', '3', '--guidelines', guide, log]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /:6:\d+: error sets-out-of-range/);
    assert.match(r.stdout, /pain-above-threshold Pain 4\/10 in Heel Slide; the pain-monitoring model allows up to 3\/10 \(Silbernagel et al. 2007\)/);
    assert.match(r.stdout, /:7:\d+: error sets-out-of-range 3 sets; the Heel Slide guideline says 2 sets \(heel\.md\)/);
    const off = run(['check', '--rule', 'sets-out-of-range=off', '--rule', 'reps-out-of-range=off', '--guidelines', guide, log]);
    assert.doesNotMatch(off.stdout, /out-of-range/);
  });

  it('exits 2 with a clear message on usage and file problems', () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage/],
      [['frobnicate'], /unknown command frobnicate/],
      [['check'], /at least one PATH/],
      [['check', '--format', 'xml', 'examples'], /unknown --format xml/],
      [['check', '--nope', 'examples'], /Unknown option '--nope'/],
      [['check', 'no/such/file.md'], /no such file or folder/],
      [['check', 'nothing-matches/**/*.md'], /no files match/],
      [['check', '--rule', 'x=loud', 'examples'], /bad --rule/],
      [['check', '--pain-threshold', '11', 'examples'], /bad --pain-threshold/],
      [['check', 'src/'], /no athlete logs found/],
      [['dosage'], /exactly one TEXT/],
      // Node's option parser explains over several lines: real line breaks, not a printed backslash-n.
      [['check', '--pain-threshold', '-1', 'examples'], /argument is ambiguous\.\nDid you forget/],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.doesNotMatch(r.stderr, /\\n/, 'no escaped line breaks');
    }
  });

  it('prints a negative --pain-threshold error as lines, not as \\n marks', () => {
    const r = run(['check', '--pain-threshold', '-1', 'examples']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--pain-threshold/);
    assert.doesNotMatch(r.stderr, /\\n/);
    assert.ok(r.stderr.trim().split('\n').length > 2, r.stderr);
  });

  it('exits 2 on an unreadable file', function () {
    if (process.getuid?.() === 0) {
      // root reads every file, so make one that no one can read: a symbolic link to itself.
      const loop = path.join(tmp, 'loop.athlete.md');
      symlinkSync(loop, loop);
      const r = run(['check', loop]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, /cannot read .*loop\.athlete\.md: .*ELOOP/);
      return;
    }
    const f = path.join(tmp, 'locked.athlete.md');
    writeFileSync(f, '---\nathlete: A\n---\n');
    chmodSync(f, 0o000);
    const r = run(['check', f]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /cannot read .*EACCES/);
  });

  it('dosage prints the parsed dosage as JSON', () => {
    const r = run(['dosage', 'two to three sets of ten reps, hold 3-6 s, once or twice daily, 5 hlod']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), {
      sets: { min: 2, max: 3 }, reps: { min: 10, max: 10 }, holdSeconds: { min: 3, max: 6 }, perDay: { min: 1, max: 2 },
      problems: [{ start: 64, end: 70, message: '"5 hlod" cannot be read as part of a dosage; did you mean "hold 5 s"?' }],
    });
    const all = JSON.parse(run(['dosage', '3x3,5,5 @ 20 kg, before run, each side, RPE 7, tempo 3-1-1, pain 2/10, 3 bouts x 1 min, 5 steps each leg, 3x/week']).stdout) as Record<string, unknown>;
    assert.deepEqual(all, {
      sets: { min: 3, max: 3 }, reps: { min: 3, max: 5 }, bouts: { min: 3, max: 3 }, boutSeconds: { min: 60, max: 60 },
      steps: { min: 5, max: 5 }, perWeek: { min: 3, max: 3 }, rpe: { min: 7, max: 7 }, pain: { min: 2, max: 2 },
      timing: 'before-run', side: 'each', load: { min: 20, max: 20, unit: 'kg' }, tempo: '3-1-1', repsPerSet: [3, 5, 5], problems: [],
    });
  });

  it('prints --help and --version', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(run(['--version']).stdout.trim(), pkg.version);
    const help = run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /athlete-log check \[options\] PATH/);
  });

  it('runs as `npx athlete-log` in the clone (the package\'s own bin, nothing downloaded)', () => {
    const r = spawnSync('npm', ['exec', '--no', '--', 'athlete-log', '--version'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(r.stdout.trim(), pkg.version);
  });
});
