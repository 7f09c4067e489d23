#!/usr/bin/env node
// Renders the bundled example as the handout and takes screenshots in a light and a dark theme with
// Debian's headless chromium (playwright-core, no browser download). Writes docs/preview-light.png and
// docs/preview-dark.png, shown in the README. usage: npm run screenshots
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const html = execFileSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'render', path.join(ROOT, 'examples', 'jane-runner.athlete.md'), '--today', '2026-11-11'], { encoding: 'utf8' });
// The dark shot sets the variables VS Code gives a webview in a dark theme.
const DARK = `<style>:root{--vscode-editor-foreground:#cccccc;--vscode-editor-background:#1f1f1f;--vscode-descriptionForeground:#9d9d9d;--vscode-panel-border:#3c3c3c;--vscode-editorWidget-background:#252526;--vscode-testing-iconPassed:#73c991;--vscode-editorWarning-foreground:#cca700;--vscode-editorError-foreground:#f14c4c;--vscode-textLink-foreground:#4daafc}</style>`;
mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  for (const [name, extra] of [['light', ''], ['dark', DARK]]) {
    const page = await browser.newPage({ viewport: { width: 900, height: 1400 }, deviceScaleFactor: 1 });
    await page.setContent(html.replace('</head>', `${extra}</head>`));
    const out = path.join(ROOT, 'docs', `preview-${name}.png`);
    await page.screenshot({ path: out, fullPage: false });
    console.log(`wrote ${path.relative(ROOT, out)}`);
    await page.close();
  }
} finally {
  await browser.close();
}
