/**
 * The worker thread behind `offThread.ts`: parses Markdown with the core's own `parseMarkdown` and posts
 * each tree back (as a structured-clone copy). Bundled as dist/parse-worker.js.
 */
import type { Root } from 'mdast';
import { parentPort } from 'node:worker_threads';
import { parseMarkdown } from '../core/markdown/parse.js';

export interface ParseRequest {
  readonly id: number;
  readonly text: string;
  readonly frontMatter: boolean;
}

export type ParseReply = { readonly id: number; readonly tree: Root } | { readonly id: number; readonly error: string };

const port = parentPort;
port?.on('message', (m: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: m.id, tree: parseMarkdown(m.text, m.frontMatter) };
  } catch (e) {
    reply = { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
