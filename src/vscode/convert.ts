/**
 * The one place positions cross between the core (1-based lines and columns, unist style, end exclusive)
 * and VS Code (0-based lines and characters).
 */
import { vscode } from './api.js';
import type { Range as CoreRange, Severity } from '../core/index.js';

export function toRange(r: CoreRange): vscode.Range {
  return new vscode.Range(r.start.line - 1, r.start.column - 1, r.end.line - 1, r.end.column - 1);
}

/** The core's 1-based point for a VS Code position (offset from the document). */
export function toOffset(document: vscode.TextDocument, p: vscode.Position): number {
  return document.offsetAt(p);
}

export function contains(r: CoreRange, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

const SEVERITY: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toSeverity(s: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[s];
}
