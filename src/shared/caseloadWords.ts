/**
 * The caseload in plain words for the editor: a flag as a coach would say it, the line under an athlete's
 * name in the Athletes view, and the tooltip. Pure, so the view and the caseload page say the same thing
 * and unit tests read it.
 */
import { CASELOAD_FLAG_LABELS, CASELOAD_FLAG_WORDS, type CaseloadFlag, type CaseloadSummary } from '../core/caseload/caseload.js';

/** One flag in a few plain words (the core's labels, as the command line's table says them); a log gap with its days. */
export function flagWords(flag: CaseloadFlag, s?: Pick<CaseloadSummary, 'daysSinceLastSession'>): string {
  return flag === 'log-gap' && s?.daysSinceLastSession !== undefined ? `${CASELOAD_FLAG_LABELS[flag]} (${s.daysSinceLastSession} days)` : CASELOAD_FLAG_LABELS[flag];
}

/** The flags, most urgent first, as one line; "nothing flagged" when there are none. */
export function flagsLine(s: Pick<CaseloadSummary, 'flags' | 'daysSinceLastSession'>): string {
  return s.flags.length === 0 ? 'nothing flagged' : s.flags.map((f) => flagWords(f, s)).join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** "3/10, rising" */
export function painWords(s: Pick<CaseloadSummary, 'lastPain' | 'painTrend'>): string {
  if (s.lastPain === undefined) {
    return 'no pain logged';
  }
  return s.painTrend === 'unknown' ? `${s.lastPain}/10` : `${s.lastPain}/10, ${s.painTrend}`;
}

/** "2026-11-10 (20 days ago)" */
export function lastSessionWords(s: Pick<CaseloadSummary, 'lastSession' | 'daysSinceLastSession'>): string {
  if (s.lastSession === undefined) {
    return 'no sessions logged yet';
  }
  const d = s.daysSinceLastSession;
  const ago = d === undefined ? '' : d === 0 ? ' (today)' : d === 1 ? ' (yesterday)' : d > 0 ? ` (${d} days ago)` : '';
  return `${s.lastSession}${ago}`;
}

/** "Phase 2: Loading, week 4" */
export function phaseWords(s: Pick<CaseloadSummary, 'phase' | 'week'>): string | undefined {
  if (s.phase === undefined && s.week === undefined) {
    return undefined;
  }
  return [s.phase, s.week !== undefined ? `week ${s.week}` : undefined].filter((x) => x !== undefined).join(', ');
}

export function adherenceWords(s: Pick<CaseloadSummary, 'adherenceThisWeek' | 'adherenceLastWeek'>): string | undefined {
  const parts = [
    s.adherenceThisWeek !== undefined ? `${percent(s.adherenceThisWeek)} this week` : undefined,
    s.adherenceLastWeek !== undefined ? `${percent(s.adherenceLastWeek)} last week` : undefined,
  ].filter((x) => x !== undefined);
  return parts.length > 0 ? parts.join(', ') : undefined;
}

export function findingsWords(f: CaseloadSummary['findings']): string {
  const parts = [
    f.error > 0 ? plural(f.error, 'error') : undefined,
    f.warning > 0 ? plural(f.warning, 'warning') : undefined,
    f.information + f.hint > 0 ? plural(f.information + f.hint, 'note') : undefined,
  ].filter((x) => x !== undefined);
  return parts.length > 0 ? parts.join(', ') : 'no problems';
}

/** The tooltip of an athlete in the Athletes view: one fact a line, nothing the log does not say. */
export function tooltipLines(s: CaseloadSummary): string[] {
  const phase = phaseWords(s);
  const adherence = adherenceWords(s);
  return [
    s.condition ? `${s.athlete}: ${s.condition}` : s.athlete,
    ...(s.coach ? [`Coach: ${s.coach}`] : []),
    ...(s.protocol ? [`Protocol: ${s.protocol}`] : []),
    ...(phase ? [`Phase: ${phase}`] : []),
    `Last session: ${lastSessionWords(s)}`,
    `Pain: ${painWords(s)}`,
    ...(adherence ? [`Adherence: ${adherence}`] : []),
    `Checks: ${findingsWords(s.findings)}`,
    ...(s.flags.length === 0 ? ['Flags: nothing flagged'] : s.flags.map((f) => `Flag: ${f === 'log-gap' ? flagWords(f, s) : CASELOAD_FLAG_WORDS[f]}`)),
  ];
}

/** What the Athletes view shows of an athlete besides the name: the flags line and the tooltip. */
export interface AthleteItemWords {
  readonly flags: string;
  readonly tooltip: string;
}

/** Made once per summary object (the caseload keeps one per log until the log is read again). */
const ITEM_WORDS = new WeakMap<CaseloadSummary, AthleteItemWords>();

/** The flags line and the tooltip of an athlete in the Athletes view; a redraw re-makes only new summaries'. */
export function athleteItemWords(s: CaseloadSummary): AthleteItemWords {
  let words = ITEM_WORDS.get(s);
  if (words === undefined) {
    words = { flags: flagsLine(s), tooltip: tooltipLines(s).join('\n') };
    ITEM_WORDS.set(s, words);
  }
  return words;
}
