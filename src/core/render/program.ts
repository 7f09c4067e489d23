/**
 * AthleteLog -> the program as a page: header, assessment, program cards by phase, charts, the log
 * (newest first), findings. The preview and the exported handout share it. Text from the log is escaped
 * (esc) and Markdown notes are sanitized (markdown.ts); every block carries `data-line` (1-based source
 * line) for scroll sync and click-to-reveal.
 */
import { readInContext } from '../dosage/context.js';
import { compareDosages, withUnit } from '../dosage/fields.js';
import { describeDosage, formatDosage } from '../dosage/format.js';
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { Guideline } from '../guidelines/parse.js';
import { currentPhase } from '../coaching/coaching.js';
import { dayNumber, exerciseHistory, weeklyAdherence } from '../coaching/history.js';
import type { AthleteLog, Dosage, ExerciseLine, Finding, Phase } from '../model.js';
import { adherenceChart, painChart } from './charts.js';
import { renderHandoutBody } from './athlete.js';
import { buildHandout, type HandoutChoices, type PainRule } from './handout.js';
import { esc } from './html.js';
import { renderMarkdown } from './markdown.js';
import { maxOf } from '../lists.js';

export interface RenderInput {
  readonly text: string;
  readonly log: AthleteLog;
  readonly findings: readonly Finding[];
  readonly library: GuidelineLibrary;
  /** ISO date used for "days since start" and the adherence chart; a parameter so output is deterministic. */
  readonly today: string;
  /** Link findings to lines (preview) or not. */
  readonly linkFindings?: boolean;
  /** The athlete's handout (handout.ts) instead of the coach's preview: no checks, marks or differential. */
  readonly handout?: boolean;
  /** The handout's choices (charts, log); they override the log's `handout:` front matter. */
  readonly choices?: HandoutChoices;
  /** The protocol's pain rule for the handout's stop rules; default the pain-monitoring model. */
  readonly painRule?: PainRule;
  /** Pain threshold and progression settings in force (the check's options). */
  readonly painThreshold?: number;
  readonly readyToProgress?: { readonly sessions: number; readonly maxPain: number };
}

function span(q: { min: number; max: number }): string {
  return q.min === q.max ? `${q.min}` : `${q.min}-${q.max}`;
}

/** Each dosage part against the guideline: a mark that says in words whether it is in range. */
function comparison(d: Dosage, g: Guideline | undefined): string {
  if (!g?.dosage) {
    return '';
  }
  const rows: string[] = [];
  for (const { label, unit, here, want, ok } of compareDosages(d, g.dosage)) {
    rows.push(`<li class="${ok ? 'in-range' : 'out-of-range'}"><span class="mark" aria-hidden="true">${ok ? '✓' : '✗'}</span> ${esc(label)} ${esc(withUnit(here, unit))} <span class="range">${ok ? 'in range' : 'out of range'}: guideline ${esc(withUnit(want, unit))}</span></li>`);
  }
  return rows.length > 0 ? `<ul class="comparison">${rows.join('')}</ul>` : '';
}

function card(line: ExerciseLine, library: GuidelineLibrary): string {
  const g = library.lookup(line.name);
  const words = describeDosage(readInContext(line.dosage, g?.dosage));
  const parts = [
    `<h4>${esc(line.name)}</h4>`,
    `<p class="dosage">${esc(words || line.dosage.text.trim() || 'no dosage given')}</p>`,
  ];
  if (g?.dosage) {
    parts.push(`<p class="guideline">Guideline: ${esc(describeDosage(g.dosage))}</p>`);
  }
  parts.push(comparison(readInContext(line.dosage, g?.dosage), g));
  if (g && g.cues.length > 0) {
    parts.push(`<ul class="cues">${g.cues.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>`);
  }
  for (const n of g?.notes ?? []) {
    parts.push(`<p class="note">Note: ${esc(n)}</p>`);
  }
  if (g && g.progression.length > 0) {
    parts.push(`<p class="progression">Next step: ${esc(g.progression.join('; '))}</p>`);
  }
  if (g?.meta.title !== undefined) {
    parts.push(`<p class="protocol">Protocol: ${esc(g.meta.title)}</p>`);
  }
  if (g?.source) {
    parts.push(`<p class="source">Source: ${esc(g.source)}</p>`);
  }
  return `<article class="card" data-line="${line.range.start.line}">${parts.join('')}</article>`;
}

