/**
 * The handout printed, measured on the print layout itself: each example is printed to PDF in Debian's
 * headless Chromium (playwright-core) on A4 and on Letter with the options the PDF export uses, after the
 * test marks the top and the bottom of every heading, card, chart, stop-rules box and tick sheet with a
 * tiny absolutely placed token (it takes no room in the flow). pdftotext -bbox then says on which page
 * and where each token landed: a card's two tokens on different pages is a split card; a heading whose
 * next block starts on another page is a heading at the foot of a page. Also: page counts, and chart labels
 * readable from a 320 px wide screen to paper.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { handoutPage } from '../../src/core/render/index.js';
import { LAUNCH_ARGS, pdfOptions, type Paper } from '../../src/node/pdf.js';
import { read, ROOT, service } from '../helpers.js';

const CSS = read(path.join(ROOT, 'media', 'preview.css'));

interface Probe {
  id: string;
  kind: 'heading' | 'block';
  label: string;
  /** For a heading: the probe of the block that follows it. */
  next?: string;
}

// Runs in the page (a string: this file is type-checked without a DOM).
const MARK = `(() => {
  const style = document.createElement('style');
  style.textContent = '.pq{position:absolute;left:1px;font:3px/1 monospace;color:#fff;white-space:nowrap}.pq-a{top:0}.pq-b{bottom:0}';
  document.head.appendChild(style);
  const headings = 'main h1, main h2, main h3';
  const blocks = '.card, figure.chart, .stop-rules, .tick-sheet table, .session, main p, main li, main dl';
  const all = [...document.querySelectorAll(headings + ', ' + blocks)];
  const ids = new Map();
  let n = 0;
  for (const el of all) {
    const id = 'QZ' + String(++n).padStart(4, '0');
    ids.set(el, id);
  }
  const out = [];
  for (const el of all) {
    const id = ids.get(el);
    const heading = el.matches(headings);
    let next;
    if (heading) {
      const after = all.find((e) => (el.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) && !el.contains(e) && !e.matches(headings));
      next = after ? ids.get(after) : undefined;
    }
    out.push({ id, kind: heading ? 'heading' : 'block', label: (el.textContent || '').trim().slice(0, 50), next });
  }
  for (const el of all) {
    const id = ids.get(el);
    const host = el.tagName === 'TABLE' ? el.parentElement : el;
    if (getComputedStyle(host).position === 'static') host.style.position = 'relative';
    for (const end of ['a', 'b']) {
      const s = document.createElement('span');
      s.className = 'pq pq-' + end;
      s.textContent = id + end.toUpperCase();
      if (el.tagName === 'TABLE') { s.style.top = end === 'a' ? el.offsetTop + 'px' : (el.offsetTop + el.offsetHeight - 3) + 'px'; s.style.bottom = 'auto'; }
      host.appendChild(s);
    }
  }
  return out;
})()`;

interface Placed {
  page: number;
  y: number;
}

/** Where each token landed: page (1-based) and top y, from pdftotext -bbox. */
function placements(pdfFile: string): { pages: number; at: Map<string, Placed> } {
  const xml = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const at = new Map<string, Placed>();
  let page = 0;
  for (const m of xml.matchAll(/<page |<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    if (m[0] === '<page ') {
      page++;
      continue;
    }
    for (const t of (m[2] ?? '').matchAll(/QZ\d{4}[AB]/g)) {
      if (!at.has(t[0])) {
        at.set(t[0], { page, y: Number(m[1]) });
      }
    }
  }
  return { pages: page, at };
}

interface Printed {
  pages: number;
  text: string;
  problems: string[];
}

async function printMeasured(browser: Browser, html: string, paper: Paper, dir: string, name: string): Promise<Printed> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const probes = await page.evaluate(MARK) as Probe[];
    const file = path.join(dir, `${name.replace(/[\\/]/g, "-")}-${paper}.pdf`);
    writeFileSync(file, await page.pdf(pdfOptions(paper)));
    const { pages, at } = placements(file);
    const problems: string[] = [];
    for (const p of probes) {
      const a = at.get(`${p.id}A`);
      const b = at.get(`${p.id}B`);
      if (!a || !b) {
        problems.push(`${p.label}: its marks were not found in the PDF`);
        continue;
      }
      if (p.kind === 'block' && a.page !== b.page) {
        problems.push(`split across pages ${a.page}-${b.page}: ${p.label}`);
      }
      if (p.kind === 'heading' && p.next) {
        const next = at.get(`${p.next}A`);
        if (next && next.page !== b.page) {
          problems.push(`heading at the foot of page ${b.page}: ${p.label}`);
        }
      }
    }
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    return { pages, text, problems };
  } finally {
    await page.close();
  }
}

