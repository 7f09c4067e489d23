/**
 * The Athletes view's build over many logs: the core's caseload store (src/core/caseload/store.ts) reads
 * 2,000 generated logs (4-11 KB each) from a temp folder with a Node host, as the editor's host does with
 * `workspace.fs`, giving the thread back with `setImmediate` whenever the store pauses. Each time the store
 * tells its listener that the build moved on, the listener does what the view and an open caseload page do:
 * the attention-sorted list, each athlete's flags and tooltip, the page's whole table.
 *
 * Measures the total time of the first build, of a refresh with nothing changed (every file stat-ed, none
 * read), and the longest stretch the thread was held: from the moment the store got the thread back to the
 * next pause (`performance.now()`), so everything the build does counts, the synchronous file reads and
 * the listener's redraws included, and the processor time of the same stretch (`process.cpuUsage()`), which
 * other processes on a busy machine do not inflate; and, as a cross-check, the largest delay of Node's
 * event-loop monitor.
 * Also the longest single redraw. One log is summarized before the build, outside the figures, as the
 * editor has done by the time a log was open: the modules loaded on first use (yaml) are loaded, and here
 * (tsx) compiled. Part of `npm run bench` (bench/run.ts, in a fresh process); alone:
 * `node --require tsx/cjs bench/athletes-view.ts [COUNT]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createNodeService } from '../src/cli/node-host.js';
import { CaseloadStore, type CaseloadHost } from '../src/core/caseload/store.js';
import { SETTING_DEFAULTS } from '../src/core/options.js';
import { caseloadPage } from '../src/shared/caseloadPage.js';
import { athleteItemWords } from '../src/shared/caseloadWords.js';
import { generateLog } from './generate.js';

/** Generated logs start on 2020-01-01; their last sessions fall from late January to early March. */
const TODAY = '2020-03-10';

export interface AthletesViewFigures {
  readonly logs: number;
  readonly listed: number;
  /** The first build, from the first file to the last. */
  readonly buildMs: number;
  /** A refresh with every file unchanged. */
  readonly refreshMs: number;
  /** The longest stretch between two pauses (performance.now()). */
  readonly holdMs: number;
  /** The same among the stretches without a redraw: the reading and summarizing alone. */
  readonly readingHoldMs: number;
  /**
   * The two in processor time (process.cpuUsage(): this process's, so a collector thread's work counts
   * too): what the stretch costs, whatever else the machine runs.
   */
  readonly holdCpuMs: number;
  readonly readingHoldCpuMs: number;
  /** The largest event-loop delay during the build (perf_hooks, 1 ms resolution). */
  readonly loopDelayMs: number;
  /** The longest redraw of the list and the page (part of a hold). */
  readonly redrawMs: number;
  readonly pauses: number;
  readonly redraws: number;
}

