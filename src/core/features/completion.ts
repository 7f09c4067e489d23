/**
 * Completion in athlete logs, as plain data (the editor only converts columns and registers): exercise
 * names where a list item starts (inserting the guideline's dosage as tab stops), dosage parts where a
 * part starts (right after the name's colon or after a comma), and today's date for a session heading.
 *
 * Parts are offered only where a part begins, never in the middle of one: typing
 * `- Chair Bridge: 3 x 10, hold 5 s` and pressing Enter must give exactly that line, so the list must not
 * open after the space in `hold 5 ` (where the `s` of seconds would pick `steps` and Enter accept it).
 */
import { describeDosage } from '../dosage/format.js';
import { DOSAGE_FIELDS } from '../dosage/fields.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { Guideline } from '../guidelines/parse.js';
import { dosageSnippet, exerciseSnippet } from '../snippets.js';

export type CompletionKind = 'date' | 'exercise' | 'guideline-dosage' | 'dosage-part';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** What is inserted, in VS Code's snippet syntax. */
  readonly snippet: string;
  readonly detail: string;
  /** Markdown shown beside the list. */
  readonly documentation?: string;
  /** 0-based column where the replaced text starts (it ends at the cursor). */
  readonly replaceFrom: number;
  readonly filterText?: string;
  readonly sortText?: string;
}

const ITEM_START = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)([^:]*)$/;
const AFTER_NAME = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?)([^:]+):(.*)$/;
const HEADING = /^(#{1,6})(\s*)([\d-]*)$/;
/** The part being written: nothing yet, or one word started (`ho`, `%`, `@`), nothing after it. */
const PART_START = /(?:^|[,;:])\s*([^\s,;:]*)$/;

/**
 * The completion entries for the text of a line before the cursor (`prefix`). An empty list means
 * nothing to offer here, and the editor shows no list.
 */
export function completionsAt(prefix: string, library: GuidelineLibrary, today: string): CompletionEntry[] {
  const heading = HEADING.exec(prefix);
  if (heading) {
    const text = `${heading[1] ?? '###'} ${today}`;
    return [{ label: text, kind: 'date', snippet: text, detail: 'Session for today', replaceFrom: 0, filterText: prefix }];
  }
  const start = ITEM_START.exec(prefix);
  if (start) {
    const from = (start[1] ?? '').length;
    return library.all().map((g) => exerciseEntry(g, from));
  }
  const after = AFTER_NAME.exec(prefix);
  if (!after) {
    return [];
  }
  const dosage = after[3] ?? '';
  const part = PART_START.exec(dosage);
  if (!part) {
    return [];
  }
  const word = part[1] ?? '';
  const from = prefix.length - word.length;
  const out: CompletionEntry[] = [];
  const g = library.lookup((after[2] ?? '').replace(/[*_`]/g, '').trim());
  if (g?.dosage && dosage.trim() === '') {
    out.push({ label: `${g.name} guideline dosage`, kind: 'guideline-dosage', snippet: dosageSnippet(g.dosage), detail: describeDosage(g.dosage), replaceFrom: from, sortText: '0' });
  }
  for (const f of DOSAGE_FIELDS) {
    if (f.completion) {
      const c = f.completion;
      out.push({ label: c.label, kind: 'dosage-part', snippet: c.snippet, detail: c.detail, replaceFrom: from, sortText: `1${c.label}` });
    }
  }
  return out;
}

function exerciseEntry(g: Guideline, from: number): CompletionEntry {
  const doc = [
    ...(g.cues.length > 0 ? [g.cues.map((c) => `- ${c}`).join('\n')] : []),
    ...(g.source ? [`Source: ${g.source}`] : []),
  ].join('\n\n');
  return {
    label: g.name,
    kind: 'exercise',
    snippet: exerciseSnippet(g),
    detail: g.dosage ? describeDosage(g.dosage) : 'known exercise, no set dosage',
    ...(doc ? { documentation: doc } : {}),
    replaceFrom: from,
    filterText: [g.name, ...g.aliases].join(' '),
  };
}