async function handout(file: string, today: string, front: string[] = []): Promise<string> {
  let text = read(path.join(ROOT, 'examples', file));
  if (front.length > 0) {
    text = text.replace(/^---\n/, `---\n${front.join('\n')}\n`);
  }
  const r = await service.check({ text });
  assert.ok(r);
  return handoutPage({ text, log: r.log, findings: r.findings, library: r.library, today }, CSS).html;
}

/** A long program: a current phase of ten exercises, so the tick sheet cannot fit after the cards. */
function longProgram(): string {
  const names = ['Chair Bridge', 'Bridge Walk-Out', 'Power Position', 'Single-Leg Chair Bridge', 'Marching drill', 'Skipping drill'];
  const lines = ['---', 'athlete: Long Program', 'coach: Sam Coach', 'contact: 555 0100', 'started: 2026-11-02', '---', '', '## Program', '', '### Phase 1 (weeks 1-4)'];
  for (let i = 0; i < 10; i++) {
    lines.push(`- ${names[i % names.length] ?? ''}: 3 x 10, hold 5 s, 2x daily`);
  }
  lines.push('', '### Phase 2 (weeks 5-8)', '- Skipping drill: 4 bouts x 15 s, before run', '');
  return lines.join('\n');
}

describe('the handout printed (A4 and Letter, Debian chromium)', function () {
  this.timeout(180000);
  let browser: Browser;
  let dir = '';

  before(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: LAUNCH_ARGS });
    dir = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-print-'));
  });

  after(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // Every example log (sub-folders too), read on day 10 of its program.
  const EXAMPLES: [string, string][] = (readdirSync(path.join(ROOT, 'examples'), { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort().map((f) => {
    const started = /^started:\s*(\d{4}-\d{2}-\d{2})/m.exec(read(path.join(ROOT, 'examples', f)))?.[1];
    const day10 = started ? new Date(Date.parse(`${started}T00:00:00Z`) + 9 * 86_400_000).toISOString().slice(0, 10) : '2026-11-11';
    return [f, day10];
  });
  for (const paper of ['A4', 'Letter'] as const) {
    for (const [file, today] of EXAMPLES) {
      it(`${file} on ${paper}: no split card or chart, no heading at a page's foot; at most 2 pages for up to 8 exercises`, async () => {
        const html = await handout(file, today);
        const cards = (html.match(/<article class="card exercise"/g) ?? []).length;
        const r = await printMeasured(browser, html, paper, dir, file);
        assert.deepEqual(r.problems, []);
        if (cards <= 8) {
          assert.ok(r.pages >= 1 && r.pages <= 2, `${r.pages} pages for ${cards} exercises`);
        }
        assert.match(r.text, /Stop and contact your coach if/);
        assert.doesNotMatch(r.text, /out of range|in range|Check first|✗|✓/);
      });
    }

    it(`Jane's three-phase program on ${paper} is 2 pages, and with the log still splits nothing`, async () => {
      const plain = await printMeasured(browser, await handout('jane-runner.athlete.md', '2026-11-11'), paper, dir, 'jane-plain');
      assert.equal(plain.pages, 2);
      assert.match(plain.text, /Phase 1: Strength[\s\S]*Phase 2: Glute activation[\s\S]*Phase 3: Gait/);
      const withLog = await printMeasured(browser, await handout('jane-runner.athlete.md', '2026-11-11', ['handout:', '  log: yes']), paper, dir, 'jane-log');
      assert.deepEqual(withLog.problems, []);
      assert.match(withLog.text, /Felt the glutes burn/);
    });

    it(`a long current phase on ${paper}: the tick sheet moves to a fresh page whole`, async () => {
      const text = longProgram();
      const r0 = await service.check({ text });
      assert.ok(r0);
      const html = handoutPage({ text, log: r0.log, findings: r0.findings, library: r0.library, today: '2026-11-03' }, CSS).html;
      const r = await printMeasured(browser, html, paper, dir, 'long');
      assert.deepEqual(r.problems, []);
      assert.ok(r.pages >= 2, `${r.pages} pages`);
    });
  }

  it('keeps chart labels readable from a 320 px screen to paper', async () => {
    const html = await handout('jane-runner.athlete.md', '2026-11-11');
    const measure = `[...document.querySelectorAll('figure.chart svg')].flatMap((svg) => {
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    })`;
    for (const [width, media] of [[320, 'screen'], [390, 'screen'], [1200, 'screen'], [794, 'print']] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media });
        const sizes = await page.evaluate(measure) as number[];
        assert.ok(sizes.length > 10, 'chart labels found');
        const smallest = Math.min(...sizes);
        const largest = Math.max(...sizes);
        assert.ok(smallest >= 10, `${width} px ${media}: smallest chart label ${smallest.toFixed(1)} px`);
        assert.ok(largest <= 20, `${width} px ${media}: largest chart label ${largest.toFixed(1)} px`);
      } finally {
        await page.close();
      }
    }
  });
});
