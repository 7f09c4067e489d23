/**
 * The caseload: each athlete's state at a glance, one summary per log, and the order a coach reads them
 * in (what needs attention first). A summary is read from what the core already computes for one log:
 * the coaching model (`coachingReport`: phase, each exercise's pains and trend, weekly adherence), the
 * check's findings (red flags, regressions, readiness, log gaps, unreadable lines) and the library (the
 * protocol and each exercise's pain limit). The editor's Athletes view, its caseload page and
 * `athlete-log caseload` all show these summaries; docs/caseload.md documents the JSON shape.
 */
import { lastSessionBy, painTrendOf, programWeek, type CoachingReport, type PainTrend } from '../coaching/coaching.js';
import { dayNumber, type WeekAdherence } from '../coaching/history.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import { followedProtocol } from '../guidelines/select.js';
import type { AthleteLog, Finding, Severity } from '../model.js';
import type { ResolvedOptions } from '../options.js';
import { painLimit } from '../rules/pain-limit.js';

/** A reason to look at a log, in attention order (see `CASELOAD_FLAGS`). */
export type CaseloadFlag =
  | 'red-flag' | 'pain-above-threshold' | 'rising-pain' | 'consider-regression'
  | 'log-gap' | 'ready-to-progress' | 'unreadable-lines';

/** Every flag, in the order a coach should read them (a summary's `flags` keep this order). */
export const CASELOAD_FLAGS: readonly CaseloadFlag[] = [
  'red-flag', 'pain-above-threshold', 'rising-pain', 'consider-regression', 'log-gap', 'ready-to-progress', 'unreadable-lines',
];

/** What each flag means, in plain words (the table's legend, the tree view's tooltip). */
export const CASELOAD_FLAG_WORDS: Readonly<Record<CaseloadFlag, string>> = {
  'red-flag': 'red flag: a sign that may need urgent medical assessment',
  'pain-above-threshold': "pain above the exercise's limit in its last scored session",
  'rising-pain': 'pain rising',
  'consider-regression': 'consider a regression',
  'log-gap': 'no session logged for a while',
  'ready-to-progress': 'ready to progress',
  'unreadable-lines': 'lines that could not be read',
};

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly information: number;
  readonly hint: number;
}

export interface CaseloadSummary {
  /** As given (a file path or a URI string): what opens the log. */
  readonly path: string;
  /** The front matter's athlete, else the file name without `.athlete.md` or `.md`. */
  readonly athlete: string;
  readonly condition?: string;
  readonly coach?: string;
  /**
   * The protocol the log follows, when known: the first it names, else the condition-matched one whose
   * guidelines its exercises are checked against (followedProtocol), else the first its condition matches.
   */
  readonly protocol?: string;
  /** The current phase's name. */
  readonly phase?: string;
  /** The program week as of `today`, counted from `started`. */
  readonly week?: number;
  /** ISO date of the last dated session on or before `today`. */
  readonly lastSession?: string;
  readonly daysSinceLastSession?: number;
  /** The worst pain (0-10) scored on the last day any pain was scored. */
  readonly lastPain?: number;
  /** The trend of each day's worst pain score (the same trend `athlete-log report` gives an exercise). */
  readonly painTrend: PainTrend;
  /** Days logged this program week over days asked for (0..1), when the program gives a frequency. */
  readonly adherenceThisWeek?: number;
  readonly adherenceLastWeek?: number;
  /** The check's findings, counted by severity. */
  readonly findings: FindingCounts;
  /** In attention order (`CASELOAD_FLAGS`). */
  readonly flags: readonly CaseloadFlag[];
  /** Rank key, lower first: 0 red flag, 1 pain, 2 log gap, 3 ready to progress, 4 other flags, 5 none. */
  readonly attention: number;
}

/** What `summarizeLog` reads: one log's check (with `today` in its options) and its coaching report. */
export interface SummaryInput {
  readonly path: string;
  readonly log: AthleteLog;
  readonly findings: readonly Finding[];
  readonly library: GuidelineLibrary;
  readonly report: CoachingReport;
  readonly options: ResolvedOptions;
  readonly today: string;
}

