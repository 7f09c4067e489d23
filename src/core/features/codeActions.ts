/**
 * Code actions on findings, as plain data (the editor only converts ranges and registers): a finding's own
 * fix (preferred) and its alternatives, "Add a guideline for X", "Fix all <rule> in this file", "Disable
 * <rule> for this line", and fix-all for `source.fixAll.athleteLog` (fix on save). Every bulk action (fix
 * all, fix all of a rule, fix on save) leaves out fixes that raise a dose: those are offered only as the
 * finding's own quick fix.
 */
import { bulkFixes, selectFixes } from '../fix.js';
import type { Finding, GuidelineEntry, Range, TextEdit } from '../model.js';

export interface CodeActionData {
  readonly title: string;
  /** `quickfix`, or `fix-all` for the source action that fixes the whole file. */
  readonly kind: 'quickfix' | 'fix-all';
  /** The text edits the action makes (none for `addGuideline`: the editor writes the guideline file). */
  readonly edits: readonly TextEdit[];
  /** The action the editor applies with the quick-fix key. */
  readonly preferred: boolean;
  /** The finding the action answers, to link it with its diagnostic. */
  readonly finding?: Finding;
  /** For "Add a guideline for X": the entry to add. */
  readonly addGuideline?: GuidelineEntry;
}

function editsOf(findings: readonly Finding[]): TextEdit[] {
  return selectFixes(findings).flatMap((f) => f.fix?.edits ?? []);
}

/** The fix-all action for fix on save: every fix that does not raise a dose; undefined when there is none. */
export function fixAllAction(findings: readonly Finding[]): CodeActionData | undefined {
  const fixable = bulkFixes(findings);
  return fixable.length === 0 ? undefined : { title: 'Fix all athlete-log problems', kind: 'fix-all', edits: editsOf(fixable), preferred: false };
}

/** The document as code actions read it: a line's text (1-based), and the line ending it uses. */
export interface ActionDocument {
  lineText(line: number): string;
  readonly eol: '\n' | '\r\n';
}

/** The quick fixes for the findings that meet `[from, to]` (offsets) of the checked document. */
export function quickFixes(document: ActionDocument, findings: readonly Finding[], from: number, to: number): CodeActionData[] {
  const out: CodeActionData[] = [];
  const seenRules = new Set<string>();
  let bulk: Finding[] | undefined;
  for (const f of findings) {
    if (f.range.end.offset < from || f.range.start.offset > to) {
      continue;
    }
    if (f.fix) {
      out.push({ title: f.fix.title, kind: 'quickfix', edits: editsOf([f]), preferred: true, finding: f });
    }
    for (const alt of f.alternatives ?? []) {
      out.push({ title: alt.title, kind: 'quickfix', edits: editsOf([{ ...f, fix: alt }]), preferred: false, finding: f });
    }
    if (f.addGuideline) {
      out.push({ title: `Add a guideline for ${f.addGuideline.exercise}`, kind: 'quickfix', edits: [], preferred: false, finding: f, addGuideline: f.addGuideline });
    }
    if (seenRules.has(f.ruleId)) {
      continue;
    }
    seenRules.add(f.ruleId);
    bulk ??= bulkFixes(findings);
    const sameRule = bulk.filter((x) => x.ruleId === f.ruleId);
    if (sameRule.length > 1) {
      out.push({ title: `Fix all ${f.ruleId} in this file`, kind: 'quickfix', edits: editsOf(sameRule), preferred: false });
    }
    // A comment line above the finding's line, indented as it is, with the file's line ending.
    const { line, column, offset } = f.range.start;
    const at = { line, column: 1, offset: offset - column + 1 };
    const here: Range = { start: at, end: at };
    const indent = /^[ \t]*/.exec(document.lineText(line))?.[0] ?? '';
    out.push({ title: `Disable ${f.ruleId} for this line`, kind: 'quickfix', edits: [{ range: here, text: `${indent}<!-- athlete-log-disable-next-line ${f.ruleId} -->${document.eol}` }], preferred: false });
  }
  return out;
}
