/** Applying fixes: plain text edits, each inside its own range, never overlapping. */
import type { Finding, TextEdit } from './model.js';

function overlaps(a: TextEdit, b: TextEdit): boolean {
  const as = a.range.start.offset;
  const ae = a.range.end.offset;
  const bs = b.range.start.offset;
  const be = b.range.end.offset;
  if (as === ae && bs === be) {
    return as === bs;
  }
  return as < be && bs < ae;
}

/**
 * Applies the fixes of `findings` to `text`. A fix whose edits overlap an edit already taken is left out
 * whole (the next check reports it again), so no fix is ever half applied. Text outside the edits is
 * kept byte for byte.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  for (const f of findings) {
    const edits = f.fix?.edits ?? [];
    if (edits.length === 0 || edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      continue;
    }
    taken.push(...edits);
    applied++;
  }
  taken.sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  let out = text;
  for (const e of taken) {
    out = out.slice(0, e.range.start.offset) + e.text + out.slice(e.range.end.offset);
  }
  return { text: out, applied };
}
