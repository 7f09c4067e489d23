/**
 * Hovers in athlete logs, as Markdown (the editor only converts positions and registers): on an
 * exercise name, its guideline card (and where the name links to, when it is written as a link); on a
 * dosage, how it reads in words and how each part compares with the guideline and, for a logged entry,
 * with the program's prescription for that day.
 */
import { differsFrom } from '../coaching/coaching.js';
import { prescriptionFinder } from '../coaching/prescription.js';
import { readInContext } from '../dosage/context.js';
import { compareDosages, withUnit, type Comparison } from '../dosage/fields.js';
import { describeDosage } from '../dosage/format.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { Guideline } from '../guidelines/parse.js';
import type { AthleteLog, ExerciseLine, Range } from '../model.js';

/** Where a guideline card links to, for the host to say (a file of the workspace, the built-in library). */
export interface GuidelineLink {
  readonly label: string;
  readonly target: string;
}

export interface HoverContent {
  /** The text the hover is about: an exercise name or a dosage. */
  readonly range: Range;
  readonly markdown: string;
}

/** Markdown's special characters, escaped: names and dosages are shown as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

/** A guideline's card: its dosage in words, aliases, cues, source notes, progression, regression, protocol and source. */
export function guidelineCard(g: Guideline, link: GuidelineLink): string {
  const out: string[] = [`**${escapeMarkdown(g.name)}**`, g.dosage ? `: ${escapeMarkdown(describeDosage(g.dosage))}\n\n` : ': known exercise, no set dosage\n\n'];
  if (g.aliases.length > 0) {
    out.push(`Also: ${escapeMarkdown(g.aliases.join(', '))}\n\n`);
  }
  for (const c of g.cues) {
    out.push(`- ${escapeMarkdown(c)}\n`);
  }
  for (const n of g.notes) {
    out.push(`\nNote: ${escapeMarkdown(n)}\n`);
  }
  if (g.progression.length > 0) {
    out.push(`\nProgression: ${escapeMarkdown(g.progression.join('; '))}\n`);
  }
  if (g.regression.length > 0) {
    out.push(`\nRegression: ${escapeMarkdown(g.regression.join('; '))}\n`);
  }
  if (g.meta.title !== undefined) {
    out.push(`\nProtocol: ${escapeMarkdown(g.meta.title)}\n`);
  }
  out.push(`\nSource: ${escapeMarkdown(g.source ?? 'not given')} ([${escapeMarkdown(link.label)}](${link.target}))`);
  return out.join('');
}

/** One row per part the dosage shares with the guideline or the prescription, in the field table's order. */
interface Row {
  readonly label: string;
  readonly here: string;
  readonly prescribed?: string;
  readonly guideline?: string;
  readonly verdicts: string[];
}

/**
 * A dosage's card: the dosage in words, then a table of its parts against the guideline's range and, for
 * a logged entry, against its prescription (`prescribed`): in range or not, as prescribed or not (the
 * parts `off-program-dosage` compares).
 */
export function dosageCard(line: ExerciseLine, g: Guideline | undefined, prescribed?: ExerciseLine): string {
  const dosage = readInContext(line.dosage, g?.dosage ?? prescribed?.dosage);
  const out = [`${escapeMarkdown(describeDosage(dosage, ', ') || 'no readable dosage')}\n\n`];
  const rows = new Map<string, Row>();
  const row = (c: Comparison): Row => {
    let r = rows.get(c.field);
    if (!r) {
      r = { label: c.label, here: withUnit(c.here, c.unit), verdicts: [] };
      rows.set(c.field, r);
    }
    return r;
  };
  if (prescribed) {
    const differs = new Set(differsFrom(dosage, prescribed.dosage));
    for (const c of compareDosages(dosage, prescribed.dosage)) {
      const r = row(c);
      rows.set(c.field, { ...r, prescribed: withUnit(c.want, c.unit), verdicts: [...r.verdicts, differs.has(c.field) ? 'not as prescribed' : 'as prescribed'] });
    }
  }
  if (g?.dosage) {
    for (const c of compareDosages(dosage, g.dosage)) {
      const r = row(c);
      rows.set(c.field, { ...r, guideline: withUnit(c.want, c.unit), verdicts: [...r.verdicts, c.ok ? 'in range' : 'out of range'] });
    }
  }
  if (!g?.dosage) {
    out.push(g ? `${escapeMarkdown(g.name)}: no set dosage to compare with\n\n` : 'No guideline for this exercise\n\n');
  }
  if (rows.size === 0) {
    return out.join('').trimEnd();
  }
  const withPrescription = prescribed !== undefined;
  const withGuideline = g?.dosage !== undefined;
  const head = ['', line.kind === 'entry' ? 'logged' : 'prescribed'];
  if (withPrescription) {
    head.push(`prescribed (line ${prescribed.range.start.line})`);
  }
  if (withGuideline) {
    head.push(`${escapeMarkdown(g.name)} guideline`);
  }
  head.push('');
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows.values()) {
    const cells = [r.label, escapeMarkdown(r.here)];
    if (withPrescription) {
      cells.push(escapeMarkdown(r.prescribed ?? ''));
    }
    if (withGuideline) {
      cells.push(escapeMarkdown(r.guideline ?? ''));
    }
    cells.push(r.verdicts.join('; '));
    lines.push(`| ${cells.join(' | ')} |`);
  }
  out.push(`${lines.join('\n')}\n`);
  return out.join('');
}

function contains(r: Range, offset: number): boolean {
  return r.start.offset <= offset && offset <= r.end.offset;
}

/**
 * The hover at `offset` of a checked log: on an exercise name, the guideline card (`link` says where a
 * guideline's file is) and the name's link target; on a dosage, the dosage card. Undefined elsewhere.
 */
export function hoverAt(log: AthleteLog, library: GuidelineLibrary, offset: number, link: (g: Guideline) => GuidelineLink): HoverContent | undefined {
  const lines: [ExerciseLine, string | undefined][] = [];
  for (const p of log.phases) {
    for (const x of p.prescriptions) {
      lines.push([x, undefined]);
    }
  }
  for (const s of log.sessions) {
    for (const x of s.entries) {
      lines.push([x, s.date]);
    }
  }
  for (const [line, date] of lines) {
    if (contains(line.nameRange, offset)) {
      const g = library.lookup(line.name);
      const target = line.link !== undefined ? `Links to ${escapeMarkdown(line.link)}` : undefined;
      if (!g && target === undefined) {
        return undefined;
      }
      return { range: line.nameRange, markdown: [g ? guidelineCard(g, link(g)) : undefined, target].filter((x) => x !== undefined).join('\n\n') };
    }
    if (line.dosage.components.length > 0 && contains(line.dosageRange, offset)) {
      const prescribed = line.kind === 'entry' ? prescriptionFinder(log, library)(date, line.name) : undefined;
      return { range: line.dosageRange, markdown: dosageCard(line, library.lookup(line.name), prescribed) };
    }
  }
  return undefined;
}
