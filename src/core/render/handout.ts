/**
 * The athlete's handout as data: what the page an athlete takes home holds, read from the same model the
 * coach's preview shows. It has the athlete, the coach and how to reach them, the date it was made, stop
 * rules, the current phase first and the phases still to come, one card per exercise in plain words, a
 * weekly tick sheet, and (by choice) the progress charts and the log. It never holds the coach's checks:
 * no range marks, no findings, no differential.
 *
 * Choices: front matter `handout: { charts: yes|no, log: yes|no }` (default charts yes, log no); a host's
 * option overrides the front matter.
 */
import { describeDosage } from '../dosage/format.js';
import { timesPer } from '../dosage/fields.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { Guideline } from '../guidelines/parse.js';
import { protocolPainRule } from '../guidelines/select.js';
import { currentPhase, readyMaxPain } from '../coaching/coaching.js';
import { DEFAULT_PAIN_THRESHOLD, DEFAULT_PROGRESS_MAX_PAIN, DEFAULT_PROGRESS_SESSIONS } from '../options.js';
import type { AthleteLog, Dosage, ExerciseLine, Phase, Span } from '../model.js';

export interface HandoutChoices {
  /** Progress charts (pain over time, weekly adherence). Default yes. */
  readonly charts?: boolean;
  /** The log of sessions, newest first. Default no. */
  readonly log?: boolean;
}

/** Where the stop rules come from: a protocol's pain rule, or by default the pain-monitoring model. */
export interface PainRule {
  /** Highest acceptable pain during an exercise (0-10); `undefined` when the rule is "stop short of pain". */
  readonly threshold?: number;
  /** The rule in the protocol's words (plain text), shown when given. */
  readonly text?: string;
  /** The citation shown under the stop rules. */
  readonly source: string;
}

export const PAIN_MONITORING_SOURCE = 'Pain-monitoring model: Silbernagel et al., Am J Sports Med 2007';

export interface StopRules {
  readonly heading: string;
  /** When to stop and contact the coach. */
  readonly stopIf: readonly string[];
  /** What is fine (the pain the program accepts). */
  readonly okay?: string;
  readonly source: string;
}

export interface HandoutCard {
  readonly name: string;
  /** 1-based source line of the prescription. */
  readonly line: number;
  /** The exercise's reference: a web link the log gives with the name (http or https), shown as a link. */
  readonly link?: string;
  /** A reference that is not a web link (`videos/bridge.md`): shown as text, since the page stands alone. */
  readonly reference?: string;
  /** What to do, in plain words: sets, reps, holds, bouts, load... */
  readonly dose: string;
  readonly howOften?: string;
  readonly side?: string;
  readonly rest?: string;
  /** The pain this prescription allows (`pain ≤3/10`), in words. */
  readonly pain?: string;
  readonly cues: readonly string[];
  readonly nextStep?: string;
}

export interface HandoutPhase {
  readonly name: string;
  readonly line: number;
  readonly current: boolean;
  readonly cards: readonly HandoutCard[];
}

export interface TickRow {
  readonly name: string;
  /** Boxes to tick each day (2 for twice a day). */
  readonly perDay: number;
  /** A word on which days, when the program does not ask for every day ("3 days a week", "run days"). */
  readonly when?: string;
}

export interface TickSheet {
  /** Column heads: the seven days of a program week, from the weekday the program started on. */
  readonly days: readonly string[];
  readonly rows: readonly TickRow[];
}

export interface Handout {
  readonly athlete: string;
  readonly coach?: string;
  readonly contact?: string;
  readonly condition?: string;
  /** The date the handout was made, ISO and in words. */
  readonly madeOn: { readonly iso: string; readonly words: string };
  readonly stopRules: StopRules;
  readonly phases: readonly HandoutPhase[];
  readonly tickSheet?: TickSheet;
  readonly charts: boolean;
  readonly log: boolean;
}

