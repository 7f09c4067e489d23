// Bundles the extension for the Node extension host (main) and the web-worker host (browser), and the
// command-line tool. Type checking is a separate step (`npm run check-types`), as in the VS Code esbuild
// sample. The built-in guideline library is bundled into the extension as text.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  loader: { '.md': 'text', '.css': 'text' },
  legalComments: 'none',
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/web/extension.js',
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    external: ['vscode'],
    // The extension runs in a web worker, which has no DOM: prefer packages' `worker` builds
    // (decode-named-character-reference's `browser` build needs `document`).
    conditions: ['worker', 'browser'],
    // The core uses no Node API; keep it that way in the web bundle.
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
  // The preview page's own script (runs in the webview, not in an extension host).
  esbuild.build({
    ...common,
    entryPoints: ['src/webview/preview.ts'],
    outfile: 'dist/webview/preview.js',
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