function header(log: AthleteLog, today: string): string {
  const facts: [string, string | undefined][] = [
    ['Coach', log.coach], ['Condition', log.condition], ['Side', log.side], ['Started', log.started],
  ];
  const start = dayNumber(log.started);
  const now = dayNumber(today);
  if (start !== undefined && now !== undefined && now >= start) {
    facts.push(['Days since start', String(now - start)]);
  }
  const dated = log.sessions.filter((s) => s.date !== undefined).map((s) => s.date ?? '').sort();
  facts.push(['Last session', dated[dated.length - 1]]);
  const dl = facts.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v ?? '')}</dd></div>`).join('');
  return `<header class="athlete" data-line="1"><h1>${esc(log.athlete ?? 'Athlete log')}</h1><dl>${dl}</dl></header>`;
}

function assessment(log: AthleteLog, findings: readonly Finding[]): string {
  const checked = log.assessment.filter((a) => a.checked);
  if (log.assessment.length === 0) {
    return '';
  }
  const hint = findings.find((f) => f.ruleId === 'differential-diagnosis');
  const items = checked.length > 0 ? `<ul>${checked.map((a) => `<li data-line="${a.range.start.line}">${esc(a.text)}</li>`).join('')}</ul>` : '<p>No findings checked.</p>';
  const note = hint ? `<p class="hint" role="note"><strong>Check first:</strong> ${esc(hint.message)}</p>` : '';
  return `<section class="assessment" data-line="${log.assessmentRange?.start.line ?? 1}"><h2>Assessment</h2>${items}${note}</section>`;
}

function program(log: AthleteLog, library: GuidelineLibrary): string {
  if (log.phases.length === 0) {
    return '';
  }
  const phases = log.phases.map((p) => {
    const line = p.headingRange?.start.line ?? p.prescriptions[0]?.range.start.line ?? 1;
    const [first, ...rest] = p.prescriptions.map((x) => card(x, library));
    // The phase heading stays with its first card when printed.
    return `<section class="phase" data-line="${line}"><div class="keep"><h3>${esc(p.name)}</h3>${first ?? '<p>No exercises yet.</p>'}</div>${rest.join('')}</section>`;
  }).join('');
  return `<section class="program"><h2>Program</h2>${phases}</section>`;
}

/** The program's prescription of an exercise (by guideline, so aliases match), the latest phase first. */
export function prescriptionFor(log: AthleteLog, library: GuidelineLibrary, name: string): ExerciseLine | undefined {
  const key = library.lookup(name)?.name.toLowerCase() ?? name.toLowerCase();
  const all = log.phases.flatMap((p) => p.prescriptions);
  return [...all].reverse().find((p) => (library.lookup(p.name)?.name.toLowerCase() ?? p.name.toLowerCase()) === key);
}

/** A logged dosage in words, without its pain (shown once, on its own). */
function doneWords(d: Dosage): string {
  if (!d.pain) {
    return describeDosage(d) || d.text.trim();
  }
  const rest: Record<string, unknown> = { ...d };
  delete rest.pain;
  return describeDosage(rest as unknown as Dosage);
}

function sessions(input: RenderInput, forAthlete = false): string {
  const { log, text } = input;
  if (log.sessions.length === 0) {
    return '';
  }
  const ordered = [...log.sessions].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.headingRange.start.line - a.headingRange.start.line);
  const blocks = ordered.map((s) => {
    const entries = s.entries.map((e) => {
      const done = doneWords(e.dosage);
      const prescribed = forAthlete ? undefined : prescriptionFor(log, input.library, e.name);
      const vs = prescribed ? `<span class="prescribed">prescribed: ${esc(formatDosage(prescribed.dosage) || '-')}</span>` : '';
      const pain = e.dosage.pain ? `<span class="pain${e.dosage.pain.max > (input.painThreshold ?? 5) ? ' high' : ''}">pain ${esc(span(e.dosage.pain))}/10</span>` : '';
      return `<li data-line="${e.range.start.line}"><strong>${esc(e.name)}</strong> ${esc(done)} ${pain} ${vs}</li>`;
    }).join('');
    const notes = s.noteRanges.map((r) => renderMarkdown(text.slice(r.start.offset, r.end.offset))).join('');
    const label = s.label ? ` <span class="label">${esc(s.label)}</span>` : '';
    return `<article class="session" data-line="${s.headingRange.start.line}"><h3>${esc(s.dateText)}${label}</h3>${entries ? `<ul>${entries}</ul>` : ''}${notes ? `<div class="notes">${notes}</div>` : ''}</article>`;
  });
  // The heading stays with the first session (print: no heading at the foot of a page).
  const [first, ...rest] = blocks;
  return `<section class="log"><div class="keep"><h2>Log</h2>${first ?? ''}</div>${rest.join('')}</section>`;
}

/** The number of times a day the most frequent prescription of `phases` asks for (2 for `2x daily`). */
function mostPerDay(phases: readonly Phase[]): number {
  return maxOf(phases.flatMap((p) => p.prescriptions.map((x) => x.dosage.perDay?.max ?? 1)), 1) ?? 1;
}

/**
 * The program week `phase` starts in: its own `(weeks A-B)` span's first week, else the week after the
 * phase before it ends (`### Phase 3: Gait` after `(weeks 3-4)` starts in week 5); undefined when neither says.
 */
