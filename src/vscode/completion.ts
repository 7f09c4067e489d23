/**
 * Completion in athlete logs: the entries come from the core (src/core/features/completion.ts); this file
 * turns them into VS Code items.
 */
import { vscode } from './api.js';
import { completionsAt, type CompletionEntry, type CompletionKind } from '../core/features/completion.js';
import { localToday } from '../shared/today.js';
import type { LogChecker } from './diagnostics.js';

const KINDS: Readonly<Record<CompletionKind, vscode.CompletionItemKind>> = {
  date: vscode.CompletionItemKind.Event,
  exercise: vscode.CompletionItemKind.Function,
  'guideline-dosage': vscode.CompletionItemKind.Value,
  'dosage-part': vscode.CompletionItemKind.Keyword,
};

/** Characters that open the list: where a name ends (`:`), where a part or an item starts (space), a heading. */
export const COMPLETION_TRIGGERS = [':', ' ', '#'];

export class AthleteLogCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly checker: LogChecker) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (!this.checker.isLog(document)) {
      return undefined;
    }
    const prefix = document.lineAt(position.line).text.slice(0, position.character);
    const library = await this.checker.service.library({ path: document.uri.path, text: document.getText() });
    const entries = completionsAt(prefix, library, localToday());
    return entries.length === 0 ? undefined : entries.map((e) => toItem(e, position));
  }
}

function toItem(e: CompletionEntry, position: vscode.Position): vscode.CompletionItem {
  const item = new vscode.CompletionItem(e.label, KINDS[e.kind]);
  item.insertText = e.kind === 'date' ? e.snippet : new vscode.SnippetString(e.snippet);
  item.detail = e.detail;
  item.range = new vscode.Range(position.line, e.replaceFrom, position.line, position.character);
  if (e.documentation) {
    item.documentation = new vscode.MarkdownString(e.documentation);
  }
  if (e.filterText !== undefined) {
    item.filterText = e.filterText;
  }
  if (e.sortText !== undefined) {
    item.sortText = e.sortText;
  }
  return item;
}
