/**
 * The outline of an athlete log (Outline view, breadcrumbs, Go to Symbol), as plain data: the Assessment
 * with its items, the Program with its phases and their prescriptions, the Log with its sessions and
 * their entries. Each symbol says what it is (`kind`); the editor picks the icon for it.
 */
import { describeDosage } from '../dosage/format.js';
import type { AthleteLog, ExerciseLine, Range, Section } from '../model.js';

/**
 * What a symbol is: one of the log's three sections, a phase of the program, a dated session, an
 * exercise line (prescription or entry), or an assessment item that is checked (the finding is present)
 * or not.
 */
export type LogSymbolKind = 'section' | 'phase' | 'session' | 'exercise' | 'checked-item' | 'unchecked-item';

export interface LogSymbol {
  readonly name: string;
  readonly detail: string;
  readonly kind: LogSymbolKind;
  /** All the symbol covers (a section or phase reaches to its last child). */
  readonly range: Range;
  /** What to select and reveal: a heading, a name, a date. */
  readonly selectionRange: Range;
  readonly children: readonly LogSymbol[];
}

function symbol(name: string, detail: string, kind: LogSymbolKind, range: Range, selectionRange: Range, children: readonly LogSymbol[] = []): LogSymbol {
  let start = range.start;
  let end = range.end;
  for (const c of children) {
    if (c.range.start.offset < start.offset) {
      start = c.range.start;
    }
    if (c.range.end.offset > end.offset) {
      end = c.range.end;
    }
  }
  return { name, detail, kind, range: { start, end }, selectionRange, children };
}

function lineSymbol(l: ExerciseLine): LogSymbol {
  return symbol(l.name, describeDosage(l.dosage, ', '), 'exercise', l.range, l.nameRange);
}

/** The log's outline. Without a Program or Log heading, phases and sessions stand at the top. */
export function logSymbols(log: AthleteLog): LogSymbol[] {
  const out: LogSymbol[] = [];
  const section = (s: Section, children: readonly LogSymbol[]): LogSymbol => symbol(s.title, s.kind, 'section', s.headingRange, s.headingRange, children);
  const assessment = log.sections.find((s) => s.kind === 'assessment');
  if (assessment) {
    out.push(section(assessment, log.assessment.map((a) => symbol(a.text, a.checked ? 'checked' : 'not checked', a.checked ? 'checked-item' : 'unchecked-item', a.range, a.range))));
  }
  const phases: LogSymbol[] = [];
  for (const p of log.phases) {
    const r = p.headingRange ?? p.prescriptions[0]?.range;
    if (r) {
      phases.push(symbol(p.name, p.weeks ? `weeks ${p.weeks.min}-${p.weeks.max}` : '', 'phase', r, r, p.prescriptions.map(lineSymbol)));
    }
  }
  const program = log.sections.find((s) => s.kind === 'program');
  // One by one: spreading a long log's sessions into push() overflows the stack.
  for (const x of program ? [section(program, phases)] : phases) {
    out.push(x);
  }
  const sessions = log.sessions.map((s) => symbol(s.dateText, s.label, 'session', s.headingRange, s.dateRange, s.entries.map(lineSymbol)));
  const logSection = log.sections.find((s) => s.kind === 'log');
  for (const x of logSection ? [section(logSection, sessions)] : sessions) {
    out.push(x);
  }
  return out;
}
