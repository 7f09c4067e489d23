/**
 * Composition root of the extension. The editor features (diagnostics, quick fixes, completion, hover,
 * preview) are thin adapters over the core service; they arrive with the editor issue.
 */
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {
  // Nothing to register yet: the core engine and the CLI come first.
}

export function deactivate(): void {
  // Nothing to release.
}
