/**
 * The one way the integration suites wait: on an event, never on time. A timer only bounds how long a wait
 * may take before the test fails (generous: on a loaded machine a revert or a first webview can take many
 * seconds).
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AthleteLogApi } from '../../../src/vscode/extension';

export const WAIT_MS = 45000;

/**
 * Resolves with the first event that passes `test` (or at once, with undefined, when `now` already holds);
 * fails after WAIT_MS, saying what it waited for.
 */
export function waitFor<T>(event: vscode.Event<T>, test: (e: T) => boolean, what: string, now?: () => boolean): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    if (now?.()) {
      resolve(undefined);
      return;
    }
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, WAIT_MS);
    const sub = event((e) => {
      if (test(e)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(e);
      }
    });
  });
}

/** Waits for the extension to activate and returns its API (each suite's `before`). */
export async function activateExtension(): Promise<AthleteLogApi> {
  const ext = vscode.extensions.getExtension<AthleteLogApi>('athlete-log.athlete-log');
  assert.ok(ext, 'the extension is installed');
  return ext.activate();
}
