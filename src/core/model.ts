/**
 * The athlete-log model: what the parser produces, what rules read and what every client shows.
 *
 * Positions follow unist: `line` and `column` are 1-based, `offset` is the 0-based index into the
 * source text (UTF-16 code units), and an end point is exclusive. Only src/vscode/convert.ts turns
 * them into VS Code's 0-based positions.
 */

export interface Point {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface Range {
  readonly start: Point;
  readonly end: Point;
}

/** A closed numeric interval; a single value has `min === max`. */
export interface Span {
  readonly min: number;
  readonly max: number;
}

/** How a number was written, so that a fix can answer in the writer's own notation. */
export type NumberStyle = 'digits' | 'words';

/**
 * One number (or range of numbers) as written in a dosage, with offsets relative to the dosage text.
 * `unit*` is set for times: `unitScale` is how many seconds one written unit is (1 or 60).
 */
export interface Quantity extends Span {
  readonly start: number;
  readonly end: number;
  readonly style: NumberStyle;
  readonly unitScale?: number;
  readonly unitEnd?: number;
}

export type Timing = 'before-run' | 'after-run' | 'warm-up';
/** `succession`: each side, all of one side's reps in a row before the other (`same side in succession`). */
export type Side = 'each' | 'left' | 'right' | 'both' | 'alternating' | 'succession';
export type LoadUnit = 'kg' | 'lb' | 'bodyweight';

export interface Load extends Span {
  readonly unit: LoadUnit;
}

/** What an intensity is a share of: percent of the one-repetition maximum, a repetition maximum, or percent of a maximal voluntary isometric contraction. */
/** A share of the one-rep max, a repetition maximum, a share of a maximal contraction, or of full effort or speed (runs). */
export type IntensityUnit = '%1RM' | 'RM' | '%MVIC' | '%effort';

export interface Intensity extends Span {
  readonly unit: IntensityUnit;
  readonly start: number;
  readonly end: number;
}

/** One group of sets in `3x10, 1x25` or `1x5 60%, 1x5 70%`. */
export interface SetGroup {
  readonly sets: Quantity;
  readonly reps?: Quantity;
  readonly toFailure?: boolean;
  readonly load?: Load & { start: number; end: number };
  readonly intensity?: Intensity;
}

export type ComponentKind =
  | 'sets-reps'
  | 'sets'
  | 'reps'
  | 'hold'
  | 'bouts'
  | 'steps'
  | 'frequency'
  | 'timing'
  | 'side'
  | 'load'
  | 'effort'
  | 'tempo'
  | 'pain'
  | 'duration'
  | 'distance'
  | 'rest'
  | 'intensity'
  | 'failure'
  | 'length'
  | 'pain-limit';

/** One component of a dosage as written, e.g. `hold 5 s`; offsets are relative to the dosage text. */
export interface DosageComponent {
  readonly kind: ComponentKind;
  readonly start: number;
  readonly end: number;
}

export interface DosageProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

/**
 * A parsed dosage. Each field is present only when the text sets it. Times are in seconds.
 * Quantities keep where their numbers stand so that fixes can rewrite exactly those characters.
 */
export interface Dosage {
  readonly text: string;
  sets?: Quantity;
  reps?: Quantity;
  repsPerSet?: number[];
  holdSeconds?: Quantity;
  bouts?: Quantity;
  boutSeconds?: Quantity;
  steps?: Quantity;
  perDay?: Quantity;
  perWeek?: Quantity;
  perRun?: boolean;
  timing?: { value: Timing; start: number; end: number };
  side?: { value: Side; start: number; end: number };
  load?: Load & { start: number; end: number };
  loadPerSet?: number[];
  rpe?: Quantity;
  tempo?: string;
  pain?: Quantity;
  /** Metres per bout or per set (`6 x 100m`); `unitScale` is metres per written unit. */
  distanceMeters?: Quantity;
  /** Rest between sets or bouts, never a bout's length. */
  restSeconds?: Quantity;
  /** Repetitions in reserve. */
  rir?: Quantity;
  intensity?: Intensity;
  /** `AMRAP`, `to failure`, `max reps`: the reps are left open. */
  toFailure?: boolean;
  /** Two or more groups of sets (`3x10, 1x25`); `sets` is then their total and `reps` their range. */
  setGroups?: SetGroup[];
  /** Days from one session to the next: `every other day` is 2. */
  intervalDays?: Quantity;
  /** How long the program runs: `for 12 weeks`. */
  weeks?: Quantity;
  /** The pain a prescription allows (`pain ≤3/10`); a session's pain score stays `pain`. */
  painLimit?: Quantity;
  /** Cue words kept as written (`slow on the way down`), several joined by `; `. */
  note?: string;
  /** Where the note's words stand in the dosage text (a count-first line finds its name among them). */
  noteRanges?: { start: number; end: number }[];
  components: DosageComponent[];
  problems: DosageProblem[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOption = Severity | 'off';

/** A plain text edit: replace `range` with `text`. */
export interface TextEdit {
  readonly range: Range;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * Whether applying the fix raises a dose (more sets, reps, hold, bouts, steps, load or sessions; a
   * frequency the log did not give; a harder exercise added), judged by reading the dosage before and
   * after the edit (fix.ts, `raisesDose`). Such a fix is offered one at a time as a quick fix, and never
   * applied by fix-all, fix on save or `check --fix`: raising load is the coach's decision.
   */
  readonly raisesDose: boolean;
  /**
   * Whether the fix changes the dosage of a logged session entry: the log is the record of what was done,
   * so such a fix is offered one at a time as a quick fix, worded as correcting the record ("Change the
   * logged 5 x 5 to 3 x 5"), and never applied by fix-all, fix on save or `check --fix`.
   */
  readonly changesRecord?: boolean;
}

/** Where a finding's guideline came from, so a coach can see what a number rests on. */
export interface GuidelineRef {
  readonly exercise: string;
  readonly source: string;
  /** The guideline file's path or URI; `built-in:<file name>` for the built-in library. */
  readonly file: string;
  readonly range?: Range;
  /** The protocol the guideline belongs to (its file's title), when the file names one. */
  readonly protocol?: string;
  /** The stage of the guideline's schedule the line was compared with (`week 3`). */
  readonly stage?: string;
}

/** An entry to add to the coach's own guideline file (guidelines/add.ts): exercise, dosage and Markdown. */
export interface GuidelineEntry {
  readonly exercise: string;
  readonly dosage: string;
  readonly markdown: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly fix?: Fix;
  /**
   * Fixes to choose from when the guideline allows several values (`1-2x daily` offers `1x daily` and
   * `2x daily`): each is its own quick fix, and bulk fixes never apply them, since a prescription needs one
   * value and choosing it is the coach's decision.
   */
  readonly alternatives?: readonly Fix[];
  readonly guideline?: GuidelineRef;
  /** For an exercise no guideline knows: the entry "Add a guideline for X" writes to the workspace file. */
  readonly addGuideline?: GuidelineEntry;
}

export type LineKind = 'prescription' | 'entry';

/** One `Exercise name: dosage` list item, in a phase or in a session. */
export interface ExerciseLine {
  readonly kind: LineKind;
  readonly name: string;
  readonly nameRange: Range;
  /** The dosage as written and read; `dosageRange` is where its text stands (quantities are relative to it). */
  readonly dosage: Dosage;
  readonly dosageRange: Range;
  /** The whole first line of the list item (or the item and its dosage line, the table row...). */
  readonly range: Range;
  readonly checked?: boolean;
  /**
   * Where the name links to, when it is written as a link (`[Chair Bridge](videos/bridge.md)`,
   * `[Chair Bridge](https://example.org/video)`): the link's target as written, kept so that the hover and
   * the handout can show it. The link's text is the `name`.
   */
  readonly link?: string;
  /**
   * For a dosage put together from several places (a table's Sets, Reps and Hold cells): for each
   * character of `dosage.text`, its offset in the document relative to `dosageRange.start`. Absent when
   * the dosage text is written as it stands.
   */
  readonly dosageMap?: readonly number[];
}

/** A line that looks like an exercise line (a number with a unit, `N x N`, a labelled field) but was not read as one. */
export interface UnreadLine {
  readonly range: Range;
  /** Why it was not read, in plain words: `it has no exercise name`. */
  readonly reason: string;
}

export interface Phase {
  readonly name: string;
  /** The heading, or `undefined` for prescriptions written directly under the Program heading. */
  readonly headingRange?: Range;
  readonly weeks?: Span;
  readonly prescriptions: ExerciseLine[];
}

export interface Session {
  /** ISO date `YYYY-MM-DD`, or `undefined` when the heading's date is not a real date. */
  readonly date?: string;
  readonly dateText: string;
  readonly dateRange: Range;
  /** For a heading that looks like a date but is not a valid one, the valid form when it is clear. */
  readonly suggestion?: string;
  /** A numeric day/month date where either number could be the month, and the log does not say which: both readings. */
  readonly ambiguous?: { readonly mdy: string; readonly dmy: string };
  /** Why the date could not be read, when it is not a date-shape problem (`no year`). */
  readonly dateProblem?: string;
  /** Text after the date, e.g. `(rest)`. */
  readonly label: string;
  readonly headingRange: Range;
  readonly entries: ExerciseLine[];
  /** Free text under the session, as plain text and as the source ranges of its Markdown. */
  readonly notes: string[];
  readonly noteRanges: Range[];
}

/**
 * A heading that groups the sessions after it into a week (`## Week 46`, `### Wk 2: deload`,
 * `## 2026-W20`). Its sessions are the dated headings after it, up to the next week heading or a section
 * heading at its level or above. A session heading that names its own week (`### Tue Nov 3, 2026 — Week 1`)
 * is in that week.
 */
export interface WeekHeading {
  /** The week in a form to compare: `week 46`, `2026-w20`. */
  readonly key: string;
  readonly depth: number;
  readonly headingRange: Range;
}

export interface AssessmentItem {
  readonly text: string;
  readonly checked: boolean;
  readonly range: Range;
}

export type SectionKind = 'assessment' | 'program' | 'log';

export interface Section {
  readonly kind: SectionKind;
  readonly title: string;
  readonly headingRange: Range;
  readonly depth: number;
}

export interface FrontMatterField {
  readonly key: string;
  readonly value: unknown;
  /** The whole `key: value` line(s). */
  readonly range: Range;
}

export interface FrontMatter {
  readonly range: Range;
  readonly data: Readonly<Record<string, unknown>>;
  readonly fields: readonly FrontMatterField[];
  readonly problems: readonly { range: Range; message: string }[];
  /** The log opens a front matter with `---` and never closes it: nothing in it is read (invalid-front-matter says so). */
  readonly unclosed?: boolean;
}

/** A suppression comment: `<!-- athlete-log-disable rule-id -->` and its kin. */
export interface Suppression {
  readonly kind: 'disable' | 'enable' | 'disable-next-line';
  /** Empty means every rule. */
  readonly ruleIds: readonly string[];
  readonly line: number;
}

export interface AthleteLog {
  readonly frontMatter?: FrontMatter;
  readonly athlete?: string;
  readonly coach?: string;
  readonly condition?: string;
  readonly side?: string;
  readonly started?: string;
  /** Extra guideline files named in front matter, as written (relative to the log). */
  readonly guidelineFiles: readonly { path: string; range: Range }[];
  readonly sections: Section[];
  readonly assessment: AssessmentItem[];
  readonly assessmentRange?: Range;
  readonly phases: Phase[];
  readonly sessions: Session[];
  readonly suppressions: Suppression[];
  /** Lines that look like exercise lines but could not be read, in document order. */
  readonly unread: UnreadLine[];
  /** Week headings (`## Week 46`, `## 2026-W20`), in document order: they group the sessions after them. */
  readonly weeks: WeekHeading[];
  /** Last point of the document. */
  readonly end: Point;
}