export interface HandoutInput {
  readonly log: AthleteLog;
  readonly library: GuidelineLibrary;
  /** ISO date the handout is made on (decides the current phase). */
  readonly today: string;
  readonly choices?: HandoutChoices;
  /** The protocol's pain rule; default the pain-monitoring model with `painThreshold`. */
  readonly painRule?: PainRule;
  /** The pain threshold in force (options), default 5. */
  readonly painThreshold?: number;
  /** `ready-to-progress` settings, for the words of the next step. */
  readonly readyToProgress?: { readonly sessions: number; readonly maxPain: number };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `2026-11-11` -> `11 November 2026` (no locale: the same words on every machine). */
export function dateInWords(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

function weekdayOf(iso: string | undefined): number | undefined {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    return undefined;
  }
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : new Date(t).getUTCDay();
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') {
    return v.trim();
  }
  return typeof v === 'number' ? String(v) : undefined;
}

function yesNo(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') {
    return v;
  }
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['yes', 'true', 'on', 'show'].includes(s)) {
      return true;
    }
    if (['no', 'false', 'off', 'hide'].includes(s)) {
      return false;
    }
  }
  return undefined;
}

/** The handout's choices from the log's front matter (`handout: { charts, log }`), then the host's. */
export function handoutChoices(log: AthleteLog, override: HandoutChoices = {}): { charts: boolean; log: boolean } {
  const raw = log.frontMatter?.data.handout;
  const fm = raw && typeof raw === 'object' && !Array.isArray(raw) ? raw as Record<string, unknown> : {};
  return {
    charts: override.charts ?? yesNo(fm.charts) ?? true,
    log: override.log ?? yesNo(fm.log) ?? false,
  };
}

const TIMING_WORDS = { 'before-run': 'before your run', 'after-run': 'after your run', 'warm-up': 'as a warm-up' } as const;
const SIDE_WORDS = {
  each: 'both sides, one side at a time', left: 'left side', right: 'right side', both: 'both sides together', alternating: 'switch sides each rep',
  succession: 'both sides: all the reps on one side, then the other',
} as const;

/** One part of a dosage in the field table's plain words (dosage/fields.ts). */
function wordsOf(d: Dosage, key: 'intervalDays' | 'weeks'): string | undefined {
  const only = { text: '', components: [], problems: [], [key]: d[key] } as unknown as Dosage;
  return d[key] ? describeDosage(only, ', ') || undefined : undefined;
}

/** How often, in plain words: "twice a day", "3 times a week", "before every run", "every other day". */
export function howOften(d: Dosage): string | undefined {
  const parts: string[] = [];
  if (d.perDay) {
    parts.push(timesPer(d.perDay, 'a day'));
  }
  if (d.perWeek) {
    parts.push(timesPer(d.perWeek, 'a week'));
  }
  const interval = wordsOf(d, 'intervalDays');
  if (interval) {
    parts.push(interval);
  }
  if (d.perRun && (d.timing?.value === 'before-run' || d.timing?.value === 'after-run')) {
    parts.push(d.timing.value === 'before-run' ? 'before every run' : 'after every run');
  } else {
    if (d.perRun) {
      parts.push('every run');
    }
    if (d.timing) {
      parts.push(TIMING_WORDS[d.timing.value]);
    }
  }
  const weeks = wordsOf(d, 'weeks');
  if (weeks) {
    parts.push(weeks);
  }
  return parts.length > 0 ? parts.join(', ') : undefined;
}

function seconds(s: Span): string {
  const one = (n: number): string => (n >= 60 && n % 60 === 0 ? `${n / 60} min` : `${n} s`);
  return s.min === s.max ? one(s.min) : s.max >= 60 && s.min % 60 === 0 && s.max % 60 === 0 ? `${s.min / 60}-${s.max / 60} min` : `${s.min}-${s.max} s`;
}

/** Rest between sets, when the dosage gives it (`rest 90 s`). */
function restOf(d: Dosage): string | undefined {
  return d.restSeconds ? `${seconds(d.restSeconds)} between sets` : undefined;
}

/**
 * What to do, without the parts the card shows on their own lines (how often, side, rest) and without
 * pain (a prescription's pain is a limit, shown in the stop rules).
 */
export function doseWords(d: Dosage): string {
  const what: Record<string, unknown> = { ...d };
  for (const k of ['perDay', 'perWeek', 'perRun', 'intervalDays', 'weeks', 'timing', 'side', 'pain', 'restSeconds', 'painLimit', 'note']) {
    delete what[k];
  }
  return describeDosage(what as unknown as Dosage, ', ');
}

