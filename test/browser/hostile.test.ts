/**
 * Hostile logs are inert, checked in a real headless Chromium (Debian's, driven by playwright-core).
 * Every case in test/fixtures/hostile/ is put into a log (as a session note and as an exercise name),
 * rendered, and loaded twice: as the exported handout (with its log) and inside the preview page with its
 * real CSP. Nothing may run (`window.__pwned` stays unset, no dialog), no request may leave the page, the
 * page may not navigate, and the text around the payload stays visible. The handout is then printed to PDF
 * the way `render --format pdf` prints it: no request, and the athlete's name in the PDF's text.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { caseloadPage, handoutPage, renderProgram } from '../../src/core/render/index.js';
import type { CaseloadSummary } from '../../src/core/index.js';
import { printToPdf } from '../../src/node/pdf.js';
import { previewShell } from '../../src/shared/previewHtml.js';
import { FIXTURES, read, ROOT, service } from '../helpers.js';

const CASES = path.join(FIXTURES, 'hostile');
const CSS = read(path.join(ROOT, 'media', 'preview.css'));

function logFor(payload: string, n: number): string {
  const firstLine = payload.split('\n')[0]?.slice(0, 200) ?? '';
  return [
    '---', `athlete: Hostile Case ${n}`, '---', '', '## Program', '', `- ${firstLine}: 3 x 10`, '',
    '## Log', '', '### 2026-11-03', '- Chair Bridge: 3 x 10. Pain 2/10', '', `Safe note ${n} before.`, '', payload, '',
    '### 2026-11-04', `- Chair Bridge: 3 x 10. Pain 1/10`, '', `Safe note ${n} after.`, '',
  ].join('\n');
}

interface Outcome {
  requests: string[];
  dialogs: string[];
  navigations: string[];
  pwned: unknown;
  text: string;
}

async function load(page: Page, html: string): Promise<Outcome> {
  const outcome: Outcome = { requests: [], dialogs: [], navigations: [], pwned: undefined, text: '' };
  await page.route('**/*', async (route) => {
    outcome.requests.push(route.request().url());
    await route.abort();
  });
  page.on('dialog', (d) => {
    outcome.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame() && f.url() !== 'about:blank') {
      outcome.navigations.push(f.url());
    }
  });
  await page.setContent(html, { waitUntil: 'load' });
  // Give timers, animations and autofocus a turn of the event loop inside the page, then read the result.
  // (Expressions as strings: they run in the page, which has a DOM; this file is type-checked without one.)
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)))');
  outcome.pwned = await page.evaluate('window.__pwned');
  outcome.text = String(await page.evaluate('document.body.innerText'));
  return outcome;
}

describe('hostile logs in a real browser', function () {
  this.timeout(120000);
  let browser: Browser;
  let tmp = '';
  const files = readdirSync(CASES).filter((f) => f.endsWith('.md')).sort();

  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-hostile-'));
  });

  after(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('detects a script, a request and lost text when nothing protects the page (control)', async () => {
    const page = await browser.newPage();
    try {
      const o = await load(page, '<p>control</p><script>window.__pwned = 1</script><img src="http://127.0.0.1:9/x.png">');
      assert.equal(o.pwned, 1);
      assert.deepEqual(o.requests, ['http://127.0.0.1:9/x.png']);
      assert.ok(o.text.includes('control'));
    } finally {
      await page.close();
    }
  });

  it('has at least 60 cases', () => {
    assert.ok(files.length >= 60, `${files.length} cases`);
  });

  it('every case is inert in the caseload page (athlete, coach, condition, phase and file name)', async () => {
    const summaries: CaseloadSummary[] = [];
    for (const [i, file] of files.entries()) {
      const first = read(path.join(CASES, file)).split('\n')[0]?.slice(0, 200) ?? '';
      const text = ['---', `athlete: ${JSON.stringify(`Caseload ${i + 1} ${first}`)}`, `coach: ${JSON.stringify(first)}`, `condition: ${JSON.stringify(first)}`,
        'started: 2026-11-02', '---', '', '## Program', '', `### ${first}`, '- Chair Bridge: 3 x 10, hold 5 s', '', '## Log', '', '### 2026-11-03',
        '- Chair Bridge: 3 x 10, hold 5 s. Pain 1/10', ''].join('\n');
      const where = `/hostile/${first}.athlete.md`;
      const s = await service.summarize({ text, path: where, relativePath: `${i}.athlete.md` }, '2026-11-05');
      service.forget(where);
      assert.ok(s, file);
      summaries.push(s);
    }
    const page = await browser.newPage();
    try {
      const o = await load(page, caseloadPage(summaries, '2026-11-05').html);
      assert.equal(o.pwned, undefined, 'a script ran');
      assert.deepEqual(o.dialogs, [], 'a dialog opened');
      assert.deepEqual(o.requests, [], 'a request left the page');
      assert.deepEqual(o.navigations, [], 'the page navigated');
      for (let i = 1; i <= files.length; i++) {
        assert.ok(o.text.includes(`Caseload ${i} `), `row ${i} is visible`);
      }
    } finally {
      await page.close();
    }
  });

  files.forEach((file, i) => {
    it(`${file} is inert in the handout, the preview and the PDF`, async () => {
      const payload = read(path.join(CASES, file)).replace(/\n$/, '');
      const text = logFor(payload, i + 1);
      const r = await service.check({ text });
      assert.ok(r);
      const body = renderProgram({ text, log: r.log, findings: r.findings, library: r.library, today: '2026-11-05', linkFindings: true });
      const handout = handoutPage({ text, log: r.log, findings: r.findings, library: r.library, today: '2026-11-05', choices: { log: true } }, CSS).html;
      const pages = {
        handout,
        preview: previewShell({ cspSource: 'https://preview.invalid', nonce: 'n0nce', source: 'file:///hostile.md', body }),
      };
      for (const [name, html] of Object.entries(pages)) {
        const page = await browser.newPage();
        try {
          const o = await load(page, html);
          const where = `${file} (${name})`;
          assert.equal(o.pwned, undefined, `${where}: a script ran`);
          assert.deepEqual(o.dialogs, [], `${where}: a dialog opened`);
          assert.deepEqual(o.requests, [], `${where}: a request left the page`);
          assert.deepEqual(o.navigations, [], `${where}: the page navigated`);
          assert.ok(o.text.includes(`Hostile Case ${i + 1}`), `${where}: the athlete's name is visible`);
          assert.ok(o.text.includes(`Safe note ${i + 1} before.`), `${where}: the text before the payload is visible`);
          assert.ok(o.text.includes('2026-11-04'), `${where}: the next session is visible`);
        } finally {
          await page.close();
        }
      }
      const requests: string[] = [];
      const pdf = path.join(tmp, `${i + 1}.pdf`);
      writeFileSync(pdf, await printToPdf(browser, handout, 'A4', (url) => requests.push(url)));
      assert.deepEqual(requests, [], `${file} (PDF): a request left the page`);
      const printed = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      assert.ok(printed.includes(`Hostile Case ${i + 1}`), `${file} (PDF): the athlete's name is in the PDF`);
      assert.ok(printed.includes(`Safe note ${i + 1} before.`), `${file} (PDF): the text before the payload is in the PDF`);
    });
  });
});
