/**
 * Guards that keep micromark linear on any input, without losing text. micromark's time grows much
 * faster than linearly with two shapes: deep container nesting (500 nested list items took 7 s) and
 * paragraphs with many inline openers (emphasis, brackets, `<!`, `<?`, CDATA and code-span runs: 99 KB
 * of `*a_` took 43 s), and inline nesting thousands deep overflows the recursion of tree walkers.
 *
 * `guardPlan` finds such places with one cheap pass over the lines, and cuts the text into pieces that
 * are parsed one by one (their trees then joined, positions moved to the whole text):
 * - a line nested deeper than MAX_NESTING is parsed on its own with its container prefix (the `>` marks,
 *   list markers and indentation) left out, except its last list marker: its text stays, as plain text,
 *   and an exercise line in it is still read;
 * - a run of lines (a paragraph, a list) is cut before a line that would bring its inline openers past
 *   MAX_OPENERS; a single line with more than that is parsed up to that point, and the rest of the line
 *   is kept as plain text, unparsed.
 * - a long text is cut into pieces of about MAX_PIECE_CHARS at lines where every block is closed anyway:
 *   after a blank line, before a line at column 1 that no container can continue (not indented, no `>`,
 *   no list marker), outside fenced code and HTML blocks. micromark keeps every event of a text until
 *   it builds the tree (about 50 bytes of garbage a byte of tables), so a 5 MB session of small tables
 *   took minutes and gigabytes; in pieces its memory is bounded by the piece and the time is linear. A
 *   link or footnote definition then reaches references in its own piece only, as it does within its
 *   own block (blocks.ts). A text without definitions (no `]:`) parses the same in any pieces cut so, and
 *   is cut into pieces of about SMALL_PIECE_CHARS: micromark's time per byte grows with the length it is
 *   given (its event list and the garbage collector's work on it), so many small tables parsed 2 KB at a
 *   time took half the time they took 16 KB at a time.
 * Lines inside a top-level fenced code block are code to micromark and are neither counted nor cut.
 */
import type { Root, RootContent } from 'mdast';
import { HTML_UNTIL } from './blocks.js';

/** Deepest container nesting handed to micromark. */
export const MAX_NESTING = 64;
/** Most inline openers (`*`, `_`, `[`, `<`, `~`, backtick) in one piece handed to micromark. */
export const MAX_OPENERS = 256;
/** Characters after which a long text is cut at the next line where every block is closed. */
export const MAX_PIECE_CHARS = 16 * 1024;
/** The same for a text without link or footnote definitions, where a cut changes nothing. */
export const SMALL_PIECE_CHARS = 2 * 1024;

/** The length after which `text` is cut into pieces: short pieces unless a definition could reach across them. */
export function pieceChars(text: string): number {
  return text.includes(']:') ? MAX_PIECE_CHARS : SMALL_PIECE_CHARS;
}

