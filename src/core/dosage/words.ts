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
/** Words in an exercise's name that make it a run, whose bare `@ 70%` is a share of effort, not of 1RM. */
export const RUN_EXERCISE_WORDS = new Set([
  'run', 'runs', 'running', 'tempo', 'stride', 'strides', 'sprint', 'sprints', 'jog', 'jogging', 'intervals', 'repeats', 'fartlek',
]);
/** Words that may stand between `hold` and its time: `hold this position for six seconds`. */
export const HOLD_FILLERS = new Set(['this', 'the', 'position', 'it', 'for', 'each', 'every', 'rep']);
/** Words and marks that only join components. */
export const JOINERS = new Set([',', '.', ';', ':', '+', '&', '·', '|', '(', ')', '[', ']', 'and', 'then', 'plus']);

/** Metres per written distance unit (FORMAT.md v2, "More dosage notation"). */
export const DISTANCE_UNITS: Readonly<Record<string, number>> = {
  m: 1, meter: 1, meters: 1, metre: 1, metres: 1,
  km: 1000, kms: 1000, kilometer: 1000, kilometers: 1000, kilometre: 1000, kilometres: 1000,
  mi: 1609.344, mile: 1609.344, miles: 1609.344,
  yd: 0.9144, yds: 0.9144, yard: 0.9144, yards: 0.9144,
};

/** What `each`, `per` or `/` may name for a per-side count: `/side`, `each hand`, `per direction`. */
export const SIDE_LIMBS = new Set([
  'side', 'sides', 'leg', 'legs', 'arm', 'arms', 'hand', 'hands', 'foot', 'feet', 'direction', 'directions', 'way', 'ways',
]);
export const WEEK_WORDS = new Set(['week', 'weeks', 'wk', 'wks']);
export const REST_WORDS = new Set(['rest', 'recovery', 'break', 'interval', 'intervals']);
/** What a load may be carried in: `with 2 x 20 lb dumbbells`. */
export const IMPLEMENT_WORDS = new Set(['dumbbell', 'dumbbells', 'db', 'dbs', 'kettlebell', 'kettlebells', 'kb', 'kbs', 'plate', 'plates', 'vest', 'backpack']);
/** `every other day`, `every third day`. */
export const ORDINAL_DAYS: Readonly<Record<string, number>> = { other: 2, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7 };
/** Words after `pain` that make it a limit: `pain ≤3/10`, `keep pain under 4/10`. */
export const PAIN_LIMIT_WORDS = new Set(['≤', '<', '≦', '⩽', 'under', 'below', 'max', 'maximum', 'less', 'lower', 'limit', 'upto']);
/**
 * Labelled fields of printed home programs (`Reps: 10 Sets: 3 Hold: 5 Daily: 2 Weekly: 7`): a label, a colon
 * and a number; a bare number is seconds for times and metres for distance.
 */
export const FIELD_LABELS: Readonly<Record<string, 'reps' | 'sets' | 'hold' | 'perDay' | 'perWeek' | 'rest' | 'time' | 'distance' | 'weeks' | 'steps' | 'rir'>> = {
  rep: 'reps', reps: 'reps', repetition: 'reps', repetitions: 'reps',
  set: 'sets', sets: 'sets', hold: 'hold', holds: 'hold', daily: 'perDay', weekly: 'perWeek',
  rest: 'rest', time: 'time', duration: 'time', distance: 'distance', weeks: 'weeks', steps: 'steps', rir: 'rir',
};
/** Labels that only introduce what follows (`Frequency: 2x daily`, `Notes: slow`). */
export const LABEL_PREFIXES = new Set(['frequency', 'dosage', 'dose', 'load', 'weight', 'intensity', 'side', 'sides', 'notes', 'note', 'cues', 'cue', 'effort']);
/** Unit words that make an unreadable fragment a problem rather than a note. */
export const UNIT_WORDS = new Set([
  'sec', 'secs', 'second', 'seconds', 'min', 'mins', 'minute', 'minutes', 'kg', 'kgs', 'lb', 'lbs', 'km', 'mile', 'miles',
  'meter', 'meters', 'metre', 'metres', 'yd', 'yds', 'rm', 'rpe', 'rir', '%', '#',
]);
