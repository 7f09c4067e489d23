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
 * The fixes that can be applied together: in order, a fix whose edits overlap an edit already taken is
 * left out whole (the next check reports it again), so no fix is ever half applied.
 */
export function selectFixes(findings: readonly Finding[]): Finding[] {
  const taken: TextEdit[] = [];
  const out: Finding[] = [];
  for (const f of findings) {
    const edits = f.fix?.edits ?? [];
    if (edits.length === 0 || edits.some((e) => taken.some((t) => overlaps(e, t)))) {
      continue;
    }
    taken.push(...edits);
    out.push(f);
  }
  return out;
}

/** Applies the fixes of `findings` to `text` (see selectFixes). Text outside the edits is kept byte for byte. */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const chosen = selectFixes(findings);
  const taken = chosen.flatMap((f) => f.fix?.edits ?? []);
  const applied = chosen.length;
  taken.sort((a, b) => b.range.start.offset - a.range.start.offset || b.range.end.offset - a.range.end.offset);
  let out = text;
  for (const e of taken) {
    out = out.slice(0, e.range.start.offset) + e.text + out.slice(e.range.end.offset);
  }
  return { text: out, applied };
}