function linkOf(line: ExerciseLine): string | undefined {
  const link = (line as ExerciseLine & { link?: unknown }).link;
  const href = typeof link === 'string' ? link : typeof link === 'object' && link !== null && typeof (link as { url?: unknown }).url === 'string' ? (link as { url: string }).url : undefined;
  return href?.trim() || undefined;
}

/** The reference link a log gives with an exercise's name (`[Chair Bridge](https://...)`), web links only. */
export function referenceLink(line: ExerciseLine): string | undefined {
  const href = linkOf(line);
  return href && /^https?:\/\/[^\s<>"']+$/i.test(href) ? href : undefined;
}

/** A reference that is a path, not a web link (no scheme): shown as text. Other schemes are left out. */
export function referenceText(line: ExerciseLine): string | undefined {
  const href = linkOf(line);
  return href && !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//') ? href : undefined;
}

/**
 * The card's next step: the guideline's first progression that the same phase does not already prescribe
 * (a step to a card printed beside it is no next step).
 */
function nextStepOf(g: Guideline | undefined, phase: readonly ExerciseLine[], library: GuidelineLibrary): string | undefined {
  const here = new Set(phase.map((x) => (library.lookup(x.name)?.name ?? x.name).toLowerCase()));
  return g?.progression.find((p) => !here.has((library.lookup(p)?.name ?? p).toLowerCase()));
}

function card(line: ExerciseLine, phase: readonly ExerciseLine[], input: HandoutInput): HandoutCard {
  const g = input.library.lookup(line.name);
  const d = line.dosage;
  const dose = doseWords(d) || (d.text.trim() === '' ? 'as your coach shows you' : d.text.trim());
  const howOftenWords = howOften(d);
  const side = d.side ? SIDE_WORDS[d.side.value] : undefined;
  const rest = restOf(d);
  const pain = d.painLimit ? `keep it at or below ${d.painLimit.max}/10` : undefined;
  const link = referenceLink(line);
  const reference = link ? undefined : referenceText(line);
  const next = nextStepOf(g, phase, input.library);
  const ready = input.readyToProgress ?? { sessions: DEFAULT_PROGRESS_SESSIONS, maxPain: DEFAULT_PROGRESS_MAX_PAIN };
  // The same limit ready-to-progress and pain-above-threshold use: a pain-free protocol's next step asks for no pain.
  const readyPain = readyMaxPain(g, { painThreshold: input.painThreshold ?? DEFAULT_PAIN_THRESHOLD, readyToProgress: ready });
  return {
    name: line.name,
    line: line.range.start.line,
    dose,
    // The coach's own cue words from the line come first, then the guideline's athlete-facing cues (never its source notes).
    cues: [...(d.note ? [d.note] : []), ...(g?.cues ?? [])],
    ...(link ? { link } : {}),
    ...(reference ? { reference } : {}),
    ...(howOftenWords ? { howOften: howOftenWords } : {}),
    ...(side ? { side } : {}),
    ...(rest ? { rest } : {}),
    ...(pain ? { pain } : {}),
    ...(next ? { nextStep: `${next}, when ${ready.sessions} sessions in a row at the full dose go well (${readyPain === 0 ? 'no pain' : `pain ${readyPain}/10 or less`}) and your coach agrees` } : {}),
  };
}

function phaseLine(p: Phase): number {
  return p.headingRange?.start.line ?? p.prescriptions[0]?.range.start.line ?? 1;
}

/**
 * The pain rule the checker holds the current phase to: the strictest pain limit among its exercises'
 * guidelines (an entry's `Pain` line or its file's `pain-threshold`), with that file's pain rule and
 * source; `undefined` when no exercise's guideline sets one (the pain-monitoring model then applies).
 * An exercise with no limit of its own is held to `threshold`, as `pain-above-threshold` holds it.
 */
export function phasePainRule(library: GuidelineLibrary, lines: readonly ExerciseLine[], threshold = 5): PainRule | undefined {
  let strictest: { readonly limit: number; readonly g?: Guideline } | undefined;
  for (const x of lines) {
    const g = library.lookup(x.name);
    const limit = g?.painThreshold ?? threshold;
    if (!strictest || limit < strictest.limit) {
      strictest = { limit, ...(g?.painThreshold !== undefined ? { g } : {}) };
    }
  }
  const g = strictest?.g;
  if (!strictest || !g) {
    return undefined;
  }
  return {
    ...(strictest.limit > 0 ? { threshold: strictest.limit } : {}),
    ...(g.meta.painRule !== undefined ? { text: g.meta.painRule } : {}),
    source: `${g.meta.title ?? g.protocol}: ${g.source ?? g.meta.source ?? g.file}`,
  };
}

/** The stop rules: the protocol's pain rule when it gives one, else the pain-monitoring model. */
export function stopRules(rule: PainRule | undefined, threshold = 5): StopRules {
  const limit = rule ? rule.threshold : threshold;
  const during = limit === undefined
    ? 'an exercise hurts: stop it short of pain'
    : `pain during an exercise goes above ${limit}/10`;
  return {
    heading: 'Stop and contact your coach if',
    stopIf: [
      during,
      'pain is still up the next morning',
      'pain or stiffness gets worse from one week to the next',
      'you feel tingling, numbness or pain spreading down the leg',
      'pain wakes you at night',
    ],
    ...(rule?.text ? { okay: `Your program's pain rule: ${rule.text.replace(/[.;,\s]+$/, '')}.` } : limit === undefined ? {} : { okay: `Some discomfort is fine: up to ${limit}/10 during the exercises, as long as it has settled by the next morning.` }),
    source: rule?.source ?? PAIN_MONITORING_SOURCE,
  };
}

function tickSheet(phase: Phase | undefined, startedOn: string | undefined): TickSheet | undefined {
  if (!phase || phase.prescriptions.length === 0) {
    return undefined;
  }
  const first = weekdayOf(startedOn) ?? 1;
  const days = Array.from({ length: 7 }, (_, i) => WEEKDAYS[(first + i) % 7] ?? '');
  const rows = phase.prescriptions.map((x): TickRow => {
    const d = x.dosage;
    const perDay = Math.max(1, Math.min(4, d.perDay?.max ?? 1));
    const when = d.perWeek ? timesPer(d.perWeek, 'a week') : d.intervalDays ? wordsOf(d, 'intervalDays') : d.perRun ? 'on run days' : undefined;
    return { name: x.name, perDay: d.perWeek || d.perRun || d.intervalDays ? 1 : perDay, ...(when ? { when } : {}) };
  });
  return { days, rows };
}

/** The handout for a log. */
export function buildHandout(input: HandoutInput): Handout {
  const { log } = input;
  const fm = log.frontMatter?.data ?? {};
  const current = currentPhase(log, input.today);
  const at = current ? log.phases.indexOf(current) : -1;
  // The current phase first, then the phases still to come; a log with no phase spans shows every phase.
  const shown = at >= 0 ? log.phases.slice(at) : log.phases;
  const phases = shown.map((p, i): HandoutPhase => ({
    name: p.name,
    line: phaseLine(p),
    // Marked only when there is more than one phase to tell it from.
    current: i === 0 && at >= 0 && log.phases.length > 1,
    cards: p.prescriptions.map((x) => card(x, p.prescriptions, input)),
  }));
  const choices = handoutChoices(log, input.choices);
  const coach = log.coach ?? text(fm.coach);
  const contact = text(fm.contact);
  const sheet = tickSheet(shown[0], log.started);
  return {
    athlete: log.athlete ?? 'Athlete',
    ...(coach ? { coach } : {}),
    ...(contact ? { contact } : {}),
    ...(log.condition ? { condition: log.condition } : {}),
    madeOn: { iso: input.today, words: dateInWords(input.today) },
    // The log's named protocol speaks first; else the phase's strictest guideline limit, as the checker holds it.
    stopRules: stopRules(input.painRule ?? protocolPainRule(input.library)
      ?? phasePainRule(input.library, (at >= 0 ? shown.slice(0, 1) : shown).flatMap((p) => p.prescriptions), input.painThreshold), input.painThreshold),
    phases,
    ...(sheet ? { tickSheet: sheet } : {}),
    charts: choices.charts,
    log: choices.log,
  };
}
