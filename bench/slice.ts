/**
 * One figure of `npm run bench`, in a process of its own: the longest stretch a cold check of a generated
 * log of `bytes` characters holds the thread, sliced as the editor slices it. Node's event-loop delay
 * monitor (a 1 ms timer; how late it fires) measures it, so garbage collection counts and waiting on the
 * parse worker does not. A fresh process per figure: nothing the other figures left (their logs, the
 * baselines' caches and garbage) is in this heap. Prints the milliseconds.
 * usage: node --require tsx/cjs bench/slice.ts BYTES
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createNodeService } from '../src/cli/node-host.js';
import { slicer } from '../src/core/scheduler/slicer.js';
import { generateLog } from './generate.js';

async function main(): Promise<void> {
  const bytes = Number(process.argv[2]);
  const text = generateLog(bytes);
  const service = createNodeService();
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await service.check({ path: '/bench/log.athlete.md', relativePath: 'log.athlete.md', options: { today: '2026-11-25' }, text, pause: slicer(() => false, () => performance.now()) });
  delay.disable();
  process.stdout.write(`${(delay.max / 1e6).toFixed(2)}\n`);
  process.exit(0);
}

void main();
