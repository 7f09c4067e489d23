/**
 * Scaling rows: the time of a cold check against the size of the log, for every hostile shape the attack
 * on issue #18 found (storms of inline openers, deep nesting, many front-matter keys, repeated phases and
 * prescriptions, long dosage chains, many entries, sessions and pain points, many small tables (in one
 * session, and one a session), deep indentation and quotes), at doubling sizes. The slope is the exponent
 * k of time ~ size^k (least squares on log time against log size): 1 is linear; above SLOPE_LIMIT the row
 * is flagged. Benchmarks measure; no test asserts a timing. `npm run bench` runs this and puts its table in bench/RESULTS.md.
 *
 * usage: node --expose-gc --require tsx/cjs bench/scaling.ts [--sizes 32,64,128,256,512] [--shapes a,b]
 * (sizes in KB). Prints a Markdown table; the last line says how many rows are flagged.
 */
import { createNodeService } from '../src/cli/node-host.js';

/** Above this exponent a row is flagged as not near-linear. */
export const SLOPE_LIMIT = 1.25;

const FRONT = '---\nathlete: Sky Scale\n---\n\n';
const BASE = '## Program\n\n### Phase 1\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n\n## Log\n\n### 2026-11-03\n- Chair Bridge: 3 x 10, hold 5 s. Pain 2/10\n\n';

function day(i: number): string {
  return new Date(Date.UTC(2001, 0, 1) + i * 86400000).toISOString().slice(0, 10);
}

function lines(n: number, line: (i: number) => string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(line(i));
  }
  return out.join('');
}

/** Each shape: a log with `n` repeats of its pattern. */
export const SHAPES: Readonly<Record<string, (n: number) => string>> = {
  'emphasis storm (one note)': (n) => `${FRONT}${BASE}${'*q_'.repeat(n)}\n`,
  'bracket storm (one note)': (n) => `${FRONT}${BASE}${'['.repeat(n)}q${']'.repeat(n)}\n`,
  'CDATA openers (one note)': (n) => `${FRONT}${BASE}${'q <![CDATA[ '.repeat(n)}\n`,
  'comment and <? openers (one note)': (n) => `${FRONT}${BASE}${'q <!-- r <? '.repeat(n)}\n`,
  'nested emphasis (one note)': (n) => `${FRONT}${BASE}${'*q **q '.repeat(n)}z${' q** q*'.repeat(n)}\n`,
  'front-matter keys': (n) => `---\nathlete: Sky Scale\n${lines(n, (i) => `field${i}: value ${i}\n`)}---\n\n${BASE}`,
  'phases prescribing one exercise': (n) => `${FRONT}## Program\n\n${lines(n, (i) => `### Phase ${i + 1}\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n`)}`,
  'one phase, one exercise repeated': (n) => `${FRONT}## Program\n\n### Phase 1\n${'- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n'.repeat(n)}`,
  'dosage chain 3x3x3...': (n) => `${FRONT}## Log\n\n### 2026-11-03\n- Chair Bridge: ${Array.from({ length: n }, () => '3').join('x')}\n`,
  'entries in one session': (n) => `${FRONT}## Log\n\n### 2026-11-03\n${'- Chair Bridge: 3 x 10, hold 5 s. Pain 2/10\n'.repeat(n)}`,
  'sessions (no start date)': (n) => `${FRONT}## Log\n${lines(n, (i) => `### ${day(i)}\n`)}`,
  'pain points, 1000 a session': (n) => `${FRONT}## Log\n${lines(n, (i) => `${i % 1000 === 0 ? `\n### ${day(i / 1000)}\n` : ''}- Chair Bridge: 3 x 10. Pain 3/10\n`)}`,
  'small tables in one session': (n) => `${FRONT}${BASE}${'| set | reps |\n|---|---|\n| 1 | 10 |\n\n'.repeat(n)}`,
  'small tables, one a session (varied)': (n) => `${FRONT}## Log\n${lines(n, (i) => `\n### ${day(i)}\n\n| set | reps | load |\n|---|---:|---|\n| 1 | ${8 + (i % 5)} | ${20 + (i % 9)} kg |\n| 2 | ${6 + (i % 4)} | body |\n`)}`,
  'deeply indented lines': (n) => `${FRONT}${BASE}${`${' '.repeat(140)}- Chair Bridge: 3 x 10. Pain 4/10\n`.repeat(n)}`,
  'deep quotes (70 >)': (n) => `${FRONT}${BASE}${`${'>'.repeat(70)} Chair Bridge: 3 x 10. Pain 4/10\n\n`.repeat(n)}`,
  'one list line nested n deep': (n) => `${FRONT}${BASE}${'- '.repeat(n)}deep\n`,
};