/** Findings of these rules raise a flag (a rule switched off raises none). */
const FLAG_OF_RULE: Readonly<Record<string, CaseloadFlag>> = {
  'red-flag': 'red-flag',
  'consider-regression': 'consider-regression',
  'log-gap': 'log-gap',
  'ready-to-progress': 'ready-to-progress',
  'unread-exercise-line': 'unreadable-lines',
  'unreadable-dosage': 'unreadable-lines',
};

/** The rank key of a set of flags (see `CaseloadSummary.attention`). */
export function attentionOf(flags: readonly CaseloadFlag[]): number {
  const has = (f: CaseloadFlag): boolean => flags.includes(f);
  if (has('red-flag')) {
    return 0;
  }
  if (has('rising-pain') || has('pain-above-threshold') || has('consider-regression')) {
    return 1;
  }
  if (has('log-gap')) {
    return 2;
  }
  if (has('ready-to-progress')) {
    return 3;
  }
  return flags.length > 0 ? 4 : 5;
}

/**
 * Athlete names compared as `localeCompare(b, 'en', { sensitivity: 'base' })` does, with one collator: a
 * collator made per comparison took about 200 ms to sort 2,000 athletes (bench/athletes-view.ts).
 */
const BY_NAME = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Needs attention first: by `attention`, then the longest since the last session (a log with no session
 * after those with one), then athlete name, then path.
 */
export function compareByAttention(a: CaseloadSummary, b: CaseloadSummary): number {
  if (a.attention !== b.attention) {
    return a.attention - b.attention;
  }
  const da = a.daysSinceLastSession ?? -1;
  const db = b.daysSinceLastSession ?? -1;
  if (da !== db) {
    return db - da;
  }
  const byName = BY_NAME.compare(a.athlete, b.athlete);
  if (byName !== 0) {
    return byName;
  }
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** The file name of a path or URI without `.athlete.md` or `.md`. */
export function athleteFromPath(path: string): string {
  const last = path.split(/[\\/]/).pop() ?? path;
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // Not percent-encoded: the name as it is.
  }
  return name.replace(/(\.athlete)?\.md$/i, '') || last;
}

function ratio(w: WeekAdherence | undefined): number | undefined {
  if (!w || w.expected === undefined || w.expected <= 0) {
    return undefined;
  }
  return Math.min(1, w.logged / w.expected);
}

