/**
 * Splits dosage text into tokens: numbers (`3`, `2.5`), words (letters only) and single symbols.
 * `3x10` becomes `3`, `x`, `10`; `2xAMRAP` becomes `2`, `x`, `AMRAP`; `6-second` becomes `6`, `-`, `second`. Offsets are kept exactly.
 */

export type TokenKind = 'num' | 'word' | 'sym';

export interface Token {
  readonly kind: TokenKind;
  /** As written. */
  readonly text: string;
  /** Lower case, with `×` read as `x` and dashes folded to `-`. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
}

const LETTER = /\p{L}/u;
const DASHES = new Set(['-', '‐', '‑', '‒', '–', '—']);

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(text[i])) {
        i++;
      }
      if (text[i] === '.' && isDigit(text[i + 1])) {
        i++;
        while (isDigit(text[i])) {
          i++;
        }
      }
      const t = text.slice(start, i);
      tokens.push({ kind: 'num', text: t, norm: t, start, end: i });
      continue;
    }
    if (LETTER.test(c)) {
      while (i < text.length && LETTER.test(text[i] ?? '')) {
        i++;
      }
      // `2xAMRAP`: an `x` glued between a number and a word is "times", a token of its own.
      const prev = tokens[tokens.length - 1];
      if (i - start > 1 && (c === 'x' || c === 'X') && prev?.kind === 'num' && prev.end === start) {
        tokens.push({ kind: 'word', text: c, norm: 'x', start, end: start + 1 });
        const rest = text.slice(start + 1, i);
        tokens.push({ kind: 'word', text: rest, norm: rest.toLowerCase(), start: start + 1, end: i });
        continue;
      }
      const t = text.slice(start, i);
      tokens.push({ kind: 'word', text: t, norm: t.toLowerCase(), start, end: i });
      continue;
    }
    // A lone surrogate pair or any other symbol: one code point is one token.
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const t = text.slice(i, i + width);
    i += width;
    let norm = t;
    if (t === '×' || t === '*') {
      norm = 'x';
    } else if (DASHES.has(t)) {
      norm = '-';
    } else if (t === '’' || t === '‘') {
      norm = "'";
    } else if (t === '“' || t === '”') {
      norm = '"';
    }
    tokens.push({ kind: 'sym', text: t, norm, start, end: i });
  }
  return tokens;
}
