/**
 * Groups a caseload by condition or by coach, for the editor's Athletes view. The caseload comes in
 * attention order (compareByAttention) and keeps it: each group lists its athletes in that order, and the
 * groups come in the order of their most urgent athlete, so the group that needs attention first is on top.
 * Logs without the field form one group at the end. Values that differ only in case or spacing
 * ("Left hamstring strain", "left  hamstring strain") are one group, shown as first written.
 */
import type { CaseloadSummary } from './caseload.js';

export type CaseloadGrouping = 'none' | 'condition' | 'coach';

export interface CaseloadGroup {
  /** Stable id of the group (the normalized value; empty for the logs without one). */
  readonly key: string;
  /** The value as the first log of the group writes it, or "No condition" / "No coach". */
  readonly label: string;
  readonly summaries: readonly CaseloadSummary[];
}

const MISSING: Record<Exclude<CaseloadGrouping, 'none'>, string> = { condition: 'No condition', coach: 'No coach' };

function normalize(value: string | undefined): string {
  return (value ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
}

export function groupCaseload(sorted: readonly CaseloadSummary[], by: Exclude<CaseloadGrouping, 'none'>): CaseloadGroup[] {
  const groups = new Map<string, { label: string; summaries: CaseloadSummary[] }>();
  for (const s of sorted) {
    const raw = s[by];
    const key = normalize(raw);
    let g = groups.get(key);
    if (!g) {
      g = { label: key === '' ? MISSING[by] : (raw ?? '').trim().replace(/\s+/g, ' '), summaries: [] };
      groups.set(key, g);
    }
    g.summaries.push(s);
  }
  const out = [...groups].map(([key, g]) => ({ key, label: g.label, summaries: g.summaries }));
  // Map order is first appearance, which is attention order; only the group without a value moves last.
  return [...out.filter((g) => g.key !== ''), ...out.filter((g) => g.key === '')];
}

export function isCaseloadGrouping(value: unknown): value is CaseloadGrouping {
  return value === 'none' || value === 'condition' || value === 'coach';
}
