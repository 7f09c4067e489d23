/**
 * Text for a terminal: control characters from a log or a file name never reach it raw (no escape
 * sequence can set the title, clear the screen or move the cursor; no newline can forge an output line).
 * Each one is shown as an escape, `\x1b`, `\n`, `\u202e`; a byte that is not UTF-8 as `\xE9`.
 */

// C0 controls, DEL, C1 controls, lone surrogates (bytes that were not UTF-8, see src/node/encoding.ts),
// bidirectional overrides and isolates, line and paragraph separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_KEEP_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(c: string): string {
  const named = NAMED[c];
  if (named) {
    return named;
  }
  const code = c.charCodeAt(0);
  if (code >= 0xdc80 && code <= 0xdcff) {
    return `\\x${(code - 0xdc00).toString(16).toUpperCase()}`;
  }
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One line of output: every control character escaped, newlines and tabs included. */
export function safeLine(text: string): string {
  return text.replace(CONTROL, escape);
}

/** Several lines of output: newlines and tabs kept, every other control character escaped. */
export function safeText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(CONTROL_KEEP_LINES, escape);
}
