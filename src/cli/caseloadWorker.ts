/**
 * A worker of the caseload pool (`caseload.ts`): its own service, the settings once, then batches of
 * files; each batch's results go back in one message. Bundled as dist/caseload-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import type { AthleteLogService } from '../core/index.js';
import { summarizeFile, type CaseloadSettings, type WorkerReply, type WorkerRequest } from './caseload.js';
import { createNodeService } from './node-host.js';

const port = parentPort;
let settings: CaseloadSettings | undefined;
let service: AthleteLogService | undefined;
// Batches are worked one after another, in the order they came.
let queue: Promise<void> = Promise.resolve();

port?.on('message', (m: WorkerRequest) => {
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
    port.postMessage(reply);
  });
});
