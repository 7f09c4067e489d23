/**
 * What the extension's two webviews (the program preview and the caseload page) share: the panel options
 * (scripts only from the extension's media/ and dist/webview/, no forms, no command links, no retained
 * context), a fresh nonce for each page's one script, and the wiring of a panel's events.
 */
import { vscode } from './api.js';

/** A fresh nonce for a page's script (Content-Security-Policy `script-src 'nonce-...'`). */
export function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableForms: false,
    enableCommandUris: false,
    retainContextWhenHidden: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}

export interface PanelEvents {
  /** The panel was closed. */
  readonly disposed: () => void;
  /** A message from the page (unchecked: the receiver checks its shape). */
  readonly receive: (m: unknown) => unknown;
  /**
   * The panel shows again: a hidden webview loses its page (no retained context), so it is drawn again
   * from what the extension has now.
   */
  readonly shown: () => void;
}

/** Wires a panel's close, messages and showing again to `events`; the subscriptions go to `subscriptions`. */
export function wirePanel(panel: vscode.WebviewPanel, events: PanelEvents, subscriptions: vscode.Disposable[]): void {
  panel.onDidDispose(events.disposed, undefined, subscriptions);
  panel.webview.onDidReceiveMessage(events.receive, undefined, subscriptions);
  panel.onDidChangeViewState((e) => {
    if (e.webviewPanel.visible) {
      events.shown();
    }
  }, undefined, subscriptions);
}
