/**
 * The caseload over many log files: each file read, checked and summarized (`service.summarize`), in
 * this thread or on a pool of worker threads (one per core by default, `caseloadWorker.ts`, bundled as
 * dist/caseload-worker.js). Each worker has its own service and takes the next batch of files when it is
 * done with one, so a slow log holds up one worker only. Results come back in the order of the files.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
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

/** Messages between the pool and a worker. */
export type WorkerRequest = { readonly settings: CaseloadSettings } | { readonly batch: readonly { readonly index: number; readonly job: CaseloadJob }[] };
export type WorkerReply = { readonly results: readonly { readonly index: number; readonly result: CaseloadResult }[] } | { readonly error: string };

/**
 * Summarizes every file, on `jobs` worker threads (in this thread when `jobs` is 1, when there are few
 * files, or when the worker script is missing). A worker that fails ends the run with its error.
 */
export async function summarizeFiles(jobs: readonly CaseloadJob[], settings: CaseloadSettings, size = defaultJobs()): Promise<CaseloadResult[]> {
  const workerFile = caseloadWorkerFile();
  const threads = Math.min(size, Math.ceil(jobs.length / BATCH));
  if (size <= 1 || jobs.length < POOL_FROM || threads <= 1 || !existsSync(workerFile)) {
    const service = createNodeService({ allowedFolders: settings.allowedFolders });
    const out: CaseloadResult[] = [];
    for (const job of jobs) {
      out.push(await summarizeFile(service, job, settings));
    }
    return out;
  }
  const results = new Array<CaseloadResult | undefined>(jobs.length);
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = threads;
      const give = (w: Worker): void => {
        if (next >= jobs.length) {
          running--;
          if (running === 0) {
            resolve();
          }
          return;
        }
        const batch = jobs.slice(next, next + BATCH).map((job, i) => ({ index: next + i, job }));
        next += batch.length;
        w.postMessage({ batch } satisfies WorkerRequest);
      };
      for (let i = 0; i < threads; i++) {
        const w = new Worker(workerFile);
        workers.push(w);
        w.on('message', (m: WorkerReply) => {
          if ('error' in m) {
            reject(new Error(m.error));
            return;
          }
          for (const r of m.results) {
            results[r.index] = r.result;
          }
          give(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (code !== 0) {
            reject(new Error(`a caseload worker exited (code ${code})`));
          }
        });
        w.postMessage({ settings } satisfies WorkerRequest);
        give(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.map((r) => r ?? { kind: 'unreadable', error: 'no answer from its worker' });
}