/** The repeat count that makes `shape` about `bytes` long. */
function countFor(shape: (n: number) => string, bytes: number): number {
  const small = shape(100).length;
  const large = shape(1100).length;
  const per = (large - small) / 1000;
  return Math.max(1, Math.round(100 + (bytes - small) / per));
}

/** Exponent k of time ~ size^k, by least squares on the logs. */
export function slope(points: readonly { size: number; ms: number }[]): number {
  const xs = points.map((p) => Math.log(p.size));
  const ys = points.map((p) => Math.log(Math.max(p.ms, 0.01)));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += ((xs[i] ?? 0) - mx) * ((ys[i] ?? 0) - my);
    den += ((xs[i] ?? 0) - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

async function coldCheck(text: string): Promise<number> {
  global.gc?.();
  const service = createNodeService();
  const t0 = performance.now();
  await service.check({ text, path: '/bench/scaling.athlete.md', relativePath: 'scaling.athlete.md', options: { today: '2026-11-25' } });
  return performance.now() - t0;
}

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

export interface ScalingRow {
  readonly shape: string;
  readonly points: readonly { size: number; ms: number }[];
  readonly slope: number;
}

/** Measures every shape at every size (KB); the best of two runs below 256 KB, one run above. */
export async function measureScaling(sizesKb: readonly number[], only?: readonly string[], progress?: (s: string) => void): Promise<ScalingRow[]> {
  const rows: ScalingRow[] = [];
  // Warm up: the first check in a process compiles the parser and the rules.
  for (let i = 0; i < 3; i++) {
    await coldCheck(`${FRONT}${BASE}`.repeat(20));
  }
  for (const [name, shape] of Object.entries(SHAPES)) {
    if (only && !only.some((o) => name.includes(o))) {
      continue;
    }
    const points: { size: number; ms: number }[] = [];
    for (const kb of sizesKb) {
      const text = shape(countFor(shape, kb * 1024));
      const runs = kb < 256 ? 2 : 1;
      let best = Infinity;
      for (let r = 0; r < runs; r++) {
        best = Math.min(best, await coldCheck(text));
      }
      points.push({ size: text.length, ms: best });
    }
    const row = { shape: name, points, slope: slope(points) };
    progress?.(`${name}: ${points.map((p) => `${fmt(p.ms)} ms`).join(', ')}; slope ${row.slope.toFixed(2)}`);
    rows.push(row);
  }
  return rows;
}

/** The rows as a Markdown table (sizes as column heads), and how many are flagged. */
export function scalingTable(rows: readonly ScalingRow[], sizesKb: readonly number[]): { lines: string[]; flagged: number } {
  const head = `| shape | ${sizesKb.map((kb) => (kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`)).join(' | ')} | slope (time ~ size^k) | verdict |`;
  const rule = `| --- | ${sizesKb.map(() => '---:').join(' | ')} | ---: | --- |`;
  let flagged = 0;
  const body = rows.map((r) => {
    const bad = r.slope > SLOPE_LIMIT;
    flagged += bad ? 1 : 0;
    return `| ${r.shape} | ${r.points.map((p) => fmt(p.ms)).join(' | ')} | ${r.slope.toFixed(2)} | ${bad ? '**above linear**' : 'near-linear'} |`;
  });
  return { lines: [head, rule, ...body], flagged };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const sizesKb = (arg('--sizes') ?? '32,64,128,256,512').split(',').map(Number).filter((n) => n > 0);
  const only = arg('--shapes')?.split(',');
  const rows = await measureScaling(sizesKb, only, (s) => process.stderr.write(`${s}\n`));
  const { lines: table, flagged } = scalingTable(rows, sizesKb);
  process.stdout.write(`${table.join('\n')}\n\n${flagged === 0 ? 'every row near-linear' : `${flagged} row(s) above linear`} (slope limit ${SLOPE_LIMIT}; cold check time in ms)\n`);
}

if (require.main === module) {
  void main().then(() => process.exit(0));
}
