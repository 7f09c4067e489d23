/**
 * The caseload over many log files: each file read, checked and summarized (`service.summarize`), in
 * this process or on a pool of worker processes (one per core by default, `caseloadWorker.ts`, bundled as
 * dist/caseload-worker.js). Each worker has its own service and takes the next batch of files when it is
 * done with one, so a slow log holds up one worker only. Results come back in the order of the files.
 *
 * Why processes and not worker threads: V8 gives each heap helper threads for garbage collection, so one
 * busy thread already keeps about 1.1-1.3 cores busy. With one worker per core those helpers only fight
 * the workers for the cores. A child process can start V8 with the collection on its own thread
 * (`POOL_NODE_FLAGS`), which worker threads cannot (V8's flags are per process). Measured on 2 cores over
 * 2,000 logs (`node --require tsx/cjs bench/caseload.ts`): one process 41.3 s, 2 worker threads 34.3 s,
 * 2 worker processes 20.3 s.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { AthleteLogService, CaseloadSummary, CheckOptions } from '../core/index.js';
import { decodeFile, lineOfByte } from '../node/encoding.js';
import { describeError, readRegularFile } from '../node/files.js';
import { createNodeService, packageRoot } from './node-host.js';

/** Largest log read (as `check`). */
export const MAX_LOG_BYTES = 256 * 1024 * 1024;
/** Fewer files than this are summarized in this thread: starting workers would cost more than it saves. */
const POOL_FROM = 16;
/** Files a worker is given at a time (fewer messages, still an even share at the end). */
const BATCH = 8;

export interface CaseloadJob {
  /** The file as found (what messages name). */
  readonly file: string;
  /** The absolute path: the summary's `path`. */
  readonly path: string;
  /** The path relative to the working folder, matched against the log file globs. */
  readonly relativePath: string;
}

export interface CaseloadSettings {
  readonly today: string;
  readonly options: CheckOptions;
  readonly allowedFolders: readonly string[];
}

/** What became of one file. */
export type CaseloadResult =
  | { readonly kind: 'summary'; readonly summary: CaseloadSummary; readonly utf8Note?: string }
  | { readonly kind: 'not-a-log'; readonly encoding: string }
  | { readonly kind: 'unreadable'; readonly error: string };

/** Reads, checks and summarizes one file with `service` (and lets go of what the service kept for it). */
export async function summarizeFile(service: AthleteLogService, job: CaseloadJob, settings: CaseloadSettings): Promise<CaseloadResult> {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(job.file, { maxBytes: MAX_LOG_BYTES, timeoutMs: 120000 });
  } catch (e) {
    return { kind: 'unreadable', error: describeError(e) };
  }
  const decoded = decodeFile(bytes);
  try {
    const summary = await service.summarize({ text: decoded.text, path: job.path, relativePath: job.relativePath, options: settings.options }, settings.today);
    if (!summary) {
      return { kind: 'not-a-log', encoding: decoded.encoding };
    }
    const at = decoded.invalidAt;
    return at === undefined
      ? { kind: 'summary', summary }
      : { kind: 'summary', summary, utf8Note: `line ${lineOfByte(bytes, at)} holds bytes that are not UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase()}); they are read as they are` };
  } finally {
    service.forget(job.path);
  }
}

/** The caseload worker's script: next to the bundle, or the package's dist/ when running from sources. */
export function caseloadWorkerFile(): string {
  const beside = path.join(__dirname, 'caseload-worker.js');
  return existsSync(beside) ? beside : path.join(packageRoot(), 'dist', 'caseload-worker.js');
}

/** The pool size by default: the cores this process may use. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * The V8 flags a worker process starts with: garbage collection on the worker's own thread (see the top of
 * this file), and a young generation of 16 MB per semi-space (V8's default is smaller for this
 * workload's many short-lived trees; it cut the pool's CPU time by a tenth in the same measurement).
 */
export const POOL_NODE_FLAGS: readonly string[] = ['--single-threaded-gc', '--max-semi-space-size=16'];

/** The flags of this process a worker keeps too: the heap limit a user may have raised. */
function inheritedFlags(): string[] {
  return process.execArgv.filter((f) => f.startsWith('--max-old-space-size') || f.startsWith('--stack-size'));
}

/** Messages between the pool and a worker. */
export type WorkerRequest = { readonly settings: CaseloadSettings } | { readonly batch: readonly { readonly index: number; readonly job: CaseloadJob }[] };
export type WorkerReply = { readonly results: readonly { readonly index: number; readonly result: CaseloadResult }[] } | { readonly error: string };

/**
 * Summarizes every file, on `size` worker processes (in this process when `size` is 1, when there are few
 * files, or when the worker script is missing). A worker that fails ends the run with its error.
 */
export async function summarizeFiles(jobs: readonly CaseloadJob[], settings: CaseloadSettings, size = defaultJobs()): Promise<CaseloadResult[]> {
  const workerFile = caseloadWorkerFile();
  const count = Math.min(size, Math.ceil(jobs.length / BATCH));
  if (size <= 1 || jobs.length < POOL_FROM || count <= 1 || !existsSync(workerFile)) {
    const service = createNodeService({ allowedFolders: settings.allowedFolders });
    const out: CaseloadResult[] = [];
    for (const job of jobs) {
      out.push(await summarizeFile(service, job, settings));
    }
    return out;
  }
  const results = new Array<CaseloadResult | undefined>(jobs.length);
  let next = 0;
  let finished = false;
  let failed = false;
  const workers: ChildProcess[] = [];
  // Settled when a worker's process has exited (however it ended).
  const exited: Promise<void>[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = count;
      const fail = (e: Error): void => {
        finished = true;
        failed = true;
        reject(e);
      };
      const give = (w: ChildProcess): void => {
        if (next >= jobs.length) {
          running--;
          if (running === 0) {
            finished = true;
            resolve();
          }
          return;
        }
        const batch = jobs.slice(next, next + BATCH).map((job, i) => ({ index: next + i, job }));
        next += batch.length;
        w.send({ batch } satisfies WorkerRequest);
      };
      for (let i = 0; i < count; i++) {
        // Standard output is the report's: a worker writes nothing there. Its standard error is the user's.
        const w = fork(workerFile, [], { execArgv: [...inheritedFlags(), ...POOL_NODE_FLAGS], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
        workers.push(w);
        exited.push(new Promise((done) => w.once('exit', () => done())));
        w.on('message', (m: WorkerReply) => {
          if ('error' in m) {
            fail(new Error(m.error));
            return;
          }
          for (const r of m.results) {
            results[r.index] = r.result;
          }
          give(w);
        });
        w.on('error', fail);
        w.on('exit', (code, signal) => {
          if (!finished) {
            fail(new Error(`a caseload worker stopped before its work was done (${signal ?? `exit code ${code ?? 'unknown'}`})`));
          }
        });
        w.send({ settings } satisfies WorkerRequest);
        give(w);
      }
    });
  } finally {
    workers.forEach((w) => stopWorker(w, !finished || failed));
    await Promise.all(exited);
  }
  return results.map((r) => r ?? { kind: 'unreadable', error: 'no answer from its worker' });
}

/**
 * Ends a worker process. After a finished run, closing its channel is enough: the worker exits by itself.
 * After a failure, a worker may be busy with a batch, so it is killed.
 */
function stopWorker(w: ChildProcess, failed: boolean): void {
  if (w.exitCode !== null || w.signalCode !== null) {
    return;
  }
  if (failed || !w.connected) {
    w.kill();
  } else {
    w.disconnect();
  }
}
