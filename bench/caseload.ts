/**
 * The caseload over many logs: `athlete-log caseload` on 2,000 generated logs (4-11 KB each, athletes,
 * conditions and last sessions varied) in a temp folder, once in one thread (`--jobs 1`) and once on the
 * worker pool (one worker process per core), each a fresh CLI process (dist/cli.js, `npm run build` first),
 * in the same run. Reports both times and their ratio, and whether both printed the same JSON. A third run,
 * one thread again but with the V8 flags the pool's workers start with (`POOL_NODE_FLAGS`), tells how much
 * of the gain is the cores and how much the workers' garbage-collection settings. Part of
 * `npm run bench` (bench/run.ts); alone: `node --require tsx/cjs bench/caseload.ts [COUNT]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { POOL_NODE_FLAGS } from '../src/cli/caseload.js';
import { generateLog } from './generate.js';

const ROOT = path.resolve(__dirname, '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Generated logs start on 2020-01-01; their last sessions fall from late January to early March. */
const TODAY = '2020-03-10';
const CONDITIONS = ['Left hamstring strain', 'Right posterior-thigh pain', 'Right mid-portion Achilles tendinopathy', 'Left patellar tendinopathy'];
const NAMES = ['Ari', 'Bea', 'Cal', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo'];

export interface CaseloadFigures {
  readonly logs: number;
  readonly jobs: number;
  readonly oneMs: number;
  readonly poolMs: number;
  /** One thread with the pool workers' V8 flags. */
  readonly oneFlaggedMs: number;
  /** One thread's time over the pool's. */
  readonly ratio: number;
  /** One thread with the workers' flags over the pool. */
  readonly flaggedRatio: number;
  /** Whether both runs printed the same caseload. */
  readonly same: boolean;
}

function timed(args: string[], nodeFlags: readonly string[] = []): { ms: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...nodeFlags, CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  // 0 or 1 (findings with errors) are both a finished run.
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`athlete-log caseload failed (${r.status}): ${r.stderr}`);
  }
  return { ms, stdout: r.stdout };
}

export function caseloadFigures(count = 2000): CaseloadFigures {
  const dir = mkdtempSync(path.join(tmpdir(), 'athlete-log-caseload-bench-'));
  try {
    const texts = Array.from({ length: 8 }, (_, i) => generateLog(4 * 1024 + i * 1024));
    for (let i = 0; i < count; i++) {
      const text = (texts[i % texts.length] ?? '')
        .replace('athlete: Bench Runner', `athlete: ${NAMES[i % NAMES.length] ?? 'Runner'} Runner ${i}`)
        .replace('condition: Left hamstring strain', `condition: ${CONDITIONS[Math.floor(i / 8) % CONDITIONS.length] ?? ''}`);
      writeFileSync(path.join(dir, `athlete-${String(i).padStart(4, '0')}.athlete.md`), text);
    }
    const jobs = availableParallelism();
    const args = ['caseload', '--format', 'json', '--today', TODAY, dir];
    const one = timed([...args, '--jobs', '1']);
    const pool = timed([...args, '--jobs', String(jobs)]);
    const flagged = timed([...args, '--jobs', '1'], POOL_NODE_FLAGS);
    return {
      logs: count,
      jobs,
      oneMs: one.ms,
      poolMs: pool.ms,
      oneFlaggedMs: flagged.ms,
      ratio: one.ms / pool.ms,
      flaggedRatio: flagged.ms / pool.ms,
      same: one.stdout === pool.stdout && flagged.stdout === pool.stdout,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The line bench/RESULTS.md gets. */
export function caseloadRow(f: CaseloadFigures): string {
  return `| ${f.logs.toLocaleString('en')} logs | ${f.oneMs.toFixed(0)} | ${f.poolMs.toFixed(0)} (${f.jobs} workers) | ${f.ratio.toFixed(2)} | ${f.oneFlaggedMs.toFixed(0)} | ${f.flaggedRatio.toFixed(2)} | ${f.jobs} | ${f.same ? 'yes' : '**no**'} |`;
}

export const CASELOAD_HEADER = [
  `| caseload | one thread, \`--jobs 1\` (ms) | worker pool (ms) | ratio | one thread with the workers' flags, \`node ${POOL_NODE_FLAGS.join(' ')}\` (ms) | ratio | cores | same output |`,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
];

if (require.main === module) {
  const f = caseloadFigures(Number(process.argv[2] ?? 2000));
  process.stdout.write(`${[...CASELOAD_HEADER, caseloadRow(f)].join('\n')}\n`);
}
