/**
 * How much of a log the checker covers (issue 15's "Done when"): of its exercise lines (prescriptions and
 * logged entries), how many are matched to a cited guideline (an entry of a guideline file with a Source,
 * or the ACSM strength fallback), how many of those have a week (a phase's `(weeks N-M)`, or a session's
 * week counted from `started`) and so are compared by week, and how many are compared with a schedule's
 * stage for that week. Run `npx tsx scripts/running-clinic-coverage.ts` for the table.
 */
import { guidelineFor } from '../src/core/rules/rule.js';
import { weekOf } from '../src/core/guidelines/schedule.js';
import type { GuidelineLibrary } from '../src/core/guidelines/library.js';
import type { AthleteLog, ExerciseLine } from '../src/core/model.js';

export interface Coverage {
  readonly lines: number;
  /** Matched to a guideline that cites a source. */
  readonly cited: number;
  /** Cited and with a known week: compared with the guideline as it stands that week. */
  readonly byWeek: number;
  /** Of those, compared with a schedule's stage for the week. */
  readonly staged: number;
  /** The names of lines with no cited guideline. */
  readonly unmatched: readonly string[];
}

export function coverage(log: AthleteLog, library: GuidelineLibrary): Coverage {
  let lines = 0;
  let cited = 0;
  let byWeek = 0;
  let staged = 0;
  const unmatched: string[] = [];
  const count = (line: ExerciseLine, weeks: { min: number; max: number } | undefined): void => {
    lines++;
    const g = guidelineFor(library, line, weeks);
    if (!g || (g.source ?? '').trim() === '') {
      unmatched.push(line.name);
      return;
    }
    cited++;
    if (weeks) {
      byWeek++;
      if (g.stage !== undefined) {
        staged++;
      }
    }
  };
  for (const p of log.phases) {
    for (const x of p.prescriptions) {
      count(x, p.weeks);
    }
  }
  for (const s of log.sessions) {
    const w = weekOf(log.started, s.date);
    for (const x of s.entries) {
      count(x, w === undefined ? undefined : { min: w, max: w });
    }
  }
  return { lines, cited, byWeek, staged, unmatched };
}
