/**
 * The Node extension host parses long logs on a worker thread (src/node/offThread.ts), from the
 * dist/parse-worker.js beside this bundle. The web-worker host's bundle swaps this file for
 * offThread.web.ts (esbuild.mjs).
 */
import * as path from 'node:path';
import { createOffThreadParser, type OffThreadParser } from '../node/offThread.js';

export function offThreadParser(): OffThreadParser | undefined {
  return createOffThreadParser(path.join(__dirname, 'parse-worker.js'));
}
