/**
 * A `TreeParser` on a worker thread, for Node hosts (the CLI and VS Code's Node extension host). A cold
 * check of a long log then parses there, in parallel with the assembling and the rules here, and its
 * parser's garbage (several times the text's size) is collected in the worker's heap, not in the thread
 * every extension shares. The worker starts on first use and holds the process open only while it has
 * work. If it cannot start or dies, every pending parse rejects and the core parses in its own thread.
 */
import type { Root } from 'mdast';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { TreeParser } from '../core/markdown/parse.js';
import type { ParseReply, ParseRequest } from './parseWorker.js';

export interface OffThreadParser extends TreeParser {
  /** How many trees the worker has sent back so far. */
  readonly parsed: number;
  /** Ends the worker; later parses reject (so the core parses in its own thread). */
  dispose(): void;
}

/** A parser on the worker script `file` (dist/parse-worker.js); `undefined` when there is no such file. */
export function createOffThreadParser(file: string): OffThreadParser | undefined {
  if (!existsSync(file)) {
    return undefined;
  }
  let worker: Worker | undefined;
  let broken: Error | undefined;
  let nextId = 0;
  let parsed = 0;
  const pending = new Map<number, { resolve: (tree: Root) => void; reject: (e: Error) => void }>();

  const fail = (e: Error): void => {
    broken = e;
    worker = undefined;
    for (const p of pending.values()) {
      p.reject(e);
    }
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(file);
    w.on('message', (m: ParseReply) => {
      const p = pending.get(m.id);
      if (!p) {
        return;
      }
      pending.delete(m.id);
      if ('tree' in m) {
        parsed++;
        p.resolve(m.tree);
      } else {
        p.reject(new Error(m.error));
      }
      if (pending.size === 0) {
        w.unref();
      }
    });
    w.on('error', (e) => fail(e));
    w.on('exit', (code) => fail(new Error(`the parse worker exited (code ${code})`)));
    return w;
  };

  return {
    get parsed() {
      return parsed;
    },
    parse(text, frontMatter) {
      if (broken) {
        return Promise.reject(broken);
      }
      worker ??= start();
      const w = worker;
      const id = nextId++;
      const done = new Promise<Root>((resolve, reject) => pending.set(id, { resolve, reject }));
      w.ref();
      const request: ParseRequest = { id, text, frontMatter };
      w.postMessage(request);
      return done;
    },
    dispose() {
      const w = worker;
      fail(new Error('the parse worker was stopped'));
      void w?.terminate();
    },
  };
}
