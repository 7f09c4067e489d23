/** Calendar days for ISO dates: what the history, the coaching rules and the charts count with. */

const DAY_MS = 86_400_000;

const days = new Map<string, number | undefined>();

/** Days since 1970-01-01 for an ISO date, or undefined. Remembered: a log repeats the same dates. */
export function dayNumber(iso: string | undefined): number | undefined {
  if (iso === undefined) {
    return undefined;
  }
  if (days.has(iso)) {
    return days.get(iso);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  const d = Number.isNaN(t) ? undefined : Math.floor(t / DAY_MS);
  if (days.size > 50_000) {
    days.clear();
  }
  days.set(iso, d);
  return d;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