export interface Piece {
  readonly start: number;
  readonly end: number;
  /** 1-based line and column of `start`. */
  readonly line: number;
  readonly column: number;
  /** `parse`: given to micromark; `plain`: kept as one paragraph of text. */
  readonly mode: 'parse' | 'plain';
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function isOpener(c: number): boolean {
  // * _ [ < ~ `
  return c === 42 || c === 95 || c === 91 || c === 60 || c === 126 || c === 96;
}

/**
 * The container prefix of the line text[from, to): its markers, the depth it asks for (markers and
 * the indentation around them, two columns a level), and where the text after the prefix starts (keeping
 * the last marker when it is a list marker).
 */
function containerPrefix(text: string, from: number, to: number): { depth: number; keepFrom: number } {
  let i = from;
  let markers = 0;
  let spaces = 0;
  let lastMarkerStart = -1;
  let lastIsList = false;
  for (;;) {
    // Indentation counts only before a marker: spaces after the last one nest nothing.
    let pending = 0;
    while (i < to && isSpace(text.charCodeAt(i))) {
      pending++;
      i++;
    }
    const c = text.charCodeAt(i);
    const marker = i < to && (c === 62 || ((c === 45 || c === 42 || c === 43) && (i + 1 >= to || isSpace(text.charCodeAt(i + 1)))) || (c >= 48 && c <= 57));
    if (marker) {
      spaces += pending;
    }
    if (i < to && c === 62 /* > */) {
      lastMarkerStart = i;
      lastIsList = false;
      markers++;
      i++;
      continue;
    }
    if (i < to && (c === 45 || c === 42 || c === 43) && (i + 1 >= to || isSpace(text.charCodeAt(i + 1)))) {
      lastMarkerStart = i;
      lastIsList = true;
      markers++;
      i++;
      continue;
    }
    if (i < to && c >= 48 && c <= 57) {
      let j = i;
      while (j < to && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) {
        j++;
      }
      const d = text.charCodeAt(j);
      if (j < to && (d === 46 || d === 41) && (j + 1 >= to || isSpace(text.charCodeAt(j + 1)))) {
        lastMarkerStart = i;
        lastIsList = true;
        markers++;
        i = j + 1;
        continue;
      }
    }
    break;
  }
  if (markers === 0) {
    // Indentation alone opens no container (it continues one, or is code).
    return { depth: 0, keepFrom: from };
  }
  return { depth: markers + Math.floor(spaces / 2), keepFrom: lastIsList ? lastMarkerStart : i };
}

/** A top-level fence opener (no container, at most 3 spaces): its character and length. */
function fenceOpener(text: string, from: number, to: number): { char: number; length: number } | undefined {
  let i = from;
  while (i < to && i - from < 4 && text.charCodeAt(i) === 32) {
    i++;
  }
  if (i - from > 3) {
    return undefined;
  }
  const c = text.charCodeAt(i);
  if (c !== 96 && c !== 126) {
    return undefined;
  }
  let j = i;
  while (j < to && text.charCodeAt(j) === c) {
    j++;
  }
  if (j - i < 3) {
    return undefined;
  }
  if (c === 96 && text.slice(j, to).includes('`')) {
    return undefined;
  }
  return { char: c, length: j - i };
}

function closesFence(text: string, from: number, to: number, fence: { char: number; length: number }): boolean {
  let i = from;
  while (i < to && i - from < 4 && text.charCodeAt(i) === 32) {
    i++;
  }
  if (i - from > 3) {
    return false;
  }
  let j = i;
  while (j < to && text.charCodeAt(j) === fence.char) {
    j++;
  }
  if (j - i < fence.length) {
    return false;
  }
  for (; j < to; j++) {
    if (!isSpace(text.charCodeAt(j))) {
      return false;
    }
  }
  return true;
}

/**
 * Whether the line text[from, to), after a blank line, closes every open block: it starts at column 1
 * with a character no container continues with (indentation, `>`, a list marker or a digit).
 */
function closesAll(text: string, from: number, to: number): boolean {
  if (from >= to) {
    return false;
  }
  const c = text.charCodeAt(from);
  return !(isSpace(c) || c === 62 || c === 45 || c === 42 || c === 43 || (c >= 48 && c <= 57));
}

/**
 * Where `text` has to be parsed in pieces (see the module comment), from offset `from` on (after front
 * matter); undefined when micromark can take it whole, which is every short ordinary block. `maxPiece`:
 * the length after which the text is cut at the next line that closes every block (Infinity: only the
 * hostile shapes are cut).
 */
export function guardPlan(text: string, from = 0, maxPiece = pieceChars(text)): Piece[] | undefined {
  const pieces: Piece[] = [];
  let pieceStart = 0;
  let pieceLine = 1;
  let runOpeners = 0;
  let fence: { char: number; length: number } | undefined;
  let cut = false;
  let html: RegExp | undefined;
  let previousBlank = false;
  let line = 1;
  // Lines before `from` (front matter) are only counted.
  for (let i = 0; i < from; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
    }
  }
  const flush = (end: number): void => {
    if (end > pieceStart) {
      pieces.push({ start: pieceStart, end, line: pieceLine, column: 1, mode: 'parse' });
    }
  };
  let at = from;
  while (at < text.length) {
    let eol = at;
    while (eol < text.length) {
      const c = text.charCodeAt(eol);
      if (c === 10 || c === 13) {
        break;
      }
      eol++;
    }
    const next = eol >= text.length ? eol : text.charCodeAt(eol) === 13 && text.charCodeAt(eol + 1) === 10 ? eol + 2 : eol + 1;
    const blankLine = isBlank(text, at, eol);
    if (fence) {
      if (closesFence(text, at, eol, fence)) {
        fence = undefined;
      }
    } else if (html) {
      if (html.test(text.slice(at, eol))) {
        html = undefined;
      }
    } else {
      if (previousBlank && at - pieceStart > maxPiece && closesAll(text, at, eol)) {
        cut = true;
        flush(at);
        pieceStart = at;
        pieceLine = line;
        runOpeners = 0;
      }
      if (text.charCodeAt(at) === 60 || text.startsWith('<', at + 1) || text.startsWith('<', at + 2) || text.startsWith('<', at + 3)) {
        const l = text.slice(at, eol);
        const kind = HTML_UNTIL.find(([opener]) => opener.test(l));
        if (kind && !kind[1].test(l.replace(kind[0], ''))) {
          html = kind[1];
        }
      }
      const open = fenceOpener(text, at, eol);
      if (open) {
        fence = open;
        runOpeners = 0;
      } else {
        let openers = 0;
        let blank = true;
        for (let i = at; i < eol; i++) {
          const c = text.charCodeAt(i);
          if (isOpener(c)) {
            openers++;
          }
          if (blank && !isSpace(c)) {
            blank = false;
          }
        }
        const { depth, keepFrom } = containerPrefix(text, at, eol);
        if (blank) {
          runOpeners = 0;
        } else if (depth > MAX_NESTING || openers > MAX_OPENERS) {
          // This line on its own: deep lines without their container prefix; a storm of openers parsed
          // up to MAX_OPENERS, the rest kept as text.
          cut = true;
          flush(at);
          const lineStart = depth > MAX_NESTING ? keepFrom : at;
          let headEnd = eol;
          let count = 0;
          for (let i = lineStart; i < eol; i++) {
            if (isOpener(text.charCodeAt(i)) && ++count > MAX_OPENERS) {
              headEnd = i;
              break;
            }
          }
          // Never split a surrogate pair.
          if (headEnd < eol && headEnd > lineStart && isLowSurrogate(text.charCodeAt(headEnd))) {
            headEnd--;
          }
          if (headEnd > lineStart) {
            pieces.push({ start: lineStart, end: headEnd, line, column: lineStart - at + 1, mode: 'parse' });
          }
          if (headEnd < eol) {
            pieces.push({ start: headEnd, end: eol, line, column: headEnd - at + 1, mode: 'plain' });
          }
          pieceStart = next;
          pieceLine = line + 1;
          runOpeners = 0;
        } else if (runOpeners + openers > MAX_OPENERS) {
          cut = true;
          flush(at);
          pieceStart = at;
          pieceLine = line;
          runOpeners = openers;
        } else {
          runOpeners += openers;
        }
      }
    }
    previousBlank = blankLine;
    at = next;
    if (next > eol) {
      line++;
    }
  }
  if (!cut) {
    return undefined;
  }
  flush(text.length);
  return pieces;
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isSpace(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** True when `text` has a shape the guard cuts for micromark's sake (deep nesting, storms of openers), whatever its length. */
export function needsGuard(text: string, from = 0): boolean {
  return guardPlan(text, from, Infinity) !== undefined;
}

interface Positioned {
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
  children?: Positioned[];
}

/** Moves every position of `node` and its descendants from a piece to the whole text. */
function shift(node: Positioned, piece: Piece): void {
  const stack: Positioned[] = [node];
  const moveLine = piece.line - 1;
  const moveColumn = piece.column - 1;
  while (stack.length > 0) {
    const n = stack.pop();
    if (!n) {
      break;
    }
    const p = n.position;
    if (p) {
      for (const point of [p.start, p.end]) {
        if (point.line === 1) {
          point.column += moveColumn;
        }
        point.line += moveLine;
        if (point.offset !== undefined) {
          point.offset += piece.start;
        }
      }
    }
    if (n.children) {
      for (const c of n.children) {
        stack.push(c);
      }
    }
  }
}

/** The position one past `text`'s last character. */
function endPoint(text: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}

/**
 * The tree of one piece of `text` with positions in the whole text: `tree` is the piece parsed on its own
 * (a `parse` piece); a `plain` piece is one paragraph of its text.
 */
export function pieceTree(text: string, piece: Piece, tree?: Root): Root {
  if (piece.mode === 'plain' || !tree) {
    const slice = text.slice(piece.start, piece.end);
    const end = { line: piece.line, column: piece.column + slice.length, offset: piece.end };
    const position = { start: { line: piece.line, column: piece.column, offset: piece.start }, end };
    return { type: 'root', children: [{ type: 'paragraph', position, children: [{ type: 'text', value: slice, position: { start: { ...position.start }, end: { ...end } } }] }] };
  }
  for (const c of tree.children) {
    shift(c as Positioned, piece);
  }
  return tree;
}

/** Parses `text` piece by piece along `plan` with `parse`, and joins the trees. */
export function parsePieces(text: string, plan: readonly Piece[], parse: (piece: string, first: boolean) => Root): Root {
  const children: RootContent[] = [];
  for (const piece of plan) {
    const tree = pieceTree(text, piece, piece.mode === 'parse' ? parse(text.slice(piece.start, piece.end), piece.start === 0) : undefined);
    for (const c of tree.children) {
      children.push(c);
    }
  }
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: endPoint(text) } };
}
