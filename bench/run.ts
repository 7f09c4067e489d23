/**
 * `npm run bench`: measures athlete-log against baselines in the same run, on generated logs of 10 KB,
 * 100 KB, 1 MB and 5 MB (bench/generate.ts), and writes bench/RESULTS.md. Benchmarks measure; no test
 * asserts a timing.
 *
 * Per size: the cold check (a new service, nothing cached); the re-check after a one-character edit at
 * the end, the middle and the start (the service keeps its per-document cache); the longest stretch the
 * check holds the thread (bench/slice.ts: Node's event-loop delay monitor during a cold check with the
 * editor's slicing, in a fresh process, worst of three); the heap it adds; and the same text through
 * `unified().use(remarkParse).parse`, markdown-it and markdownlint. Also the extension bundle's size and
 * cold load time and the .vsix size (after `npm run package`). And `athlete-log caseload` over 2,000 logs in
 * one thread against its worker pool (bench/caseload.ts), and the Athletes view's build of 2,000 logs through
 * the core's caseload store with the longest stretch it holds the thread (bench/athletes-view.ts). Then the scaling rows
 * (bench/scaling.ts): every hostile shape at doubling sizes, with the slope of time against size.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { createNodeService } from '../src/cli/node-host.js';
import { SLICE_MS } from '../src/core/scheduler/slicer.js';
import { athletesViewInFreshProcess, athletesViewRow, ATHLETES_VIEW_HEADER } from './athletes-view.js';
import { caseloadFigures, caseloadRow, CASELOAD_HEADER } from './caseload.js';
import { generateLog } from './generate.js';

const ROOT = path.resolve(__dirname, '..');
const SIZES: [string, number][] = [['10 KB', 10 * 1024], ['100 KB', 100 * 1024], ['1 MB', 1024 * 1024], ['5 MB', 5 * 1024 * 1024]];
const quick = process.argv.includes('--quick');

function ms(t0: number): number {
  return performance.now() - t0;
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Median of `runs` timings of `f` (small inputs repeat; big ones run once to keep the bench short). */
async function time(runs: number, f: () => unknown): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    t.push(ms(t0));
  }
  t.sort((a, b) => a - b);
  return t[Math.floor(t.length / 2)] ?? 0;
}

function edit(text: string, at: number): string {
  // Insert one character into the nearest note paragraph line at or after `at` (as a coach would type).
  const nl = text.indexOf('\n', Math.min(at, text.length - 1));
  const pos = nl < 0 ? text.length : nl;
  return `${text.slice(0, pos)}x${text.slice(pos)}`;
}

interface Row {
  size: string;
  cold: number;
  end: number;
  middle: number;
  start: number;
  slice: number;
  heapMb: number;
  remark: number;
  markdownIt: number;
  markdownlint: number;
}

async function measure(label: string, bytes: number): Promise<Row> {
  const text = generateLog(bytes);
  const runs = bytes <= 100 * 1024 ? 5 : 1;
  const file = path.join(ROOT, 'bench', `generated-${bytes}.athlete.md`);
  const request = { path: file, relativePath: 'bench/log.athlete.md', options: { today: '2026-11-25' } };
  // The longest stretch a cold check holds the thread (bench/slice.ts): the worst of three fresh processes.
  const slices: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(ROOT, 'bench', 'slice.ts'), String(bytes)], { cwd: ROOT, encoding: 'utf8' });
    const ms = Number(r.stdout.trim());
    if (r.status !== 0 || !Number.isFinite(ms) || r.stdout.trim() === '') {
      throw new Error(`bench/slice.ts failed: ${r.stderr.slice(0, 500)}`);
    }
    slices.push(ms);
  }
  const slice = Math.max(...slices);
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  let service = createNodeService();
  const cold = await time(runs, async () => {
    service = createNodeService();
    await service.check({ ...request, text });
  });
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 1024 / 1024;
  // Median of 5 re-checks: each is the original text checked, then the edited one timed.
  const recheck = async (at: number): Promise<number> => {
    const changed = edit(text, at);
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      await service.check({ ...request, text });
      const t0 = performance.now();
      await service.check({ ...request, text: changed });
      t.push(ms(t0));
    }
    return t.sort((a, b) => a - b)[2] ?? 0;
  };
  const end = await recheck(text.length - 200);
  const middle = await recheck(Math.floor(text.length / 2));
  const start = await recheck(40);
  const remark = await time(runs, () => unified().use(remarkParse).parse(text));
  const md = new MarkdownIt();
  const markdownIt = await time(runs, () => md.parse(text, {}));
  // markdownlint is ESM; its sync API lints one string.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { lint } = require('markdownlint/sync') as { lint: (o: { strings: Record<string, string> }) => unknown };
  const markdownlint = await time(runs, () => lint({ strings: { log: text } }));
  return { size: label, cold, end, middle, start, slice, heapMb, remark, markdownIt, markdownlint };
}

