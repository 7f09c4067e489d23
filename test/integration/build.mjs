// Bundles the integration suite: out/integration/node.js (Node host, mocha from node_modules) and
// out/integration/web.js (web-worker host, mocha's browser build and the npm assert polyfill inside).
import * as esbuild from 'esbuild';

const common = { bundle: true, sourcemap: 'inline', logLevel: 'warning', external: ['vscode'], loader: { '.md': 'text' } };
await Promise.all([
  esbuild.build({
    ...common, entryPoints: { node: 'test/integration/suite/index.node.ts' }, outdir: 'out/integration',
    format: 'cjs', platform: 'node', target: 'node20', external: ['vscode', 'mocha'],
  }),
  esbuild.build({
    ...common, entryPoints: { web: 'test/integration/suite/index.web.ts' }, outdir: 'out/integration',
    format: 'cjs', platform: 'browser', target: 'es2022', define: { global: 'globalThis' }, conditions: ['worker', 'browser'],
    inject: ['test/integration/web-shims.js'],
  }),
]);
