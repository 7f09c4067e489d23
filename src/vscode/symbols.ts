/**
 * Outline, breadcrumbs and Go to Symbol: the symbols come from the core (src/core/features/symbols.ts);
 * this file picks their icons, converts positions and registers.
 *
 * Icons (VS Code has only code symbol kinds; these read closest to a log):
 * - Assessment, Program and Log sections: String, as VS Code's Markdown outline shows headings.
 * - A phase of the program: Namespace, a named group of prescriptions.
 * - A session: Event, a dated event.
 * - A prescription or an entry: Field, a named value (its dosage is the detail).
 * - A checked assessment item (the finding is present): Boolean, the "on" switch; an unchecked one: Null,
 *   nothing found; so the two read apart at a glance (their detail says it in words too).
 */
import { vscode } from './api.js';
import { logSymbols, type LogSymbol, type LogSymbolKind } from '../core/features/symbols.js';
import { toRange } from './convert.js';
import type { LogChecker } from './diagnostics.js';

const KINDS: Readonly<Record<LogSymbolKind, vscode.SymbolKind>> = {
  section: vscode.SymbolKind.String,
  phase: vscode.SymbolKind.Namespace,
  session: vscode.SymbolKind.Event,
  exercise: vscode.SymbolKind.Field,
  'checked-item': vscode.SymbolKind.Boolean,
  'unchecked-item': vscode.SymbolKind.Null,
};

function toSymbol(s: LogSymbol): vscode.DocumentSymbol {
  const out = new vscode.DocumentSymbol(s.name, s.detail, KINDS[s.kind], toRange(s.range), toRange(s.selectionRange));
  out.children = s.children.map(toSymbol);
  return out;
}

export class AthleteLogSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly checker: LogChecker) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const state = this.checker.state(document) ?? await this.checker.check(document);
    return state ? logSymbols(state.result.log).map(toSymbol) : [];
  }
}
