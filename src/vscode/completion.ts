/**
 * Completion in athlete logs: exercise names where a list item starts (inserting the guideline's dosage
 * as tab stops), dosage components after the name, and today's date for a session heading.
 */
import { vscode } from './api.js';
import { describeDosage, DOSAGE_FIELDS, type Guideline } from '../core/index.js';
import { dosageSnippet, exerciseSnippet } from '../core/snippets.js';
import { localToday } from '../shared/today.js';
import type { LogChecker } from './diagnostics.js';

const ITEM_START = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)([^:]*)$/;
const AFTER_NAME = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?([^:]+):(.*)$/;
const HEADING = /^(#{1,6})(\s*)([\d-]*)$/;

/** Dosage parts offered after a name: the field table's completion column. */
const COMPONENTS: readonly [string, string, string][] = DOSAGE_FIELDS.flatMap((f) => (f.completion ? [[f.completion.label, f.completion.snippet, f.completion.detail] as [string, string, string]] : []));


export class AthleteLogCompletion implements vscode.CompletionItemProvider {
  constructor(private readonly checker: LogChecker) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    if (!this.checker.isLog(document)) {
      return undefined;
    }
    const prefix = document.lineAt(position.line).text.slice(0, position.character);
    const heading = HEADING.exec(prefix);
    if (heading) {
      const date = localToday();
      const item = new vscode.CompletionItem(`${heading[1] ?? '###'} ${date}`, vscode.CompletionItemKind.Event);
      item.detail = "Session for today";
      item.insertText = `${heading[1] ?? '###'} ${date}`;
      item.range = new vscode.Range(position.line, 0, position.line, position.character);
      item.filterText = prefix;
      return [item];
    }
    const library = await this.checker.service.library({ path: document.uri.path, text: document.getText() });
    const start = ITEM_START.exec(prefix);
    if (start) {
      const from = (start[1] ?? '').length;
      const range = new vscode.Range(position.line, from, position.line, position.character);
      return library.all().map((g) => this.exerciseItem(g, range));
    }
    const after = AFTER_NAME.exec(prefix);
    if (after) {
      const g = library.lookup((after[1] ?? '').replace(/[*_`]/g, '').trim());
      const items: vscode.CompletionItem[] = [];
      if (g?.dosage && (after[2] ?? '').trim() === '') {
        const item = new vscode.CompletionItem(`${g.name} guideline dosage`, vscode.CompletionItemKind.Value);
        item.insertText = new vscode.SnippetString(dosageSnippet(g.dosage));
        item.detail = describeDosage(g.dosage);
        item.sortText = '0';
        items.push(item);
      }
      for (const [label, body, detail] of COMPONENTS) {
        const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.Keyword);
        item.insertText = new vscode.SnippetString(body);
        item.detail = detail;
        item.sortText = `1${label}`;
        items.push(item);
      }
      return items;
    }
    return undefined;
  }

  exerciseItem(g: Guideline, range: vscode.Range): vscode.CompletionItem {
    const item = new vscode.CompletionItem(g.name, vscode.CompletionItemKind.Function);
    item.insertText = new vscode.SnippetString(exerciseSnippet(g));
    item.range = range;
    item.filterText = [g.name, ...g.aliases].join(' ');
    item.detail = g.dosage ? describeDosage(g.dosage) : 'known exercise, no set dosage';
    const doc = new vscode.MarkdownString();
    if (g.cues.length > 0) {
      doc.appendMarkdown(g.cues.map((c) => `- ${c}`).join('\n'));
    }
    if (g.source) {
      doc.appendMarkdown(`\n\nSource: ${g.source}`);
    }
    item.documentation = doc;
    return item;
  }
}