function firstWeek(phases: readonly Phase[], phase: Phase): number | undefined {
  if (phase.weeks) {
    return phase.weeks.min;
  }
  const before = phases[phases.indexOf(phase) - 1];
  return before?.weeks ? before.weeks.max + 1 : undefined;
}

/** The last program week the phases' `(weeks A-B)` spans reach, if any. */
function lastProgramWeek(log: AthleteLog): number | undefined {
  const ends = log.phases.map((p) => p.weeks?.max).filter((w): w is number => w !== undefined);
  return maxOf(ends);
}

function charts(input: RenderInput): string {
  const pain = painChart(exerciseHistory(input.log, input.library));
  const last = lastProgramWeek(input.log);
  // The handout shows the current phase and those to come: when that phase has its weeks, its adherence
  // chart starts at the phase's first week and counts by the prescriptions shown, not by phases already done.
  const current = input.handout ? currentPhase(input.log, input.today) : undefined;
  const from = current && firstWeek(input.log.phases, current);
  const phases = current && from !== undefined ? input.log.phases.slice(input.log.phases.indexOf(current)) : input.log.phases;
  const weeks = weeklyAdherence(input.log, input.today).filter((w) => from === undefined || w.week >= from);
  const adherence = adherenceChart(weeks, {
    today: input.today, perDay: mostPerDay(phases), ...(last !== undefined ? { lastWeek: last } : {}),
  });
  // The heading stays with the charts (print: no heading at the foot of a page; side by side on paper).
  return pain || adherence ? `<section class="charts"><div class="keep"><h2>Progress</h2><div class="chart-row">${pain}${adherence}</div></div></section>` : '';
}

function findingsSummary(input: RenderInput): string {
  if (input.findings.length === 0) {
    return '<section class="findings"><h2>Checks</h2><p>Every dosage matches its guideline.</p></section>';
  }
  const items = input.findings.map((f) => {
    const where = `line ${f.range.start.line}`;
    const link = input.linkFindings ? `<a href="#" class="reveal" data-line="${f.range.start.line}">${where}</a>` : where;
    return `<li class="${f.severity}"><span class="severity">${esc(f.severity)}</span> ${link}: ${esc(f.message)} <code>${esc(f.ruleId)}</code></li>`;
  }).join('');
  return `<section class="findings"><h2>Checks</h2><ul>${items}</ul></section>`;
}

/** The program page's body: the coach's preview, or with `handout` the athlete's handout. */
export function renderProgram(input: RenderInput): string {
  if (input.handout) {
    const h = buildHandout({
      log: input.log, library: input.library, today: input.today,
      ...(input.choices ? { choices: input.choices } : {}),
      ...(input.painRule ? { painRule: input.painRule } : {}),
      ...(input.painThreshold !== undefined ? { painThreshold: input.painThreshold } : {}),
      ...(input.readyToProgress ? { readyToProgress: input.readyToProgress } : {}),
    });
    return renderHandoutBody(h, { charts: h.charts ? charts(input) : '', log: h.log ? sessions(input, true) : '' });
  }
  return [
    header(input.log, input.today), assessment(input.log, input.findings), program(input.log, input.library),
    charts(input), sessions(input), findingsSummary(input),
  ].filter((s) => s !== '').join('\n');
}
