/**
 * Code actions: what they are comes from the core (src/core/features/codeActions.ts: the fix itself,
 * preferred; alternatives; "Add a guideline for X"; "Fix all <rule> in this file"; "Disable <rule> for
 * this line"; fix-all for `source.fixAll.athleteLog`, codeActionsOnSave); this file converts them and
 * registers. Fixes come from the result for exactly the document's current version: a fix computed for an
 * older version is never applied to a newer one.
 */
import { vscode } from './api.js';
import { type Finding } from '../core/index.js';
import { fixAllAction, quickFixes, type CodeActionData } from '../core/features/codeActions.js';
import { addGuidelineAction } from './addGuideline.js';
import { toRange } from './convert.js';
import { SOURCE, type LogChecker } from './diagnostics.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('athleteLog');

function sameFinding(d: vscode.Diagnostic, f: Finding): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === f.ruleId && d.message === f.message && d.range.isEqual(toRange(f.range));
}

function editOf(document: vscode.TextDocument, data: CodeActionData): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of data.edits) {
    edit.replace(document.uri, toRange(e.range), e.text);
  }
  return edit;
}

export class AthleteLogCodeActions implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];

  constructor(private readonly checker: LogChecker) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.checker.state(document);
    if (!state) {
      return [];
    }
    const findings = state.result.findings;
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) {
      const all = fixAllAction(findings);
      if (!all) {
        return [];
      }
      const a = new vscode.CodeAction(all.title, FIX_ALL_KIND);
      a.edit = editOf(document, all);
      return [a];
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) {
      return [];
    }
    // The diagnostics in the context (when the workbench has them already) are attached so the editor
    // links action and marker.
    const lines = { lineText: (line: number) => document.lineAt(line - 1).text, eol: document.eol === vscode.EndOfLine.CRLF ? '\r\n' as const : '\n' as const };
    return quickFixes(lines, findings, document.offsetAt(range.start), document.offsetAt(range.end)).map((data) => {
      const d = data.finding ? context.diagnostics.find((x) => x.source === SOURCE && sameFinding(x, data.finding as Finding)) : undefined;
      if (data.addGuideline) {
        return addGuidelineAction(data.title, data.addGuideline, document.uri, d);
      }
      const a = new vscode.CodeAction(data.title, vscode.CodeActionKind.QuickFix);
      if (d) {
        a.diagnostics = [d];
      }
      if (data.preferred) {
        a.isPreferred = true;
      }
      a.edit = editOf(document, data);
      return a;
    });
  }
}

/** The fix-all edit (fix on save, the Fix All command): every fix that does not raise a dose. */
export function fixAllEdit(document: vscode.TextDocument, findings: readonly Finding[]): vscode.WorkspaceEdit {
  const all = fixAllAction(findings);
  return all ? editOf(document, all) : new vscode.WorkspaceEdit();
}
