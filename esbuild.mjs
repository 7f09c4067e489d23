// Bundles the extension for the Node extension host (main) and the web-worker host (browser), and the
// command-line tool. Type checking is a separate step (`npm run check-types`), as in the VS Code esbuild
// sample. The built-in guideline library is bundled into the extension as text.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, readFileSync } from 'node:fs';

const production = process.argv.includes('--production');

// In the Node extension host the renderer (rehype, hast and their tables) is a file of its own, loaded by
// the first preview or export: the extension itself loads in less time. The web-worker host has one file,
// where esbuild still initializes the dynamically imported renderer on first use.
const renderApart = {
  name: 'render-apart',
  setup(build) {
    build.onResolve({ filter: /\/core\/render\/index\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './render.js', external: true } : undefined));
  },
};
// The web-worker host cannot start a browser: its bundle takes src/vscode/pdf.web.ts for src/node/printPdf.ts.
const webNoPdf = {
  name: 'web-no-pdf',
  setup(build) {
    build.onResolve({ filter: /\/node\/(?:pdf|printPdf)\.js$/ }, () => ({ path: new URL('./src/vscode/pdf.web.ts', import.meta.url).pathname }));
  },
};
// The command line's PDF printing (src/node/pdf.ts with playwright-core, a few MB) is a file of its own,
// dist/pdf.js, loaded by the first PDF export. The extension prints with src/node/printPdf.ts (the browser's
// own headless printing, a few KB, bundled) and the .vsix leaves dist/pdf.js out.
const pdfApart = {
  name: 'pdf-apart',
  setup(build) {
    build.onResolve({ filter: /\/node\/pdf\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: './pdf.js', external: true } : undefined));
  },
};
// playwright-core is itself a bundle that reads two JSON files next to it by computed paths at load time;
// here they are required by static paths, so that esbuild puts them into dist/pdf.js.
const playwrightInline = {
  name: 'playwright-inline',
  setup(build) {
    build.onLoad({ filter: /playwright-core[\\/]lib[\\/]coreBundle\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      let s = await readFile(args.path, 'utf8');
      const swaps = [
        [/require\((import_path\d+)\.default\.join\(packageRoot, "package\.json"\)\)/, 'require("../package.json")'],
        [/require\((import_path\d+)\.default\.join\(packageRoot, "browsers\.json"\)\)/, 'require("../browsers.json")'],
      ];
      for (const [from, to] of swaps) {
        if (!from.test(s)) {
          throw new Error(`playwright-inline: ${from} not found in playwright-core; check this plugin after an upgrade`);
        }
        s = s.replace(from, to);
      }
      return { contents: s, loader: 'js' };
    });
  },
};
// The web-worker host starts no thread of its own: its bundle takes offThread.web.ts for offThread.ts.
const webOffThread = {
  name: 'web-off-thread',
  setup(build) {
    build.onResolve({ filter: /^\.\/offThread\.js$/ }, (args) => ({ path: `${args.resolveDir}/offThread.web.ts` }));
  },
};
// In the Node extension host, yaml (a quarter of the bundle) is a file of its own, required when the first
// front matter is read: the extension loads in less time. Core code imports 'yaml' as usual; this plugin
// gives the extension bundle a stand-in whose functions load dist/yaml.js on first call.
const YAML_USED = ['parseDocument', 'isMap', 'isScalar', 'isSeq'];
const yamlApart = {
  name: 'yaml-apart',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml-apart', namespace: 'yaml-apart' }));
    build.onResolve({ filter: /^\.\/yaml\.js$/, namespace: 'yaml-apart' }, () => ({ path: './yaml.js', external: true }));
    build.onLoad({ filter: /.*/, namespace: 'yaml-apart' }, () => ({
      loader: 'js',
      contents: `let yaml;\nconst load = () => (yaml ??= require('./yaml.js'));\n${YAML_USED.map((n) => `export function ${n}(...a) { return load().${n}(...a); }`).join('\n')}\n`,
    }));
  },
};
// Every guidelines/*.md, bundled as text: `import builtin from 'athlete-log:builtin-guidelines'` gives
// `[{ path: 'built-in:<file name>', text }]` in file-name order, as the CLI reads them from disk. A new
// guideline file needs no code change.
const builtinGuidelines = {
  name: 'builtin-guidelines',
  setup(build) {
    build.onResolve({ filter: /^athlete-log:builtin-guidelines$/ }, () => ({ path: 'builtin-guidelines', namespace: 'builtin-guidelines' }));
    build.onLoad({ filter: /.*/, namespace: 'builtin-guidelines' }, () => {
      const dir = new URL('./guidelines/', import.meta.url);
      const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
      const list = files.map((f) => ({ path: `built-in:${f}`, text: readFileSync(new URL(f, dir), 'utf8') }));
      return { loader: 'js', contents: `export default ${JSON.stringify(list)};\n`, watchFiles: files.map((f) => new URL(f, dir).pathname), watchDirs: [dir.pathname] };
    });
  },
};
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  loader: { '.md': 'text', '.css': 'text' },
  legalComments: 'none',
  // yaml's ES module build (the one its `browser` export gives) initializes in a fraction of the time its
  // CommonJS build takes (~20 ms of the extension's load); it needs nothing from Node.
  alias: { yaml: './node_modules/yaml/browser/index.js' },
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
    plugins: [renderApart, yamlApart, pdfApart, builtinGuidelines],
    // `import()` becomes `require()`: the extension host's module loader is CommonJS.
    supported: { 'dynamic-import': false },
  }),
  esbuild.build({
    ...common,
    stdin: { contents: `export { ${YAML_USED.join(', ')} } from 'yaml';`, resolveDir: '.', loader: 'js' },
    outfile: 'dist/yaml.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
  }),
  // The Markdown parser's worker thread (src/node/offThread.ts), for the Node extension host and the CLI.
  esbuild.build({
    ...common,
    entryPoints: ['src/node/parseWorker.ts'],
    outfile: 'dist/parse-worker.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/node/pdf.ts'],
    outfile: 'dist/pdf.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Always minified (it is mostly playwright-core); chromium-bidi is for Firefox and is never loaded here.
    minify: true,
    sourcemap: false,
    external: ['chromium-bidi', 'chromium-bidi/*'],
    plugins: [playwrightInline],
  }),
  esbuild.build({
    ...common,
    entryPoints: ['src/core/render/index.ts'],
    outfile: 'dist/render.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
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
    plugins: [webOffThread, webNoPdf, builtinGuidelines],
    // The core uses no Node API; keep it that way in the web bundle.
    define: { 'process.env.NODE_ENV': '"production"' },
  }),
  // The preview's and the caseload page's own scripts (run in the webview, not in an extension host).
  esbuild.build({
    ...common,
    entryPoints: { preview: 'src/webview/preview.ts', caseload: 'src/webview/caseload.ts' },
    outdir: 'dist/webview',
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
    plugins: [pdfApart],
    banner: { js: '#!/usr/bin/env node' },
  }),
  // A worker of the caseload pool (src/cli/caseload.ts): the CLI starts one per core over many logs.
  esbuild.build({
    ...common,
    entryPoints: ['src/cli/caseloadWorker.ts'],
    outfile: 'dist/caseload-worker.js',
    format: 'cjs',
    platform: 'node',
    target: 'node20',
  }),
]);

// The CLI is the package's bin: executable, so `npx athlete-log` runs it in a clone (npm sets the bit only
// when it installs the package, not for the project's own bin).
chmodSync(new URL('dist/cli.js', import.meta.url), 0o755);
