/**
 * The PDF path as a user runs it: `athlete-log render --format pdf` as a real process (dist/cli.js, built by
 * `npm test` first), printing with Debian's chromium. The file must be a PDF whose text has the athlete's
 * name; a browser that is not there gives exit code 3 and a message naming the setting; and `npm start`'s
 * script goes on without a browser. Also the browser search order, and the CLI summary's plurals.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { browserCandidates, NoBrowserError } from '../../src/node/pdf.js';
import { CLI, runCli, type CliRun } from '../helpers.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const run = (args: string[], env: NodeJS.ProcessEnv = {}): CliRun => runCli(args, { env, timeout: 120000 });

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pages(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
}

describe('athlete-log render --format pdf (a real process, Debian chromium)', function () {
  this.timeout(180000);
  let tmp = '';

  before(() => {
    assert.ok(existsSync(CLI), 'dist/cli.js is built (npm test builds first; or npm run build)');
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-pdf-'));
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  for (const paper of ['a4', 'letter']) {
    it(`writes Jane's handout as a ${paper} PDF: a PDF, her name in its text, 2 pages, stop rules, no coach marks`, () => {
      const out = path.join(tmp, `jane-${paper}.pdf`);
      const r = run(['render', 'examples/jane-runner.athlete.md', '--format', 'pdf', '--paper', paper, '--today', '2026-11-11', '--browser', CHROMIUM, '-o', out]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(readFileSync(out).subarray(0, 5).toString('latin1'), '%PDF-');
      const text = pdfText(out);
      assert.match(text, /Jane Runner/);
      assert.match(text, /Stop and contact your coach if/);
      assert.doesNotMatch(text, /out of range|Check first|✗/);
      assert.equal(pages(out), 2);
      const size = execFileSync('pdfinfo', [out], { encoding: 'utf8' });
      assert.match(size, paper === 'a4' ? /Page size:\s+595\.\d+ x 841\.\d+|Page size:\s+595\.\d+ x 842\.\d+/ : /Page size:\s+612 x 792/);
    });
  }

  it('finds the browser by itself (ATHLETE_LOG_BROWSER here) and takes the PDF format from -o NAME.pdf', () => {
    const out = path.join(tmp, 'sam.pdf');
    const r = run(['render', 'examples/sam-sprinter.athlete.md', '--today', '2026-11-11', '-o', out], { ATHLETE_LOG_BROWSER: CHROMIUM });
    assert.equal(r.code, 0, r.stderr);
    assert.match(pdfText(out), /Sam Sprinter/);
  });

  it('says how to name a browser when the one named is not there, with exit code 3', () => {
    const r = run(['render', 'examples/jane-runner.athlete.md', '--format', 'pdf', '--browser', path.join(tmp, 'no-such-browser'), '-o', path.join(tmp, 'x.pdf')]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /athleteLog\.browserPath/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(path.join(tmp, 'x.pdf')), false);
  });

  it('asks for -o with --format pdf', () => {
    const r = run(['render', 'examples/jane-runner.athlete.md', '--format', 'pdf']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /needs -o OUT\.pdf/);
  });

  it('takes --charts and --log for the handout', () => {
    const out = path.join(tmp, 'choices.html');
    const r = run(['render', 'examples/jane-runner.athlete.md', '--today', '2026-11-11', '--charts', 'no', '--log', 'yes', '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(out, 'utf8');
    assert.doesNotMatch(html, /<figure class="chart/);
    assert.match(html, /<section class="log">/);
  });

  it('searches ATHLETE_LOG_BROWSER, CHROME_PATH, Chrome, Edge, then Chromium where it installs', () => {
    const none = browserCandidates(undefined, {}, 'linux', () => false);
    assert.deepEqual(none, []);
    const all = browserCandidates(undefined, { ATHLETE_LOG_BROWSER: '/opt/mine/chrome', CHROME_PATH: '/opt/other/chrome' }, 'linux', () => true);
    assert.deepEqual(all.map((c) => c.executablePath).slice(0, 5), ['/opt/mine/chrome', '/opt/other/chrome', '/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge', '/usr/bin/chromium']);
    const win = browserCandidates(undefined, { LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local' }, 'win32', () => true);
    assert.ok(win.some((c) => c.executablePath === 'C:\\Users\\a\\AppData\\Local\\Chromium\\Application\\chrome.exe'));
    assert.equal(win[0]?.executablePath, 'C:\\Users\\a\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    assert.throws(() => browserCandidates('/nope/chrome', {}, 'linux', () => false), (e: unknown) => e instanceof NoBrowserError && /athleteLog\.browserPath/.test(e.message));
  });

  it('says "1 warning, 1 note" in the check summary', () => {
    const log = path.join(tmp, 'one.athlete.md');
    writeFileSync(log, '---\nathlete: One Each\nstarted: 2026-11-02\n---\n\n## Program\n- Chair Bridge: 5 x 10, hold 5 s, 1x daily\n- Foo Widget Raise: 3 x 10\n');
    const r = run(['check', '--today', '2026-11-03', log]);
    assert.match(r.stderr, /^1 log checked: 0 errors, 1 warning, 1 note$/m);
  });
});
