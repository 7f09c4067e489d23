#!/usr/bin/env node
// Checks what a built .vsix holds: the two bundles, the data they need and the docs; no sources, tests,
// benchmarks, source maps or node_modules; and its size. usage: node scripts/check-vsix.mjs FILE.vsix
import { statSync } from 'node:fs';
import yauzl from 'yauzl';

const file = process.argv[2];
if (!file) {
  console.error('usage: check-vsix.mjs FILE.vsix');
  process.exit(2);
}
const REQUIRED = [
  'extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt',
  'extension/dist/extension.js', 'extension/dist/render.js', 'extension/dist/parse-worker.js', 'extension/dist/yaml.js', 'extension/dist/web/extension.js', 'extension/guidelines/hamstring.md', 'extension/guidelines/alfredson.md', 'extension/guidelines/acsm.md',
  'extension/snippets/athlete-log.code-snippets', 'extension/dist/webview/preview.js', 'extension/media/preview.css', 'extension/dist/webview/caseload.js', 'extension/media/caseload.css', 'extension/syntaxes/athlete-log.injection.tmLanguage.json',
];
// dist/pdf.js is the command line's PDF printing (playwright-core); the extension prints without it.
const FORBIDDEN = [/^extension\/(src|test|bench|scripts|out|examples|node_modules)\//, /\.map$/, /\.ts$/, /\.vscode-offline/, /^extension\/dist\/pdf\.js$/, /playwright/];
const MAX_BYTES = 1024 * 1024;

const entries = await new Promise((resolve, reject) => {
  yauzl.open(file, { lazyEntries: true }, (err, zip) => {
    if (err) {
      reject(err);
      return;
    }
    const names = [];
    zip.on('entry', (e) => {
      names.push(e.fileName);
      zip.readEntry();
    });
    zip.on('end', () => resolve(names));
    zip.on('error', reject);
    zip.readEntry();
  });
});
const problems = [];
for (const r of REQUIRED) {
  if (!entries.includes(r)) {
    problems.push(`missing ${r}`);
  }
}
for (const e of entries) {
  if (FORBIDDEN.some((f) => f.test(e))) {
    problems.push(`should not ship ${e}`);
  }
}
const size = statSync(file).size;
if (size > MAX_BYTES) {
  problems.push(`${size} bytes, over ${MAX_BYTES}`);
}
console.log(`${file}: ${entries.length} files, ${(size / 1024).toFixed(0)} KiB`);
for (const e of entries) {
  console.log(`  ${e}`);
}
if (problems.length > 0) {
  console.error(problems.map((p) => `check-vsix: ${p}`).join('\n'));
  process.exit(1);
}
