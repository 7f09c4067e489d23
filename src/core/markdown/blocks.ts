/**
 * Splits a log into top-level blocks with a cheap line scan, so each block can be parsed (and cached) on
 * its own: the front matter, then one block per ATX heading written at the start of a line.
 *
 * A `#` heading at column 1 always starts a new top-level block in CommonMark: it cannot continue a list
 * item (that needs indentation), a block quote (that needs `>`), a paragraph (headings interrupt them)
 * or indented code. The scan only has to skip fenced code and HTML blocks, which can hold such lines.
 * Where it is unsure it does not split: a larger block parses the same, only less incrementally.
 *
 * A session runs on through its sub-headings (FORMAT.md v2): after a date heading, deeper headings
 * (`#### Warm-up`) do not start a block, so a session never spans blocks. Any other heading keeps the deeper
 * headings under it that are neither dates nor sections in its block: a phase and its exercise headings
 * (`## Phase 1` then `### Chair Bridge`), the Program and the exercise headings written straight under it,
 * a heading of a log without a Program heading and the exercise headings under it. So the heading an
 * exercise heading belongs to is always read with it (read/assemble.ts), and a date or a section heading,
 * where reading starts afresh, still starts a block (a Log of dated sessions stays one block a session).
 */
import { readHeadingDate } from '../read/dates.js';
import { sectionKind } from '../read/sections.js';

export interface Block {
  /** Offset of the block's first character in the document. */
  readonly start: number;
  readonly text: string;
  /** 1-based line of the block's first line. */
  readonly line: number;
  readonly kind: 'front-matter' | 'body';
}