function extensionFigures(): { bundleKb: number; loadMs: number; vsixKb: number | undefined } {
  execFileSync('npm', ['run', '-s', 'package'], { cwd: ROOT, stdio: 'ignore' });
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  // A stand-in `vscode` module: every name it is asked for is a do-nothing object, so the bundle's
  // top-level code runs (what a cold load costs) without an editor.
  const names = [...new Set([...readFileSync(bundle, 'utf8').matchAll(/\b[A-Za-z_$][\w$]*\.([A-Z][A-Za-z]+|languages|window|workspace|commands|env)\b/g)].map((m) => m[1]))];
  const stub = `const Module = require('module'); const orig = Module._load;
const deep = new Proxy(function () {}, { get: (t, k) => (k === '__esModule' ? false : k === Symbol.toPrimitive ? () => 0 : deep), apply: () => deep, construct: () => deep });
const names = ${JSON.stringify(names)};
const vscode = new Proxy({}, { get: () => deep, ownKeys: () => names, getOwnPropertyDescriptor: () => ({ value: deep, enumerable: true, configurable: true }) });
Module._load = function (req, ...rest) { return req === 'vscode' ? vscode : orig.call(this, req, ...rest); };
const t0 = process.hrtime.bigint(); require(${JSON.stringify(bundle)}); console.log(Number(process.hrtime.bigint() - t0) / 1e6);`;
  const loads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = spawnSync(process.execPath, ['-e', stub], { encoding: 'utf8' });
    const t = Number(r.stdout.trim());
    if (r.status !== 0 || !Number.isFinite(t) || r.stdout.trim() === '') {
      throw new Error(`loading the bundle failed: ${r.stderr.slice(0, 500)}`);
    }
    loads.push(t);
  }
  loads.sort((a, b) => a - b);
  const vsix = path.join(ROOT, 'athlete-log.vsix');
  const figures = { bundleKb: statSync(bundle).size / 1024, loadMs: loads[2] ?? 0, vsixKb: existsSync(vsix) ? statSync(vsix).size / 1024 : undefined };
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'ignore' });
  return figures;
}

/** A workspace of many small logs, checked one after another as "Check All Logs" does. */
async function workspaceFigures(count: number): Promise<{ ms: number; heapMb: number; findings: number }> {
  const texts = Array.from({ length: 8 }, (_, i) => generateLog(4 * 1024 + i * 1024));
  const service = createNodeService();
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let findings = 0;
  for (let i = 0; i < count; i++) {
    const r = await service.check({ text: texts[i % texts.length] ?? '', path: `/ws/athlete-${i}.athlete.md`, relativePath: `athlete-${i}.athlete.md`, options: { today: '2026-11-25' } });
    findings += r?.findings.length ?? 0;
    // As the editor does for files that are not open: keep the findings, drop the parsed blocks.
    service.forget(`/ws/athlete-${i}.athlete.md`);
  }
  const ms = performance.now() - t0;
  global.gc?.(); // what is held, not garbage not yet collected
  return { ms, heapMb: (process.memoryUsage().heapUsed - heap0) / 1024 / 1024, findings };
}

