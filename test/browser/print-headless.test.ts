/**
 * The editor's Export Handout as PDF path (src/node/printPdf.ts) run as a Node process, outside VS Code:
 * Debian's chromium prints the handout through its own headless printing (no playwright-core). The PDF
 * has the athlete's name on the paper size asked for; a named browser that is not there, no browser at
 * all, a "browser" that prints nothing and one that hangs past the timeout each give a clear message;
 * the temp folder is gone afterwards every time.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { handoutPage } from '../../src/core/render/index.js';
import { htmlToPdf, NoBrowserError } from '../../src/node/printPdf.js';
import { read, ROOT, service } from '../helpers.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CSS = read(path.join(ROOT, 'media', 'preview.css'));

describe('printPdf: the editor\'s PDF export through the browser\'s own headless printing (Debian chromium)', function () {
  this.timeout(180000);
  let tmp = '';
  let html = '';
  const savedTmp = process.env.TMPDIR;

  before(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-headless-'));
    // The printer's own temp folders go here, to see that each is removed.
    process.env.TMPDIR = path.join(tmp, 'scratch');
    execFileSync('mkdir', ['-p', process.env.TMPDIR]);
    const text = read(path.join(ROOT, 'examples', 'jane-runner.athlete.md'));
    const r = await service.check({ text });
    assert.ok(r);
    html = handoutPage({ text, log: r.log, findings: r.findings, library: r.library, today: '2026-11-11' }, CSS).html;
  });

  after(() => {
    if (savedTmp === undefined) {
      delete process.env.TMPDIR;
    } else {
      process.env.TMPDIR = savedTmp;
    }
    rmSync(tmp, { recursive: true, force: true });
  });

  const leftovers = (): string[] => readdirSync(path.join(tmp, 'scratch'));

  for (const [paper, size] of [['A4', /Page size:\s+59[45]\.\d+ x 84[12]\.\d+/], ['Letter', /Page size:\s+612 x 792/]] as const) {
    it(`prints Jane's handout on ${paper}: a PDF, her name and the stop rules in its text, no coach marks`, async () => {
      const done = await htmlToPdf(html, { paper, browserPath: CHROMIUM });
      const file = path.join(tmp, `jane-${paper}.pdf`);
      writeFileSync(file, done.pdf);
      assert.equal(Buffer.from(done.pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      assert.match(text, /Jane Runner/);
      assert.match(text, /Stop and contact your coach if/);
      assert.doesNotMatch(text, /out of range|Check first|✗/);
      assert.doesNotMatch(text, /file:\/\/|handout\.html/, 'no header or footer with the temp file\'s name');
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      assert.match(info, size);
      assert.match(info, /Pages:\s+2\n/, 'two pages, as the command line prints it');
      assert.deepEqual(leftovers(), []);
    });
  }

  it('finds the browser by itself (ATHLETE_LOG_BROWSER here)', async () => {
    const done = await htmlToPdf(html, { env: { ATHLETE_LOG_BROWSER: CHROMIUM }, platform: 'none' });
    assert.equal(done.browser, CHROMIUM);
    assert.equal(Buffer.from(done.pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
  });

  it('names the setting when the named browser is not there, and when none is found', async () => {
    await assert.rejects(htmlToPdf(html, { browserPath: path.join(tmp, 'no-such-browser') }), (e: unknown) => e instanceof NoBrowserError && /athleteLog\.browserPath/.test(e.message));
    await assert.rejects(htmlToPdf(html, { env: {}, platform: 'none' }), (e: unknown) => e instanceof NoBrowserError && /no Chrome, Chromium or Edge found/.test(e.message) && /athleteLog\.browserPath/.test(e.message));
    assert.deepEqual(leftovers(), []);
  });

  it('says so when the named browser prints nothing', async () => {
    const fake = path.join(tmp, 'prints-nothing');
    writeFileSync(fake, '#!/bin/sh\necho "cannot open display" >&2\nexit 1\n');
    chmodSync(fake, 0o755);
    await assert.rejects(htmlToPdf(html, { browserPath: fake }), (e: unknown) => e instanceof NoBrowserError && /printed no PDF \(exit code 1: cannot open display\)/.test(e.message));
    assert.deepEqual(leftovers(), []);
  });

  it('stops a browser that hangs, with what it started, after the timeout', async () => {
    const fake = path.join(tmp, 'hangs');
    const pidFile = path.join(tmp, 'child.pid');
    // A "browser" that starts a helper process and never prints.
    writeFileSync(fake, `#!/bin/sh\nsleep 300 &\necho $! > ${pidFile}\nwait\n`);
    chmodSync(fake, 0o755);
    await assert.rejects(htmlToPdf(html, { browserPath: fake, timeoutMs: 1500 }), (e: unknown) => e instanceof Error && /had not printed the handout after 2 s and was stopped/.test(e.message));
    const helper = Number(read(pidFile).trim());
    assert.ok(helper > 0);
    // The helper was in the browser's process group: it is gone (or a zombie about to be reaped by init).
    const state = execFileSync('sh', ['-c', `ps -o stat= -p ${helper} || true`], { encoding: 'utf8' }).trim();
    assert.ok(state === '' || state.startsWith('Z'), `helper still running: ${state}`);
    assert.deepEqual(leftovers(), []);
  });
});
