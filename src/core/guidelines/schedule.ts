/**
 * Schedules: a guideline whose dosage changes by week (HSR's 15RM to 6RM, the Nordic programme's weeks
 * 1-10, Silbernagel's phases) is compared, line by line, with the stage for the line's week. A session's
 * week counts from the log's `started` date (the first seven days are week 1); a prescription's weeks are
 * its phase's `(weeks N-M)`. Weeks that fall in several stages (a phase over weeks 2-5, or overlapping
 * phases) accept any of their dosages: each number's range is the union of theirs (with the guideline's
 * own dosage when some of those weeks have no stage). A line with no week, or a week no stage covers, is
 * compared with the guideline's own dosage.
 */
import { dayNumber } from '../dates.js';
import type { Dosage, Span } from '../model.js';
import type { Guideline, ScheduleStage } from './parse.js';

/** The programme week of an ISO date (1 for the first seven days from `started`), if both are known. */
export function weekOf(started: string | undefined, date: string | undefined): number | undefined {
  const a = dayNumber(started);
  const b = dayNumber(date);
  if (a === undefined || b === undefined || b < a) {
    return undefined;
  }
  return Math.floor((b - a) / 7) + 1;
}

function isSpan(v: unknown): v is Span {
  return typeof v === 'object' && v !== null && typeof (v as Span).min === 'number' && typeof (v as Span).max === 'number';
}

/** One dosage whose every numeric part spans the parts of all `dosages` (the first's other parts kept). */
export function envelope(dosages: readonly Dosage[]): Dosage {
  const first = dosages[0];
  if (!first || dosages.length === 1) {
    return first as Dosage;
  }
  const out: Record<string, unknown> = { ...first };
  for (const d of dosages.slice(1)) {
    for (const [k, v] of Object.entries(d)) {
      const have = out[k];
      if (have === undefined) {
        out[k] = v;
      } else if (isSpan(have) && isSpan(v)) {
        out[k] = { ...have, min: Math.min(have.min, v.min), max: Math.max(have.max, v.max) };
      }
    }
  }
  return out as unknown as Dosage;
}

/** The stages a span of weeks falls in. */
export function stagesFor(g: Guideline, weeks: Span): ScheduleStage[] {
  return (g.schedule ?? []).filter((s) => s.weeks.min <= weeks.max && s.weeks.max >= weeks.min);
}

const memo = new WeakMap<Guideline, Map<string, Guideline>>();

/**
 * The guideline as it stands for `weeks`: its dosage replaced by the stage's (or the stages' envelope),
 * with `stage` naming the weeks. The guideline itself when it has no schedule or no stage covers them.
 */
export function atWeeks(g: Guideline, weeks: Span | undefined): Guideline {
  if (!g.schedule || !weeks) {
    return g;
  }
  const stages = stagesFor(g, weeks);
  if (stages.length === 0) {
    return g;
  }
  const key = stages.map((s) => s.label).join('\u0000') + (weeks.min === weeks.max ? `#${weeks.min}` : `#${weeks.min}-${weeks.max}`);
  let byKey = memo.get(g);
  if (!byKey) {
    byKey = new Map();
    memo.set(g, byKey);
  }
  let hit = byKey.get(key);
  if (!hit) {
    const stage = weeks.min === weeks.max ? `week ${weeks.min}` : `weeks ${weeks.min}-${weeks.max}`;
    // Weeks of the span no stage covers are compared with the guideline's own dosage.
    let covered = true;
    for (let w = weeks.min; w <= Math.min(weeks.max, weeks.min + 520) && covered; w++) {
      covered = stages.some((s) => s.weeks.min <= w && s.weeks.max >= w);
    }
    const own = !covered && g.dosage ? [g.dosage] : [];
    const dosage = envelope([...stages.map((s) => s.dosage), ...own]);
    hit = { ...g, dosage, dosageText: stages.map((s) => s.dosageText).join(' or '), stage };
    byKey.set(key, hit);
  }
  return hit;
}