/** One log's summary as of `today`. */
export function summarizeLog(input: SummaryInput): CaseloadSummary {
  const { log, findings, library, report, options, today } = input;
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const raised = new Set<CaseloadFlag>();
  for (const f of findings) {
    counts[f.severity]++;
    const flag = FLAG_OF_RULE[f.ruleId];
    if (flag) {
      raised.add(flag);
    }
  }
  // Each day's worst pain score, in date order (across exercises): the last, and its trend.
  // Sessions dated after today are plans: left out.
  const worst = new Map<number, number>();
  const now = dayNumber(today);
  for (const e of report.exercises) {
    let last: number | undefined;
    for (const s of e.sessions) {
      const day = dayNumber(s.date);
      if (s.pain !== undefined && day !== undefined && (now === undefined || day <= now)) {
        worst.set(day, Math.max(worst.get(day) ?? 0, s.pain));
        last = s.pain;
      }
    }
    // The last scored pain of an exercise above its own limit (its guideline's, else the setting).
    if (last !== undefined && last > painLimit(library, options, e.exercise).limit) {
      raised.add('pain-above-threshold');
    }
  }
  const days = [...worst.entries()].sort((a, b) => a[0] - b[0]).map(([day, pain]) => ({ day, pain }));
  const trend = painTrendOf(days);
  if (trend === 'rising') {
    raised.add('rising-pain');
  }
  const flags = CASELOAD_FLAGS.filter((f) => raised.has(f));
  const last = lastSessionBy(log.sessions, today);
  const thisWeek = now === undefined ? -1 : report.adherence.findIndex((w) => {
    const from = dayNumber(w.start);
    const to = dayNumber(w.end);
    return from !== undefined && to !== undefined && now >= from && now <= to;
  });
  const adherenceThisWeek = thisWeek >= 0 ? ratio(report.adherence[thisWeek]) : undefined;
  const adherenceLastWeek = thisWeek >= 1 ? ratio(report.adherence[thisWeek - 1]) : undefined;
  // The protocol the check cites for this log's exercises, from the same selection (guidelines/select.ts).
  const protocolName = followedProtocol(library, log);
  const protocol = protocolName === undefined ? undefined : (library.protocol(protocolName)?.meta.title ?? protocolName);
  const week = programWeek(log, today);
  const lastPain = days[days.length - 1]?.pain;
  const text = (v: string | undefined): string | undefined => (v !== undefined && v.trim() !== '' ? v.trim() : undefined);
  const athlete = text(log.athlete) ?? athleteFromPath(input.path);
  const condition = text(log.condition);
  const coach = text(log.coach);
  return {
    path: input.path,
    athlete,
    ...(condition !== undefined ? { condition } : {}),
    ...(coach !== undefined ? { coach } : {}),
    ...(protocol !== undefined ? { protocol } : {}),
    ...(report.currentPhase !== undefined ? { phase: report.currentPhase } : {}),
    ...(week !== undefined ? { week } : {}),
    ...(last?.session.date !== undefined ? { lastSession: last.session.date, daysSinceLastSession: last.days } : {}),
    ...(lastPain !== undefined ? { lastPain } : {}),
    painTrend: trend,
    ...(adherenceThisWeek !== undefined ? { adherenceThisWeek } : {}),
    ...(adherenceLastWeek !== undefined ? { adherenceLastWeek } : {}),
    findings: counts,
    flags,
    attention: attentionOf(flags),
  };
}

/** Short labels of the flags, for table cells and tree items. */
export const CASELOAD_FLAG_LABELS: Readonly<Record<CaseloadFlag, string>> = {
  'red-flag': 'red flag',
  'pain-above-threshold': 'pain above limit',
  'rising-pain': 'pain rising',
  'consider-regression': 'consider regression',
  'log-gap': 'log gap',
  'ready-to-progress': 'ready to progress',
  'unreadable-lines': 'unreadable lines',
};

/** The table's columns, in order. */
export const CASELOAD_COLUMNS = ['Athlete', 'Flags', 'Last session', 'Pain', 'Adherence', 'Phase', 'Week', 'Findings', 'Condition', 'Coach', 'Protocol'] as const;

function percent(v: number | undefined): string {
  return v === undefined ? '-' : `${Math.round(v * 100)}%`;
}

/** One row's cells as plain text, in `CASELOAD_COLUMNS` order ('-' where there is nothing to say). */
export function caseloadCells(s: CaseloadSummary): string[] {
  const f = s.findings;
  return [
    s.athlete,
    s.flags.length === 0 ? '-' : s.flags.map((x) => CASELOAD_FLAG_LABELS[x]).join(', '),
    s.lastSession === undefined ? '-' : `${s.lastSession} (${s.daysSinceLastSession ?? 0} d)`,
    s.lastPain === undefined ? (s.painTrend === 'unknown' ? '-' : s.painTrend) : `${s.lastPain}/10${s.painTrend === 'unknown' ? '' : ` ${s.painTrend}`}`,
    s.adherenceThisWeek === undefined && s.adherenceLastWeek === undefined ? '-' : `${percent(s.adherenceThisWeek)} / ${percent(s.adherenceLastWeek)}`,
    s.phase ?? '-',
    s.week === undefined ? '-' : String(s.week),
    `${f.error} E, ${f.warning} W, ${f.information + f.hint} N`,
    s.condition ?? '-',
    s.coach ?? '-',
    s.protocol ?? '-',
  ];
}
