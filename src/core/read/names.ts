/**
 * Where an exercise line's name ends and its dosage starts (FORMAT.md v2, "Names"). The text is the
 * line's Markdown source; positions are offsets into it.
 *
 * - Task checkboxes, emphasis, inline code and list numbering are not part of a name; a link's text is
 *   the name and its target is kept.
 * - The name ends at `:`, ` - `, ` – `, ` — `, ` / `, or where the dosage starts, whichever comes first;
 *   a colon inside a time (`1:30`) or inside a link target ends nothing.
 * - A side word inside a name (`Standing right & left hip lift`) belongs to the name unless a number
 *   follows it.
 * - Count first: `2x10 chair bridge`, `12 chair bridges`, `1 sets 8 reps 40kg deadlift RPE 8`: the
 *   words that are not dosage are the name.
 */
import { parseDosage, readForExercise, startsComponent } from '../dosage/parse.js';
import type { Dosage } from '../model.js';

export interface LineParts {
  /** The name as shown (markup stripped) and where it is written. */
  readonly name: string;
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Where the dosage is written; `dosage` was read from that text (offsets relative to `dosageStart`). */
  readonly dosageStart: number;
  readonly dosageEnd: number;
  readonly dosage: Dosage;
  /** A link's target when the name is a link. */
  readonly link?: string;
}

const LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/;
const SIDE_WORD = /^(?:left|right|both|each|per|l|r|bilateral|alternating|alt)\b/i;
const NUMBER_NEXT = /^[\s,&/-]*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\b)/i;
const SEPARATOR = / (?:-|–|—|\/) /g;

