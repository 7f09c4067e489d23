/** The public surface of the core library. */
export { createAthleteLogService } from './service.js';
export type { AthleteLogService, CheckRequest, GuidelineSource, ILogger, IWorkspace, LogCheck, ServiceOptions } from './service.js';
export { checkModel, checkText, isSuppressed } from './check.js';
export { applyFixes, selectFixes } from './fix.js';
export { parseDosage } from './dosage/parse.js';
export { describeDosage, dosageToJson, formatDosage } from './dosage/format.js';
export type { DosageJson } from './dosage/format.js';
export { GuidelineLibrary } from './guidelines/library.js';
export { parseGuidelineFile } from './guidelines/parse.js';
export type { Guideline, GuidelineFile, GuidelineProblem } from './guidelines/parse.js';
export { parseLog, BlockCache } from './parse.js';
export { RULES, ruleById } from './rules/index.js';
export type { Rule } from './rules/index.js';
export * from './model.js';
export * from './options.js';
export * from './render/index.js';
export { exerciseHistory, weeklyAdherence, dayNumber, isoDate, phaseForWeek } from './history.js';
export type { ExerciseHistory, HistoryPoint, WeekAdherence } from './history.js';
