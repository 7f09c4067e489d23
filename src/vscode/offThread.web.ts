/**
 * In the web-worker extension host, logs are parsed in the extension's own worker (in slices, like every
 * check): nothing here starts a thread. Stands in for offThread.ts in the web bundle (esbuild.mjs).
 */
import type { OffThreadParser } from '../node/offThread.js';

export function offThreadParser(): OffThreadParser | undefined {
  return undefined;
}
