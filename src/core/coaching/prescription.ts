/**
 * Which prescription a logged entry is held to: the program's prescription of the exercise (by guideline,
 * so aliases match) in the phase current on the session's date (weeks counted from `started`), else the
 * latest phase that prescribes it. Read by the `off-program-dosage` rule and the dosage hover.
 */
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { AthleteLog, ExerciseLine, Phase } from '../model.js';
import { exerciseKey } from './coaching.js';
import { dayNumber, phaseForWeek } from './history.js';

/** Looks prescriptions up by the session's date and the exercise's name, with the program indexed once. */
export function prescriptionFinder(log: AthleteLog, library: GuidelineLibrary): (date: string | undefined, name: string) => ExerciseLine | undefined {
  const start = dayNumber(log.started);
  const byPhase = new Map<Phase, Map<string, ExerciseLine>>();
  const latest = new Map<string, ExerciseLine>();
  for (const p of log.phases) {
    const m = new Map<string, ExerciseLine>();
    for (const x of p.prescriptions) {
      const k = exerciseKey(library, x.name);
      if (!m.has(k)) {
        m.set(k, x);
      }
      latest.set(k, x);
    }
    byPhase.set(p, m);
  }
  return (date, name) => {
    const d = dayNumber(date);
    const week = start !== undefined && d !== undefined && d >= start ? Math.floor((d - start) / 7) + 1 : undefined;
    const phase = week !== undefined ? phaseForWeek(log.phases, week) : undefined;
    const key = exerciseKey(library, name);
    return (phase ? byPhase.get(phase)?.get(key) : undefined) ?? latest.get(key);
  };
}
