/**
 * Short confirmations after a command (Check All Logs, Copy Summary, the exports): a notification in plain
 * words, with at most one follow-up action. Each is also fired on `onDidConfirm`, which the extension's
 * API gives to tests.
 */
import { vscode } from './api.js';

const confirmed = new vscode.EventEmitter<string>();
export const onDidConfirm = confirmed.event;

export function confirm(message: string, action?: { title: string; run: () => unknown }): void {
  confirmed.fire(message);
  const shown = action ? vscode.window.showInformationMessage(message, action.title) : vscode.window.showInformationMessage(message);
  void shown.then((pick) => {
    if (pick !== undefined && action) {
      action.run();
    }
  });
}
