#!/usr/bin/env node
// Pictures for the README, taken with Debian's headless chromium (playwright-core, no browser download):
//   docs/handout.png           the athlete's handout of the bundled example, as printed (page 1 of the PDF
//   docs/handout-page2.png     and page 2, A4, rendered with pdftoppm from poppler-utils)
//   docs/preview-light.png     the coach's preview in a light theme
//   docs/preview-dark.png      the same in a dark theme
// Each is stored with a palette of 256 colors (upng-js): under half the size, and the .vsix stays under 1 MB.
// usage: npm run screenshots
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import UPNG from 'upng-js';

/** Rewrites a PNG with a palette of 256 colors. */
function quantize(file) {
  const img = UPNG.decode(readFileSync(file));
  writeFileSync(file, Buffer.from(UPNG.encode(UPNG.toRGBA8(img), img.width, img.height, 256)));
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const LOG = path.join(ROOT, 'examples', 'jane-runner.athlete.md');
const TODAY = '2026-11-11';
const BROWSER = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const DOCS = path.join(ROOT, 'docs');
mkdirSync(DOCS, { recursive: true });

// The handout, printed the way `render --format pdf` prints it, then each page as a picture.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'athlete-log-shots-'));
try {
  const pdf = path.join(tmp, 'handout.pdf');
  execFileSync(process.execPath, [CLI, 'render', LOG, '--today', TODAY, '--format', 'pdf', '--browser', BROWSER, '-o', pdf], { stdio: 'inherit' });
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(tmp, 'page')]);
  renameSync(path.join(tmp, 'page-1.png'), path.join(DOCS, 'handout.png'));
  renameSync(path.join(tmp, 'page-2.png'), path.join(DOCS, 'handout-page2.png'));
  quantize(path.join(DOCS, 'handout.png'));
  quantize(path.join(DOCS, 'handout-page2.png'));
  console.log('wrote docs/handout.png, docs/handout-page2.png');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// The coach's preview: everything (ranges, marks, findings).
const html = execFileSync(process.execPath, [CLI, 'render', LOG, '--view', 'coach', '--today', TODAY], { encoding: 'utf8' });
// The dark shot sets the variables VS Code gives a webview in a dark theme.
const DARK = `<style>:root{--vscode-editor-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-descriptionForeground:#9d9d9d;--vscode-panel-border:#3c3c3c;--vscode-editorWidget-background:#252526;--vscode-testing-iconPassed:#73c991;--vscode-editorWarning-foreground:#cca700;--vscode-editorError-foreground:#f14c4c;--vscode-textLink-foreground:#4daafc}</style>`;
const browser = await chromium.launch({ executablePath: BROWSER, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
try {
  for (const [name, extra] of [['light', ''], ['dark', DARK]]) {
    const page = await browser.newPage({ viewport: { width: 900, height: 1400 }, deviceScaleFactor: 1 });
    await page.setContent(html.replace('</head>', `${extra}</head>`));
    const out = path.join(DOCS, `preview-${name}.png`);
    await page.screenshot({ path: out, fullPage: false });
    quantize(out);
    console.log(`wrote ${path.relative(ROOT, out)}`);
    await page.close();
  }
} finally {
  await browser.close();
}
