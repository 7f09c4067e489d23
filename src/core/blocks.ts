/**
 * Splits a log into top-level blocks with a cheap line scan, so each block can be parsed (and cached) on
 * its own: the front matter, then one block per ATX heading written at the start of a line.
 *
 * A `#` heading at column 1 always starts a new top-level block in CommonMark: it cannot continue a list
 * item (that needs indentation), a block quote (that needs `>`), a paragraph (headings interrupt them)
 * or indented code. The scan only has to skip fenced code and HTML blocks, which can hold such lines.
 * Where it is unsure it does not split: a larger block parses the same, only less incrementally.
 */

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
const HTML_UNTIL: readonly [RegExp, RegExp][] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];
const HTML_UNTIL_BLANK = /^ {0,3}<\/?[A-Za-z][A-Za-z0-9-]*(?:\s|\/?>|$)/;

/** Line starts of `text`: `\n`, `\r\n` and lone `\r` all end a line. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      starts.push(i + 1);
    }
  }
  return starts;
}

function lineAt(text: string, starts: number[], i: number): string {
  const s = starts[i] ?? text.length;
  const e = starts[i + 1] ?? text.length;
  return text.slice(s, e).replace(/\r?\n$|\r$/, '');
}

/** The length of the front matter (`---` ... `---` or `...` at the very start), or 0. */
export function frontMatterEnd(text: string, starts: number[] = lineStarts(text)): number {
  const first = lineAt(text, starts, 0).replace(/^\uFEFF/, '');
  if (!/^---[ \t]*$/.test(first)) {
    return 0;
  }
  for (let i = 1; i < starts.length; i++) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lineAt(text, starts, i))) {
      return starts[i + 1] ?? text.length;
    }
  }
  return 0;
}

export function splitBlocks(text: string): Block[] {
  const starts = lineStarts(text);
  const blocks: Block[] = [];
  const fmEnd = frontMatterEnd(text, starts);
  let blockStart = 0;
  let blockLine = 1;
  let i = 0;
  if (fmEnd > 0) {
    blocks.push({ start: 0, text: text.slice(0, fmEnd), line: 1, kind: 'front-matter' });
    blockStart = fmEnd;
    while ((starts[i] ?? text.length) < fmEnd) {
      i++;
    }
    blockLine = i + 1;
  }
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | 'blank' | undefined;
  for (; i < starts.length; i++) {
    const line = lineAt(text, starts, i);
    if (fence) {
      const m = FENCE.exec(line);
      if (m?.[1]?.[0] === fence.char && (m[1]?.length ?? 0) >= fence.length && (m[2] ?? '').trim() === '') {
        fence = undefined;
      }
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd === 'blank' ? line.trim() === '' : htmlEnd.test(line)) {
        htmlEnd = undefined;
      }
      continue;
    }
    const lineStart = starts[i] ?? text.length;
    if (HEADING.test(line) && lineStart > blockStart) {
      blocks.push({ start: blockStart, text: text.slice(blockStart, lineStart), line: blockLine, kind: 'body' });
      blockStart = lineStart;
      blockLine = i + 1;
    }
    const f = FENCE.exec(line);
    if (f?.[1] && !(f[1][0] === '`' && (f[2] ?? '').includes('`'))) {
      fence = { char: f[1][0] ?? '`', length: f[1].length };
      continue;
    }
    const html = HTML_UNTIL.find(([open]) => open.test(line));
    if (html) {
      if (!html[1].test(line.replace(html[0], ''))) {
        htmlEnd = html[1];
      }
    } else if (HTML_UNTIL_BLANK.test(line)) {
      htmlEnd = 'blank';
    }
  }
  if (blockStart < text.length || blocks.length === 0) {
    blocks.push({ start: blockStart, text: text.slice(blockStart), line: blockLine, kind: 'body' });
  }
  return blocks;
}
