/** The rule registry: every rule, sorted by id. Adding a rule is one import and one entry here. */
import adherenceLow from './adherence-low.js';
import ambiguousDate from './ambiguous-date.js';
import considerRegression from './consider-regression.js';
import notInProgram from './not-in-program.js';
import offProgramDosage from './off-program-dosage.js';
import painNotSettled from './pain-not-settled.js';
import readyToProgress from './ready-to-progress.js';
import redFlag from './red-flag.js';
import boutDurationOutOfRange from './bout-duration-out-of-range.js';
import boutsOutOfRange from './bouts-out-of-range.js';
import distanceOutOfRange from './distance-out-of-range.js';
import datesOutOfOrder from './dates-out-of-order.js';
import differentialDiagnosis from './differential-diagnosis.js';
import duplicateDate from './duplicate-date.js';
import duplicatePrescription from './duplicate-prescription.js';
import frequencyOutOfRange from './frequency-out-of-range.js';
import guidelineFileProblem from './guideline-file-problem.js';
import holdOutOfRange from './hold-out-of-range.js';
import intensityOutOfRange from './intensity-out-of-range.js';
import invalidDate from './invalid-date.js';
import invalidFrontMatter from './invalid-front-matter.js';
import logGap from './log-gap.js';
import missingAthlete from './missing-athlete.js';
import missingDosageComponent from './missing-dosage-component.js';
import painAboveThreshold from './pain-above-threshold.js';
import repsOutOfRange from './reps-out-of-range.js';
import restOutOfRange from './rest-out-of-range.js';
import setsOutOfRange from './sets-out-of-range.js';
import stepsOutOfRange from './steps-out-of-range.js';
import sideOrder from './side-order.js';
import timingMismatch from './timing-mismatch.js';
import unknownExercise from './unknown-exercise.js';
import unknownProtocol from './unknown-protocol.js';
import unreadableDosage from './unreadable-dosage.js';
import unreadExerciseLine from './unread-exercise-line.js';
import weeksOutOfRange from './weeks-out-of-range.js';
import type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [
  adherenceLow,
  ambiguousDate,
  boutDurationOutOfRange,
  boutsOutOfRange,
  considerRegression,
  datesOutOfOrder,
  differentialDiagnosis,
  distanceOutOfRange,
  duplicateDate,
  duplicatePrescription,
  frequencyOutOfRange,
  guidelineFileProblem,
  holdOutOfRange,
  intensityOutOfRange,
  invalidDate,
  invalidFrontMatter,
  logGap,
  missingAthlete,
  missingDosageComponent,
  notInProgram,
  offProgramDosage,
  painAboveThreshold,
  painNotSettled,
  readyToProgress,
  redFlag,
  repsOutOfRange,
  restOutOfRange,
  setsOutOfRange,
  sideOrder,
  stepsOutOfRange,
  timingMismatch,
  unknownExercise,
  unknownProtocol,
  unreadExerciseLine,
  unreadableDosage,
  weeksOutOfRange,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

export type { Rule, RuleContext } from './rule.js';
