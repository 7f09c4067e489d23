/** Outline, breadcrumbs and Go to Symbol: Assessment; Program, its phases and prescriptions; Log and its sessions. */
import { vscode } from './api.js';
import { describeDosage, type AthleteLog, type ExerciseLine, type Section } from '../core/index.js';
import { toRange } from './convert.js';
import type { LogChecker } from './diagnostics.js';

function lineSymbol(l: ExerciseLine): vscode.DocumentSymbol {
  return new vscode.DocumentSymbol(l.name, describeDosage(l.dosage, ', '), vscode.SymbolKind.Field, toRange(l.range), toRange(l.nameRange));
}

function withChildren(s: vscode.DocumentSymbol, children: vscode.DocumentSymbol[]): vscode.DocumentSymbol {
  s.children = children;
  for (const c of children) {
    s.range = s.range.union(c.range);
  }
  return s;
}

export function logSymbols(log: AthleteLog): vscode.DocumentSymbol[] {
  const out: vscode.DocumentSymbol[] = [];
  const section = (s: Section, kind: vscode.SymbolKind): vscode.DocumentSymbol =>
    new vscode.DocumentSymbol(s.title, s.kind, kind, toRange(s.headingRange), toRange(s.headingRange));
  const assessment = log.sections.find((s) => s.kind === 'assessment');
  if (assessment) {
    out.push(withChildren(section(assessment, vscode.SymbolKind.Namespace), log.assessment.map((a) =>
      new vscode.DocumentSymbol(a.text, a.checked ? 'checked' : '', vscode.SymbolKind.Boolean, toRange(a.range), toRange(a.range)))));
  }
  const phases = log.phases.map((p) => {
    const r = p.headingRange ?? p.prescriptions[0]?.range;
    const sym = r ? new vscode.DocumentSymbol(p.name, p.weeks ? `weeks ${p.weeks.min}-${p.weeks.max}` : '', vscode.SymbolKind.Module, toRange(r), toRange(r)) : undefined;
    return sym ? withChildren(sym, p.prescriptions.map(lineSymbol)) : undefined;
  }).filter((s): s is vscode.DocumentSymbol => s !== undefined);
  const program = log.sections.find((s) => s.kind === 'program');
  if (program) {
    out.push(withChildren(section(program, vscode.SymbolKind.Package), phases));
  } else {
    out.push(...phases);
  }
  const sessions = log.sessions.map((s) => withChildren(
    new vscode.DocumentSymbol(s.dateText, s.label, vscode.SymbolKind.Event, toRange(s.headingRange), toRange(s.dateRange)),
    s.entries.map(lineSymbol)));
  const logSection = log.sections.find((s) => s.kind === 'log');
  if (logSection) {
    out.push(withChildren(section(logSection, vscode.SymbolKind.Package), sessions));
  } else {
    out.push(...sessions);
  }
  return out;
}

export class AthleteLogSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly checker: LogChecker) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    const state = this.checker.state(document) ?? await this.checker.check(document);
    return state ? logSymbols(state.result.log) : [];
  }
}