/** Strips Markdown emphasis, code and link syntax and list numbering: `**1. Chair Bridge**` -> `Chair Bridge`. */
export function cleanName(raw: string): string {
  return raw
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\[([^\]]*)\]\]/g, '$1')
    .replace(/[*_`~]+/g, '')
    .replace(/^\s*(?:\[[ xX]\]\s+)?(?:\d{1,3}[.)]\s+)?/, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s:,;–—-]+$/, '')
    .trim();
}

/**
 * The text with what can hold a colon or a separator that ends nothing blanked out, same length: link
 * targets and bare web addresses.
 */
function masked(raw: string): string {
  if (!raw.includes('](') && !raw.includes('://')) {
    return raw;
  }
  return raw
    .replace(/\]\([^)]*\)/g, (m) => `]${' '.repeat(m.length - 1)}`)
    .replace(/<?[a-z][a-z0-9+.-]*:\/\/[^\s>)]*>?/gi, (m) => ' '.repeat(m.length));
}

/** The first colon that ends a name: not inside a time such as `1:30`. */
function nameColon(text: string): number {
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    const before = text.charCodeAt(i - 1);
    const after = text.charCodeAt(i + 1);
    if (!(before >= 48 && before <= 57 && after >= 48 && after <= 57)) {
      return i;
    }
  }
  return -1;
}

/** Where the dosage starts after a name: the first word (not the first) that reads as a dosage component. */
function dosageWord(text: string, limit: number): number {
  const word = /(^|[\s(])(?=\S)/g;
  let m: RegExpExecArray | null;
  while ((m = word.exec(text)) !== null) {
    const at = m.index + (m[1]?.length ?? 0);
    if (at >= limit) {
      return -1;
    }
    if (at > 0 && startsComponent(text, at)) {
      const w = SIDE_WORD.exec(text.slice(at));
      if (!w || NUMBER_NEXT.test(text.slice(at + w[0].length))) {
        return at;
      }
    }
    if (m[0].length === 0) {
      word.lastIndex++;
    }
  }
  return -1;
}

function withName(raw: string, nameStart: number, nameEnd: number, dosageStart: number, dosageEnd: number, dosage: Dosage): LineParts {
  const rawName = raw.slice(nameStart, nameEnd);
  const link = LINK.exec(rawName)?.[2];
  const lead = rawName.length - rawName.trimStart().length;
  const name = cleanName(rawName);
  const parts = {
    name,
    nameStart: nameStart + lead,
    nameEnd: nameStart + rawName.trimEnd().length,
    dosageStart,
    dosageEnd,
    // `Strides @ 80%`: a run's bare percentage is a share of effort.
    dosage: readForExercise(dosage, name),
  };
  return link ? { ...parts, link } : parts;
}

/** Skips blanks forward from `at`. */
function skipBlanks(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && /\s/.test(text[i] ?? '')) {
    i++;
  }
  return i;
}

/** Whether a problem's text is words only: a name, not a number written wrongly. */
const WORDS_ONLY = /^[A-Za-z][A-Za-z'’&/ -]*[A-Za-z]$/;

/** A leading count the grammar does not read on its own (`12 chair bridges`, `5 5kg dumbbell curls`): reps. */
const LEAD_COUNT = /^(\d{1,4})\s+(?=\S)/;

/** Adds reps read from a leading count at the start of a dosage read with that count blanked out. */
function withLeadReps(d: Dosage, text: string, count: string): Dosage {
  if (d.reps || d.sets) {
    return d;
  }
  const reps = parseDosage(`${count} reps`).reps;
  const out: Dosage = { ...d, text, components: [{ kind: 'reps', start: 0, end: count.length }, ...d.components] };
  if (reps) {
    out.reps = reps;
  }
  return out;
}

/**
 * Reads a count-first line (`2x10 chair bridge`, `2 minutes plank`, `12 chair bridges`, `5 5kg dumbbell
 * curls`), or undefined when it is not one. The words that are not dosage are the name; a bare count the
 * grammar cannot read on its own is the reps.
 */
function countFirst(raw: string, text: string): LineParts | undefined {
  const end = raw.trimEnd().length;
  let whole = parseDosage(text.slice(0, end));
  let lead = '';
  const count = LEAD_COUNT.exec(text);
  const first = whole.problems[0];
  if (count?.[1] && (whole.components[0]?.start ?? end) > 0 && first?.start === 0) {
    // The count is not a component (`12 chair bridges` is one unreadable run): read the rest without it.
    lead = count[1];
    whole = parseDosage(`${' '.repeat(lead.length)}${text.slice(lead.length, end)}`);
  }
  // Words with no number are the dosage's note (or, written oddly, a problem): here they are the name.
  const words = [...whole.problems, ...(whole.noteRanges ?? [])].sort((a, b) => a.start - b.start);
  const named = words.find((p) => WORDS_ONLY.test(text.slice(p.start, p.end)));
  if (!named || (lead === '' && (whole.components.length === 0 || (whole.components[0]?.start ?? 1) > named.start))) {
    return undefined;
  }
  const blanked = (s: string): string => `${' '.repeat(lead.length)}${s.slice(lead.length)}`;
  const read = (s: string): Dosage => (lead === '' ? parseDosage(s) : withLeadReps(parseDosage(blanked(s)), s, lead));
  if (named.end >= end) {
    let dEnd = named.start;
    while (dEnd > 0 && /[\s,;:–—-]/.test(text[dEnd - 1] ?? '')) {
      dEnd--;
    }
    return withName(raw, named.start, named.end, 0, dEnd, read(raw.slice(0, dEnd)));
  }
  // The name stands between dosage parts: it is blanked out of the dosage, which keeps its positions.
  const blank = `${raw.slice(0, named.start)}${' '.repeat(named.end - named.start)}${raw.slice(named.end, end)}`;
  return withName(raw, named.start, named.end, 0, end, read(blank));
}

/** A bold or emphasized label ending in a colon before the exercise: `**Work:**`, `**Warm-up**:`, `_Set B:_`. */
const LEAD_LABEL = /^(\*\*|__|\*|_)(?=[^\s*_])[^*_:]{1,40}(?::\1|\1:)\s*/;
const SIDE_FIRST = /^(?:left|right|both|each|l|r)\b/i;

/**
 * A line that starts with an emphasized label (a set type such as `**Work:**`) followed by a whole
 * exercise line of its own (`Squat / 30kg / 5,5,8`): the parts of that line, else undefined.
 */
function afterLabel(raw: string): LineParts | undefined {
  const m = LEAD_LABEL.exec(raw);
  if (!m) {
    return undefined;
  }
  const at = m[0].length;
  const rest = readLineParts(raw.slice(at));
  if (rest.name === '' || SIDE_FIRST.test(rest.name) || !isExerciseDosage(rest.dosage) || !hasCountedPart(rest.dosage)) {
    return undefined;
  }
  return { ...rest, nameStart: rest.nameStart + at, nameEnd: rest.nameEnd + at, dosageStart: rest.dosageStart + at, dosageEnd: rest.dosageEnd + at };
}

/** Splits an exercise line's source into name and dosage. */
export function readLineParts(raw: string): LineParts {
  const labelled = afterLabel(raw);
  if (labelled) {
    return labelled;
  }
  const end = raw.trimEnd().length;
  const text = masked(raw);
  if (startsComponent(text, 0) || LEAD_COUNT.test(text)) {
    const first = countFirst(raw, text);
    if (first) {
      return first;
    }
    // Only a dosage: no name (a child line, a set line or a table cell supplies it).
    return { name: '', nameStart: 0, nameEnd: 0, dosageStart: 0, dosageEnd: end, dosage: parseDosage(raw.slice(0, end)) };
  }
  const colon = nameColon(text);
  SEPARATOR.lastIndex = 0;
  const sep = SEPARATOR.exec(text);
  let cut = -1;
  let cutLength = 0;
  if (colon > 0 && text.slice(0, colon).trim() !== '') {
    cut = colon;
    cutLength = 1;
  }
  if (sep && sep.index > 0 && (cut < 0 || sep.index < cut) && text.slice(0, sep.index).trim() !== '') {
    cut = sep.index;
    cutLength = sep[0].length;
  }
  const word = dosageWord(text, cut < 0 ? end : cut);
  if (word > 0) {
    let nameEnd = word;
    while (nameEnd > 0 && /[\s\-–—:(/]/.test(raw[nameEnd - 1] ?? '')) {
      nameEnd--;
    }
    if (nameEnd > 0) {
      return withName(raw, 0, nameEnd, word, end, parseDosage(raw.slice(word, end)));
    }
  }
  if (cut > 0) {
    // `**Chair Bridge:** 3 x 10`: the emphasis closing after the colon is not part of the dosage.
    const close = cutLength === 1 ? /^[*_]+/.exec(raw.slice(cut + 1))?.[0].length ?? 0 : 0;
    const dStart = skipBlanks(raw, cut + cutLength + close, end);
    return withName(raw, 0, cut, dStart, end, parseDosage(raw.slice(dStart, end)));
  }
  return withName(raw, 0, end, end, end, parseDosage(''));
}

/** Kinds that stand on their own as a dose; the others (`daily`, `warm-up`, `left`) only with a number. */
const WORD_KINDS = new Set(['frequency', 'timing', 'side']);

/** Whether a dosage has a component with a number in it (`3 x 10`, `2x daily`), not only words (`daily`, `warm-up`). */
export function hasCountedPart(d: Dosage): boolean {
  return d.components.some((c) => !WORD_KINDS.has(c.kind) || /\d|\b(?:once|twice|thrice)\b/i.test(d.text.slice(c.start, c.end)));
}

/**
 * Whether a dosage makes its line an exercise line: it has a component, and either nothing else or a
 * component with a number (`Progress daily routines` is a note; `Gentle stretching: daily` is not).
 */
export function isExerciseDosage(d: Dosage): boolean {
  if (d.components.length === 0) {
    return false;
  }
  return (d.problems.length === 0 && d.note === undefined) || hasCountedPart(d);
}

/**
 * Whether a line read into parts is an exercise line. A line that is only a dosage needs a number in it
 * (`- Warm-up` over a group is a label). A named line needs a dosage component (see isExerciseDosage),
 * or a dosage that looks like one even if it cannot be read (`Chair Bridge: 3-2 x 10`: reported as
 * unreadable), or nothing at all after a colon (`Chair Bridge:`: its dosage is missing).
 */
export function isExerciseLine(raw: string, parts: LineParts): boolean {
  if (parts.name === '') {
    return hasCountedPart(parts.dosage);
  }
  if (isExerciseDosage(parts.dosage)) {
    return true;
  }
  const dosage = raw.slice(parts.dosageStart, parts.dosageEnd);
  if (dosage.trim() === '') {
    return /^\s*:/.test(raw.slice(parts.nameEnd));
  }
  return looksLikeExerciseLine(dosage);
}

/**
 * Whether a text looks like an exercise line even when it cannot be read: a number with a unit, `N x N`,
 * `x N`, or a labelled field (`Reps: 10`).
 */
const LOOKS_LIKE = /\b\d+(?:[.,]\d+)?\s*(?:[x×*]\s*\d|(?:s|sec|secs|seconds?|min|mins|minutes?|reps?|sets?|kg|lbs?|m|km|mi|miles?|yd|steps?|bouts?)\b)|(?:^|\s)[x×]\s*\d|\b(?:reps|sets|hold|repetitions)\s*:\s*\d/i;

export function looksLikeExerciseLine(text: string): boolean {
  return LOOKS_LIKE.test(text);
}

/** `Set 1: 5 reps`, `Set 2 - 4 x 100 kg`: a set line; returns where its dosage starts. */
export function setLineDosage(raw: string): number | undefined {
  const m = /^\s*(?:\*\*|__)?set\s*\d{1,2}(?:\*\*|__)?\s*(?:[:.)–—-]|\*\*:?)\s*/i.exec(raw);
  return m ? m[0].length : undefined;
}
