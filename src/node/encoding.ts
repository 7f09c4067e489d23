/**
 * Files as bytes: a log is read as bytes, decoded here, and written back encoded the same way, so a fix
 * changes the bytes of its own ranges and nothing else.
 *
 * - UTF-8 (with or without a byte order mark; the mark stays in the text as U+FEFF, as before).
 * - UTF-16 LE or BE when the file starts with its byte order mark.
 * - Anything else that is not valid UTF-8 (Latin-1, Windows-1252, broken or overlong sequences): each
 *   byte that does not belong to a valid UTF-8 sequence becomes a lone low surrogate U+DC80..U+DCFF (the
 *   "surrogateescape" of Python). Valid UTF-8 never decodes to a lone surrogate, so encoding turns each
 *   of them back into its byte: the file round-trips byte for byte, and bytes no fix touched stay exact.
 */
import { isUtf8 } from 'node:buffer';

export type FileEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedFile {
  readonly text: string;
  readonly encoding: FileEncoding;
  /** Byte offset of the first byte that is not valid UTF-8 (kept as it is); undefined for clean files. */
  readonly invalidAt?: number;
  /** False when encoding `text` again would not give the same bytes (UTF-16 with an odd byte count). */
  readonly roundTrips: boolean;
}

const ESCAPE_BASE = 0xdc00;

function continuation(b: number | undefined): boolean {
  return b !== undefined && b >= 0x80 && b <= 0xbf;
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i] ?? 0;
  const b1 = bytes[i + 1];
  if (b >= 0xc2 && b <= 0xdf) {
    return continuation(b1) ? 2 : 0;
  }
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return b1 !== undefined && b1 >= lo && b1 <= hi && continuation(bytes[i + 2]) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return b1 !== undefined && b1 >= lo && b1 <= hi && continuation(bytes[i + 2]) && continuation(bytes[i + 3]) ? 4 : 0;
  }
  return 0;
}

function decodeEscaped(bytes: Buffer): { text: string; invalidAt: number | undefined } {
  const parts: string[] = [];
  let invalidAt: number | undefined;
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    invalidAt ??= i;
    parts.push(bytes.toString('utf8', start, i), String.fromCharCode(ESCAPE_BASE + b));
    i++;
    start = i;
  }
  parts.push(bytes.toString('utf8', start));
  return { text: parts.join(''), invalidAt };
}

export function decodeFile(bytes: Buffer): DecodedFile {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: bytes.toString('utf16le', 0, bytes.length - (bytes.length % 2)), encoding: 'utf-16le', roundTrips: bytes.length % 2 === 0 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
    return { text: even.swap16().toString('utf16le'), encoding: 'utf-16be', roundTrips: bytes.length % 2 === 0 };
  }
  if (isUtf8(bytes)) {
    return { text: bytes.toString('utf8'), encoding: 'utf-8', roundTrips: true };
  }
  const { text, invalidAt } = decodeEscaped(bytes);
  return { text, encoding: 'utf-8', roundTrips: true, ...(invalidAt !== undefined ? { invalidAt } : {}) };
}

function encodeEscaped(text: string): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
      }
      continue;
    }
    if (c >= ESCAPE_BASE + 0x80 && c <= ESCAPE_BASE + 0xff) {
      parts.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.of(c - ESCAPE_BASE));
      start = i + 1;
    }
  }
  if (start === 0) {
    return Buffer.from(text, 'utf8');
  }
  parts.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/** The bytes of `text` in `encoding` (the inverse of decodeFile). */
export function encodeFile(text: string, encoding: FileEncoding): Buffer {
  switch (encoding) {
    case 'utf-16le':
      return Buffer.from(text, 'utf16le');
    case 'utf-16be':
      return Buffer.from(text, 'utf16le').swap16();
    default:
      return encodeEscaped(text);
  }
}

/** The 1-based line of a byte offset, for messages. */
export function lineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i !== -1 && i < offset; i = bytes.indexOf(10, i + 1)) {
    line++;
  }
  return line;
}
