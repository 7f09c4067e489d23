/**
 * Quick fixes from the core's fixes (plain text edits): the fix itself (preferred), "Fix all <rule> in
 * this file", "Disable <rule> for this line", and `source.fixAll.athleteLog` for codeActionsOnSave.
 * Every bulk action (fix all, fix all of a rule, fix on save) leaves out fixes that raise a dose: those are
 * offered only as the finding's own quick fix.
 * Fixes come from the result for exactly the document's current version: a fix computed for an older
 * version is never applied to a newer one.
 */
import { vscode } from './api.js';
import { bulkFixes, selectFixes, type Finding } from '../core/index.js';
import { addGuidelineAction } from './addGuideline.js';
import { toRange } from './convert.js';
import { SOURCE, type LogChecker } from './diagnostics.js';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('athleteLog');

function sameFinding(d: vscode.Diagnostic, f: Finding): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return code === f.ruleId && d.message === f.message && d.range.isEqual(toRange(f.range));
}

function editFor(document: vscode.TextDocument, findings: readonly Finding[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const f of selectFixes(findings)) {
    for (const e of f.fix?.edits ?? []) {
      edit.replace(document.uri, toRange(e.range), e.text);
    }
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
    const actions: vscode.CodeAction[] = [];
    const wants = (kind: vscode.CodeActionKind): boolean => !context.only || context.only.contains(kind) || kind.contains(context.only);
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) {
      const fixable = bulkFixes(findings);
      if (fixable.length > 0) {
        const a = new vscode.CodeAction('Fix all athlete-log problems', FIX_ALL_KIND);
        a.edit = editFor(document, fixable);
        actions.push(a);
      }
      return actions;
    }
    if (!wants(vscode.CodeActionKind.QuickFix)) {
      return actions;
    }
    // Findings at the requested range, from the result for this very version. The diagnostics in the
    // context (when the workbench has them already) are attached so the editor links action and marker.
    const seenRules = new Set<string>();
    for (const f of findings.filter((x) => toRange(x.range).intersection(range) !== undefined)) {
      const d = context.diagnostics.find((x) => x.source === SOURCE && sameFinding(x, f));
      if (f.fix) {
        const a = new vscode.CodeAction(f.fix.title, vscode.CodeActionKind.QuickFix);
        if (d) {
          a.diagnostics = [d];
        }
        a.isPreferred = true;
        a.edit = editFor(document, [f]);
        actions.push(a);
      }
      if (f.addGuideline) {
        actions.push(addGuidelineAction(f.addGuideline, document.uri, d));
      }
      const sameRule = bulkFixes(findings).filter((x) => x.ruleId === f.ruleId);
      if (sameRule.length > 1 && !seenRules.has(f.ruleId)) {
        const a = new vscode.CodeAction(`Fix all ${f.ruleId} in this file`, vscode.CodeActionKind.QuickFix);
        a.edit = editFor(document, sameRule);
        actions.push(a);
      }
      if (!seenRules.has(f.ruleId)) {
        const line = document.lineAt(f.range.start.line - 1);
        const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
        const a = new vscode.CodeAction(`Disable ${f.ruleId} for this line`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.insert(document.uri, line.range.start, `${indent}<!-- athlete-log-disable-next-line ${f.ruleId} -->${document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n'}`);
        actions.push(a);
      }
      seenRules.add(f.ruleId);
    }
    return actions;
  }
}

export function fixAllEdit(document: vscode.TextDocument, findings: readonly Finding[]): vscode.WorkspaceEdit {
  return editFor(document, bulkFixes(findings));
}
