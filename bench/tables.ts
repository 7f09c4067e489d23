/**
 * Logs kept as many small tables against an ordinary log of the same size: the cold check of each (a new
 * service, parsing on the worker thread as the CLI and the Node extension host do), after a warm-up on
 * smaller logs of both kinds, in one process. The goal: tables within about 3x the ordinary log.
 *
 * usage: node --expose-gc --require tsx/cjs bench/tables.ts [--mb 5]
 */
import { createNodeService } from '../src/cli/node-host.js';
import { generateLog } from './generate.js';
import { SHAPES } from './scaling.js';

function shapeOf(name: string, bytes: number): string {
  const shape = SHAPES[name];
  if (!shape) {
    throw new Error(`no shape ${name}`);
  }
  // The repeat count that makes the shape about `bytes` long (as bench/scaling.ts works it out).
  const small = shape(100).length;
  const per = (shape(1100).length - small) / 1000;
  return shape(Math.max(1, Math.round(100 + (bytes - small) / per)));
}

const KINDS: Readonly<Record<string, (bytes: number) => string>> = {
  'ordinary log (bench/generate.ts)': (b) => generateLog(b),
  'small tables in one session': (b) => shapeOf('small tables in one session', b),
  'small tables, one a session (varied)': (b) => shapeOf('small tables, one a session (varied)', b),
};

async function coldCheck(text: string): Promise<number> {
  global.gc?.();
  const service = createNodeService();
  const t0 = performance.now();
  await service.check({ text, path: '/bench/tables.athlete.md', relativePath: 'tables.athlete.md', options: { today: '2026-11-25' } });
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--mb');
  const mb = i >= 0 ? Number(process.argv[i + 1]) : 5;
  for (const make of Object.values(KINDS)) {
    await coldCheck(make(256 * 1024));
  }
  const ms: Record<string, number> = {};
  for (const [name, make] of Object.entries(KINDS)) {
    ms[name] = await coldCheck(make(mb * 1024 * 1024));
  }
  const base = ms['ordinary log (bench/generate.ts)'] ?? 1;
  process.stdout.write(`| ${mb} MB log | cold check (ms) | / ordinary |\n| --- | ---: | ---: |\n`);
  for (const [name, t] of Object.entries(ms)) {
    process.stdout.write(`| ${name} | ${t.toFixed(0)} | ${(t / base).toFixed(2)} |\n`);
  }
}

void main().then(() => process.exit(0));
