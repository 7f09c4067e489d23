/** The vocabulary of the dosage grammar (FORMAT.md, "Dosage"). Kept in one place so the parser reads as grammar. */

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20,
};

/** Frequency adverbs: `once or twice daily`. */
export const TIMES_WORDS: Readonly<Record<string, number>> = { once: 1, twice: 2, thrice: 3 };

/** Seconds per written unit. */
export const TIME_UNITS: Readonly<Record<string, number>> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  min: 60, mins: 60, minute: 60, minutes: 60,
};

export const LOAD_UNITS: Readonly<Record<string, 'kg' | 'lb'>> = {
  kg: 'kg', kgs: 'kg', kilo: 'kg', kilos: 'kg', kilogram: 'kg', kilograms: 'kg',
  lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb',
};

/** Clinical abbreviations for times per day. */
export const PER_DAY_ABBREVIATIONS: Readonly<Record<string, number>> = { qd: 1, od: 1, bid: 2, tid: 3, qid: 4 };

export const RANGE_SEPARATORS = new Set(['-', 'to', 'or']);
export const REP_WORDS = new Set(['rep', 'reps', 'repetition', 'repetitions', 'times']);
export const SET_WORDS = new Set(['set', 'sets']);
export const BOUT_WORDS = new Set(['bout', 'bouts', 'round', 'rounds']);
export const STEP_WORDS = new Set(['step', 'steps']);
export const HOLD_WORDS = new Set(['hold', 'holds', 'holding']);
export const LIMB_WORDS = new Set(['side', 'sides', 'leg', 'legs']);
export const RUN_WORDS = new Set(['run', 'running', 'runs']);
/** Words that may stand between `hold` and its time: `hold this position for six seconds`. */
export const HOLD_FILLERS = new Set(['this', 'the', 'position', 'it', 'for', 'each', 'every', 'rep']);
/** Words and marks that only join components. */
export const JOINERS = new Set([',', '.', ';', ':', '+', '&', '·', '|', '(', ')', '[', ']', 'and', 'then', 'plus']);
