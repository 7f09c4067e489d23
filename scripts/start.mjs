#!/usr/bin/env node
// `npm start`: builds, checks the examples, and writes Jane Runner's handout as out/jane-runner.html and,
// where a Chrome, Chromium or Edge is found, as out/jane-runner.pdf (saying so when none is: the run still
// succeeds without a browser).
import { spawnSync } from 'node:child_process';

function run(args, ok = [0]) {
  const r = spawnSync(args[0], args.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
  if (!ok.includes(r.status ?? 1)) {
    process.exit(r.status ?? 1);
  }
  return r.status;
}

const LOG = 'examples/jane-runner.athlete.md';
run(['npm', 'run', '-s', 'build']);
run([process.execPath, 'dist/cli.js', 'check', 'examples/']);
run([process.execPath, 'dist/cli.js', 'render', LOG, '-o', 'out/jane-runner.html']);
// Exit code 3: no browser to print with; the CLI has said which setting, option or variable names one.
if (run([process.execPath, 'dist/cli.js', 'render', LOG, '--format', 'pdf', '-o', 'out/jane-runner.pdf'], [0, 3]) === 3) {
  console.log('npm start: no browser found, so no PDF this time; out/jane-runner.html is written (open it and print it).');
}
