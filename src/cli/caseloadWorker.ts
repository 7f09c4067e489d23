/**
 * A worker process of the caseload pool (`caseload.ts`, started with `fork`): its own service, the settings
 * once, then batches of files; each batch's results go back in one message over the IPC channel. It ends
 * when the pool closes the channel. Bundled as dist/caseload-worker.js.
 */
import type { AthleteLogService } from '../core/index.js';
import { summarizeFile, type CaseloadSettings, type WorkerReply, type WorkerRequest } from './caseload.js';
import { createNodeService } from './node-host.js';

let settings: CaseloadSettings | undefined;
let service: AthleteLogService | undefined;
// Batches are worked one after another, in the order they came.
let queue: Promise<void> = Promise.resolve();

process.on('message', (m: WorkerRequest) => {
  if ('settings' in m) {
    settings = m.settings;
    service = createNodeService({ allowedFolders: m.settings.allowedFolders });
    return;
  }
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      if (!settings || !service) {
        throw new Error('a batch came before the settings');
      }
      const results = [];
      for (const { index, job } of m.batch) {
        results.push({ index, result: await summarizeFile(service, job, settings) });
      }
      reply = { results };
    } catch (e) {
      reply = { error: e instanceof Error ? e.message : String(e) };
    }
    process.send?.(reply);
  });
});

// The pool is gone (done, or its process ended): so is this worker, whatever batch it was on.
process.on('disconnect', () => process.exit(0));