export async function athletesViewFigures(count = 2000): Promise<AthletesViewFigures> {
  const dir = mkdtempSync(path.join(tmpdir(), 'athlete-log-athletes-bench-'));
  try {
    const texts = Array.from({ length: 8 }, (_, i) => generateLog(4 * 1024 + i * 1024));
    for (let i = 0; i < count; i++) {
      const text = (texts[i % texts.length] ?? '').replace('athlete: Bench Runner', `athlete: Runner ${i}`);
      writeFileSync(path.join(dir, `athlete-${String(i).padStart(4, '0')}.athlete.md`), text);
    }
    const service = createNodeService();
    await service.summarize({ text: texts[0] ?? '', path: '/warm-up.athlete.md', options: { today: TODAY } }, TODAY);
    service.forget('/warm-up.athlete.md');
    let resumed = performance.now();
    let resumedCpu = process.cpuUsage();
    let holdMs = 0;
    let holdCpuMs = 0;
    let readingHoldMs = 0;
    let readingHoldCpuMs = 0;
    let redrawn = false;
    let pauses = 0;
    const resume = (): void => {
      resumed = performance.now();
      resumedCpu = process.cpuUsage();
    };
    const held = (): void => {
      const ms = performance.now() - resumed;
      const cpu = process.cpuUsage(resumedCpu);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      holdMs = Math.max(holdMs, ms);
      holdCpuMs = Math.max(holdCpuMs, cpuMs);
      if (!redrawn) {
        readingHoldMs = Math.max(readingHoldMs, ms);
        readingHoldCpuMs = Math.max(readingHoldCpuMs, cpuMs);
      }
      redrawn = false;
    };
    const host: CaseloadHost<string> = {
      list: () => Promise.resolve(readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => path.join(dir, f))),
      key: (file) => file,
      stat(file) {
        const s = statSync(file);
        return Promise.resolve({ version: `m${s.mtimeMs}:${s.size}`, size: s.size });
      },
      read: (file) => Promise.resolve(readFileSync(file, 'utf8')),
      maxFileSize: () => SETTING_DEFAULTS.maxFileSize,
      async summarize(file, text, today, pause) {
        const summary = await service.summarize({ text, path: file, relativePath: path.basename(file), options: { today }, pause }, today);
        service.forget(file);
        return summary;
      },
      guidelineForEveryLog: () => false,
      today: () => TODAY,
      now: () => performance.now(),
      yieldThread() {
        held();
        pauses++;
        return new Promise((resolve) => setImmediate(() => {
          resume();
          resolve();
        }));
      },
      building(end) {
        resume();
        void end.then(held);
      },
    };
    let redrawMs = 0;
    let redraws = 0;
    const store = new CaseloadStore<string>(host, {
      onChange() {
        // What the Athletes view and an open caseload page do on each notice.
        const t0 = performance.now();
        const entries = store.entries();
        let chars = 0;
        for (const e of entries) {
          const words = athleteItemWords(e.summary);
          chars += words.flags.length + words.tooltip.length;
        }
        chars += caseloadPage({
          cspSource: 'vscode-resource:', nonce: '0123456789abcdef', styleUri: 'caseload.css', scriptUri: 'caseload.js',
          rows: entries.map((e) => ({ uri: e.key, summary: e.summary })), note: `${entries.length} athletes`,
        }).length;
        redrawMs = Math.max(redrawMs, performance.now() - t0);
        redrawn = true;
        redraws += chars > 0 ? 1 : 0;
      },
    });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const t0 = performance.now();
    await store.ensure();
    const buildMs = performance.now() - t0;
    delay.disable();
    const t1 = performance.now();
    await store.refresh();
    const refreshMs = performance.now() - t1;
    return {
      logs: count, listed: store.entries().length, buildMs, refreshMs, holdMs, readingHoldMs, holdCpuMs, readingHoldCpuMs, loopDelayMs: delay.max / 1e6, redrawMs, pauses, redraws,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures from a fresh process (nothing another figure left in the heap); for bench/run.ts. */
export function athletesViewInFreshProcess(count = 2000): AthletesViewFigures {
  const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', __filename, String(count)], { cwd: path.resolve(__dirname, '..'), encoding: 'utf8' });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    throw new Error(`bench/athletes-view.ts failed: ${r.stderr.slice(0, 500)}`);
  }
  return JSON.parse(last) as AthletesViewFigures;
}

/** The line bench/RESULTS.md gets. */
export function athletesViewRow(f: AthletesViewFigures): string {
  return `| ${f.logs.toLocaleString('en')} logs (${f.listed.toLocaleString('en')} listed) | ${f.buildMs.toFixed(0)} | ${f.refreshMs.toFixed(0)} | ${f.holdMs.toFixed(1)} (${f.holdCpuMs.toFixed(1)}) | ${f.readingHoldMs.toFixed(1)} (${f.readingHoldCpuMs.toFixed(1)}) | ${f.loopDelayMs.toFixed(1)} | ${f.redrawMs.toFixed(1)} (${f.redraws}) | ${f.pauses} |`;
}

export const ATHLETES_VIEW_HEADER = [
  '| Athletes view | first build (ms) | refresh, nothing changed (ms) | longest hold, ms (processor ms) | longest hold without a redraw, ms (processor ms) | event-loop delay (ms) | longest redraw (ms, count) | pauses |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

if (require.main === module) {
  void athletesViewFigures(Number(process.argv[2] ?? 2000)).then((f) => {
    process.stdout.write(`${[...ATHLETES_VIEW_HEADER, athletesViewRow(f)].join('\n')}\n${JSON.stringify(f)}\n`);
    process.exit(0);
  });
}
