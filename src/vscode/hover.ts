/**
 * Hovers: on an exercise name, its guideline card; on a dosage, how it reads in words and how each part
 * compares with the guideline.
 */
import { vscode } from './api.js';
import { compareDosages, describeDosage, guidelineFileName, isBuiltinFile, readInContext, withUnit, type ExerciseLine, type Guideline } from '../core/index.js';
import { contains, toRange } from './convert.js';
import type { LogChecker } from './diagnostics.js';
import { guidelineUri } from './host.js';

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

export function guidelineCard(g: Guideline, extensionUri: vscode.Uri): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**${escape(g.name)}**`);
  md.appendMarkdown(g.dosage ? `: ${escape(describeDosage(g.dosage))}\n\n` : ': known exercise, no set dosage\n\n');
  if (g.aliases.length > 0) {
    md.appendMarkdown(`Also: ${escape(g.aliases.join(', '))}\n\n`);
  }
  for (const c of g.cues) {
    md.appendMarkdown(`- ${escape(c)}\n`);
  }
  if (g.progression.length > 0) {
    md.appendMarkdown(`\nProgression: ${escape(g.progression.join('; '))}\n`);
  }
  if (g.regression.length > 0) {
    md.appendMarkdown(`\nRegression: ${escape(g.regression.join('; '))}\n`);
  }
  const where = guidelineUri(extensionUri, g.file);
  if (g.meta.title !== undefined) {
    md.appendMarkdown(`\nProtocol: ${escape(g.meta.title)}\n`);
  }
  md.appendMarkdown(`\nSource: ${escape(g.source ?? 'not given')} ([${isBuiltinFile(g.file) ? `built-in library, ${escape(guidelineFileName(g.file))}` : escape(vscode.workspace.asRelativePath(where))}](${where.with({ fragment: `L${g.range.start.line}` }).toString()}))`);
  return md;
}

export function dosageCard(line: ExerciseLine, g: Guideline | undefined): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const dosage = readInContext(line.dosage, g?.dosage);
  md.appendMarkdown(`${escape(describeDosage(dosage, ', ') || 'no readable dosage')}\n\n`);
  if (!g?.dosage) {
    md.appendMarkdown(g ? `${escape(g.name)}: no set dosage to compare with` : 'No guideline for this exercise');
    return md;
  }
  const rows: string[] = [];
  for (const c of compareDosages(dosage, g.dosage)) {
    rows.push(`| ${c.label} | ${escape(withUnit(c.here, c.unit))} | ${escape(withUnit(c.want, c.unit))} | ${c.ok ? 'in range' : 'out of range'} |`);
  }
  if (rows.length > 0) {
    md.appendMarkdown(`| | here | ${escape(g.name)} guideline | |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n`);
  }
  return md;
}

export class AthleteLogHover implements vscode.HoverProvider {
  constructor(private readonly checker: LogChecker, private readonly extensionUri: vscode.Uri) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const state = this.checker.state(document) ?? (this.checker.isLog(document) ? await this.checker.check(document) : undefined);
    if (!state) {
      return undefined;
    }
    const offset = document.offsetAt(position);
    const { log, library } = state.result;
    const lines = [...log.phases.flatMap((p) => p.prescriptions), ...log.sessions.flatMap((s) => s.entries)];
    for (const line of lines) {
      if (contains(line.nameRange, offset)) {
        const g = library.lookup(line.name);
        return g ? new vscode.Hover(guidelineCard(g, this.extensionUri), toRange(line.nameRange)) : undefined;
      }
      if (line.dosage.components.length > 0 && contains(line.dosageRange, offset)) {
        return new vscode.Hover(dosageCard(line, library.lookup(line.name)), toRange(line.dosageRange));
      }
    }
    return undefined;
  }
}