const FENCE = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+|>[ \t]?)*(`{3,}|~{3,})(.*)$/;
const HEADING = /^#{1,6}(?:[ \t]|$)/;

/** Whether a line (without its line break) is an ATX heading written at the start of the line: a block starts there. */
export function isHeadingLine(line: string): boolean {
  return line.charCodeAt(0) === 35 /* # */ && HEADING.test(line);
}

/** An ATX heading line's depth (1-6). */
function headingDepth(line: string): number {
  let d = 0;
  while (line.charCodeAt(d) === 35) {
    d++;
  }
  return d;
}

/**
 * Whether a heading line names a session (its text starts with a date, read/dates.ts): the session runs on
 * through deeper headings (`#### Warm-up`), which stay in its block. Markup before the date is looked
 * through; where unsure this says yes, which only makes a larger block.
 */
export function isDateHeadingLine(line: string): boolean {
  const text = line.replace(/^#+[ \t]*/, '').replace(/^(?:[*_~`]+|\[(?!\[))+/, '');
  return readHeadingDate(text) !== undefined;
}
/**
 * Whether a heading line names a section (Program, Log, Assessment and their other names). Where unsure (any
 * markup left around or inside the text) this says no: the heading then stays in a larger block.
 */
export function isSectionHeadingLine(line: string): boolean {
  const text = line.replace(/^#+[ \t]*/, '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^[*_`]+|[*_`]+$/g, '').trim();
  return !/[\\*_`[\]<>&]/.test(text) && sectionKind(text) !== undefined;
}

/** HTML blocks that run on over blank lines (CommonMark kinds 1-5): their opener and closer. */
export const HTML_UNTIL: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const HTML_UNTIL_BLANK = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:\s|\/?>|$)/;

/** The length of the front matter (`---` ... `---` or `...` at the very start), or 0. */
export function frontMatterEnd(text: string): number {
  const first = nextLine(text, 0);
  if (!/^\uFEFF?---[ \t]*$/.test(first.line)) {
    return 0;
  }
  for (let at = first.next; at < text.length;) {
    const l = nextLine(text, at);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(l.line)) {
      return l.next;
    }
    at = l.next;
  }
  return 0;
}

/** The line starting at `at` (without its line break) and where the next line starts. */
function nextLine(text: string, at: number): { line: string; next: number } {
  let i = at;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      break;
    }
  }
  const line = text.slice(at, i);
  if (i >= text.length) {
    return { line, next: text.length };
  }
  return { line, next: text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1 };
}

/** Lines scanned between pauses of `scanBlocks`. */
const LINES_PER_STEP = 4096;

/**
 * Splits the text from `from` (offset 0 or a block boundary, on line `line`) into blocks, as steps: it
 * yields every few thousand lines. `stop(offset)` is asked at each later boundary; when it says yes the
 * scan ends there (the caller knows the blocks from that offset on). Returns the blocks and where the
 * scan ended.
 */
export function* scanBlocks(text: string, from = 0, line = 1, stop?: (offset: number) => boolean): Generator<undefined, { blocks: Block[]; end: number }> {
  const blocks: Block[] = [];
  let blockStart = from;
  let blockLine = line;
  let at = from;
  let lineNo = line;
  if (from === 0) {
    const fmEnd = frontMatterEnd(text);
    if (fmEnd > 0) {
      blocks.push({ start: 0, text: text.slice(0, fmEnd), line: 1, kind: 'front-matter' });
      for (; at < fmEnd; lineNo++) {
        at = nextLine(text, at).next;
      }
      blockStart = fmEnd;
      blockLine = lineNo;
    }
  }
  let fence: { char: number; length: number } | undefined;
  // The depth of the open session's date heading (0: none): deeper headings belong to its block.
  let session = 0;
  // The depth of the block's first heading when it is not a date (0: none): deeper headings that are neither
  // dates nor sections belong to its block.
  let keeper = 0;
  let htmlEnd: RegExp | 'blank' | undefined;
  let counted = 0;
  for (; at < text.length; lineNo++) {
    if (++counted % LINES_PER_STEP === 0) {
      yield;
    }
    const lineStart = at;
    const { line: l, next } = nextLine(text, at);
    at = next;
    if (fence) {
      const m = l.includes(String.fromCharCode(fence.char)) ? FENCE.exec(l) : null;
      if (m?.[1]?.charCodeAt(0) === fence.char && (m[1]?.length ?? 0) >= fence.length && (m[2] ?? '').trim() === '') {
        fence = undefined;
      }
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd === 'blank' ? l.trim() === '' : htmlEnd.test(l)) {
        htmlEnd = undefined;
      }
      continue;
    }
    const heading = isHeadingLine(l);
    const depth = heading ? headingDepth(l) : 0;
    // A sub-heading of the open session stays in its block.
    if (heading && !(session > 0 && depth > session)) {
      const date = isDateHeadingLine(l);
      // A heading under the block's first heading (a phase's exercise heading) stays in its block.
      if (date || !(keeper > 0 && depth > keeper) || isSectionHeadingLine(l)) {
        if (lineStart > blockStart) {
          if (stop?.(lineStart)) {
            blocks.push({ start: blockStart, text: text.slice(blockStart, lineStart), line: blockLine, kind: 'body' });
            return { blocks, end: lineStart };
          }
          blocks.push({ start: blockStart, text: text.slice(blockStart, lineStart), line: blockLine, kind: 'body' });
          blockStart = lineStart;
          blockLine = lineNo;
        }
        // A date heading keeps its sub-headings (`#### Warm-up`); any other its exercise headings.
        session = date ? depth : 0;
        keeper = date ? 0 : depth;
      }
    }
    // Only lines with a fence character or a `<` can open a fence or an HTML block: skip the regexes.
    if (l.includes('`') || l.includes('~')) {
      const f = FENCE.exec(l);
      if (f?.[1] && !(f[1][0] === '`' && (f[2] ?? '').includes('`'))) {
        fence = { char: f[1].charCodeAt(0), length: f[1].length };
        continue;
      }
    }
    if (l.includes('<')) {
      const html = HTML_UNTIL.find(([open]) => open.test(l));
      if (html) {
        if (!html[1].test(l.replace(html[0], ''))) {
          htmlEnd = html[1];
        }
      } else if (HTML_UNTIL_BLANK.test(l)) {
        htmlEnd = 'blank';
      }
    }
  }
  if (blockStart < text.length || blocks.length === 0) {
    blocks.push({ start: blockStart, text: text.slice(blockStart), line: blockLine, kind: 'body' });
  }
  return { blocks, end: text.length };
}

/** Splits a whole text into blocks in one go. */
export function splitBlocks(text: string): Block[] {
  const steps = scanBlocks(text);
  for (;;) {
    const r = steps.next();
    if (r.done) {
      return r.value.blocks;
    }
  }
}