function pkgVersion(name: string): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function verdict(ok: boolean): string {
  return ok ? 'met' : '**not met**';
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const [label, bytes] of quick ? SIZES.slice(0, 2) : SIZES) {
    process.stderr.write(`measuring ${label}...\n`);
    const r = await measure(label, bytes);
    rows.push(r);
    process.stderr.write(`  cold ${fmt(r.cold)} ms, re-check end ${fmt(r.end)} ms, remark ${fmt(r.remark)} ms, markdownlint ${fmt(r.markdownlint)} ms\n`);
  }
  const many = quick ? undefined : await workspaceFigures(2000);
  process.stderr.write('measuring the caseload of 2,000 logs...\n');
  const caseload = quick ? undefined : caseloadFigures(2000);
  process.stderr.write('measuring the Athletes view over 2,000 logs...\n');
  const athletes = quick ? undefined : athletesViewInFreshProcess(2000);
  const ext = extensionFigures();
  const big = rows[rows.length - 1];
  const mb = rows.find((r) => r.size === '1 MB');
  const lines = [
    '# Benchmark results',
    '',
    `Made by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${process.platform}/${process.arch}, ${cpus().length} cores. Times in milliseconds (median of 5 runs up to 100 KB, one run above), logs from \`bench/generate.ts\`. Baselines run on the same text in the same process: \`unified().use(remarkParse).parse\`, markdown-it ${pkgVersion('markdown-it')} \`parse\`, markdownlint ${pkgVersion('markdownlint')} \`lint\`. A cold check starts a new service; for a log of 64 KB or more it parses on a worker thread (src/node/offThread.ts) while this thread assembles and checks, as the CLI and the Node extension host do; the heap figure is this thread's. The longest blocking stretch is the largest delay of Node's event-loop monitor (\`perf_hooks.monitorEventLoopDelay\`, 1 ms resolution) during a cold check sliced as the editor slices it, in a fresh process (bench/slice.ts), the worst of three: garbage collection and the parse worker's share of two cores count, waiting on the worker does not.`,
    '',
    `| log | cold check | re-check, edit at end | middle | start | longest blocking stretch (${SLICE_MS} ms slicing) | heap added (MB) | remark-parse | markdown-it | markdownlint | cold / remark | cold / markdownlint | re-check / cold |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.size} | ${fmt(r.cold)} | ${fmt(r.end)} | ${fmt(r.middle)} | ${fmt(r.start)} | ${fmt(r.slice)} | ${fmt(r.heapMb)} | ${fmt(r.remark)} | ${fmt(r.markdownIt)} | ${fmt(r.markdownlint)} | ${(r.cold / r.remark).toFixed(2)} | ${(r.cold / r.markdownlint).toFixed(2)} | ${(Math.max(r.end, r.middle, r.start) / r.cold).toFixed(3)} |`),
    '',
    ...(many ? [`A workspace of 2,000 logs (4-11 KB each), checked one after another as Check All Logs does: ${fmt(many.ms)} ms in all (${fmt(many.ms / 2000)} ms a log), ${many.heapMb > 0 ? `${fmt(many.heapMb)} MB of heap held afterwards` : 'no heap held afterwards (after a collection the heap was smaller than before)'} (parsed blocks of unopened logs are dropped), ${many.findings} findings.`, ''] : []),
    ...(caseload ? [`\`athlete-log caseload --format json\` over 2,000 generated logs (4-11 KB each), each run a fresh CLI process (bench/caseload.ts); the ratio is one thread's time over the pool's; the second ratio is against one thread started with the pool workers' V8 flags (garbage collection on the thread itself, a larger young generation), which tells the cores' share of the gain from the flags' share:`, '', ...CASELOAD_HEADER, caseloadRow(caseload), ''] : []),
    ...(athletes ? ['The Athletes view\'s build over 2,000 generated logs in a temp folder (bench/athletes-view.ts, a fresh process): the core\'s caseload store (src/core/caseload/store.ts) with a Node host that reads files synchronously and gives the thread back with `setImmediate` when the store pauses; on each notice of progress the listener sorts the list and writes every athlete\'s flags, tooltip and the caseload page\'s whole table, as the view and an open page do. The longest hold is the longest stretch from getting the thread back to the next pause (`performance.now()`), file reads and redraws included, with its processor time in brackets (`process.cpuUsage()`, which other processes on a busy machine do not inflate; the collector\'s helper threads count); the event-loop delay (1 ms monitor) cross-checks it. One log is summarized before the build (modules loaded on first use).', '', ...ATHLETES_VIEW_HEADER, athletesViewRow(athletes), ''] : []),
    `Extension bundle (production): ${fmt(ext.bundleKb)} KB (the renderer, yaml and the parse worker are files of their own, loaded on first use), cold load ${fmt(ext.loadMs)} ms (median of 5, \`require\` with a stub \`vscode\`); .vsix ${ext.vsixKb === undefined ? 'not built' : `${fmt(ext.vsixKb)} KB`}.`,
    '',
    '## Targets (issue: performance)',
    '',
    '| target | measured | verdict |',
    '| --- | --- | --- |',
  ];
  if (big && big.size === '5 MB') {
    const re = Math.max(big.end, big.middle, big.start);
    lines.push(`| re-check after a one-character edit in a 5 MB log under 1/100 of its cold check | ${fmt(re)} ms vs ${fmt(big.cold)} ms (${(re / big.cold).toFixed(3)}) | ${verdict(re < big.cold / 100)} |`);
    lines.push(`| ... and under 30 ms | ${fmt(re)} ms | ${verdict(re < 30)} |`);
  }
  if (mb) {
    lines.push(`| cold check of 1 MB faster than markdownlint | ${fmt(mb.cold)} ms vs ${fmt(mb.markdownlint)} ms | ${verdict(mb.cold < mb.markdownlint)} |`);
    lines.push(`| cold check of 1 MB no slower than 1.2x bare remark-parse | ${(mb.cold / mb.remark).toFixed(2)}x | ${verdict(mb.cold <= 1.2 * mb.remark)} |`);
  }
  const longest = Math.max(...rows.map((r) => r.slice));
  lines.push(`| longest blocking slice under 50 ms at every size | ${fmt(longest)} ms (event-loop delay during a sliced cold check) | ${verdict(longest < 50)} |`);
  if (caseload) {
    // "Close to the core count": at least 80% of it.
    lines.push(`| caseload of 2,000 logs on the worker pool faster than one thread by close to the core count (${caseload.jobs}) | ${caseload.ratio.toFixed(2)}x | ${verdict(caseload.same && caseload.ratio >= 0.8 * caseload.jobs)} |`);
  }
  if (athletes) {
    lines.push(`| the Athletes view's build of 2,000 logs holds the thread under 50 ms at a time | ${fmt(athletes.holdMs)} ms (processor ${fmt(athletes.holdCpuMs)} ms; without a redraw ${fmt(athletes.readingHoldMs)} ms, processor ${fmt(athletes.readingHoldCpuMs)} ms) | ${verdict(athletes.holdMs < 50)} |`);
  }
  lines.push(`| cold load of the extension bundle under 50 ms | ${fmt(ext.loadMs)} ms | ${verdict(ext.loadMs < 50)} |`);
  lines.push(`| .vsix under 1 MB | ${ext.vsixKb === undefined ? '-' : `${fmt(ext.vsixKb)} KB`} | ${verdict(ext.vsixKb !== undefined && ext.vsixKb < 1024)} |`);
  lines.push('');
  // Scaling rows (bench/scaling.ts, in a process of its own): hostile shapes at doubling sizes, with slopes.
  process.stderr.write('measuring the scaling rows...\n');
  const scaling = spawnSync(process.execPath, ['--expose-gc', '--require', 'tsx/cjs', path.join(ROOT, 'bench', 'scaling.ts'), ...(quick ? ['--sizes', '16,32,64'] : [])], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (scaling.status !== 0) {
    throw new Error(`bench/scaling.ts failed: ${scaling.stderr.slice(0, 500)}`);
  }
  lines.push('## Scaling rows (issue: never hang)', '', 'A cold check of each hostile shape at doubling sizes (bench/scaling.ts; ms, the best of two runs below 256 KB). The slope is k in time ~ size^k, by least squares on the logs: 1 is linear.', '', scaling.stdout.trim(), '');
  const out = path.join(ROOT, 'bench', quick ? 'RESULTS.quick.md' : 'RESULTS.md');
  writeFileSync(out, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\nwrote ${path.relative(ROOT, out)}\n`);
}

void main();
