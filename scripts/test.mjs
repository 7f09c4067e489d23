#!/usr/bin/env node
// `npm test`: builds, then runs every suite in turn and ends with one plain line, `N passed, N failed`,
// summed over all suites (CI reads that line; mocha's own summary says "passing"/"failing").
// A suite that fails to start, or a run with no test at all, counts as a failure.
import { spawn } from 'node:child_process';

const suites = [
  { name: 'build', cmd: 'npm', args: ['run', '-s', 'build'], counts: false },
  { name: 'unit', cmd: 'npx', args: ['mocha', '--reporter', 'spec'], counts: true },
];

function run(suite) {
  return new Promise((resolve) => {
    const child = spawn(suite.cmd, suite.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { out += d; process.stderr.write(d); });
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
  const p = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
  const f = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
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
