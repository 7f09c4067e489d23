/**
 * The whole-log rules read the log through the LogView port (src/core/logView.ts). The accelerator gives
 * them a view over its typed-array timeline (src/core/incremental/timeline.ts), the plain engine a view
 * over the model's objects. Here, on random logs, the two views give the same answers, and each rule's
 * findings equal a reference written the plain way over the model's objects: the same findings,
 * messages, ranges and histories.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  check, checkText, currentPhase, dayNumber, exerciseHistory, isoDate, weeklyPainTrend, parseLog, plainLogView, readiness, resolveOptions, ruleById,
  type AthleteLog, type Session, type LogView, type ExerciseHistory, type Finding, type GuidelineLibrary, type HistoryPoint,
} from '../../src/core/index.js';
import { normalizeName } from '../../src/core/text.js';
import { exerciseKey, lastCompleteWeek, minPerWeek, twoHighInARow, weeklyPain } from '../../src/core/coaching/coaching.js';
import { shortSource } from '../../src/core/rules/rule.js';
import { Timeline, TimelineView } from '../../src/core/incremental/timeline.js';
import { pointsOf } from '../../src/core/logView.js';
import { builtinLibrary } from '../helpers.js';

const library = builtinLibrary();
const TODAY = '2026-03-20';

interface Ref {
  readonly line: number;
  readonly message: string;
}

/** Entries grouped by exercise (aliases merged), each in date order, exercises by name: over the objects. */
function plainHistory(log: AthleteLog, lib: GuidelineLibrary): ExerciseHistory[] {
  const byKey = new Map<string, { name: string; points: HistoryPoint[] }>();
  for (const s of log.sessions) {
    if (s.date === undefined) {
      continue;
    }
    for (const e of s.entries) {
      if (e.name === '') {
        continue;
      }
      const g = lib.lookup(e.name);
      const key = normalizeName(g?.name ?? e.name);
      let h = byKey.get(key);
      if (!h) {
        h = { name: g?.name ?? e.name, points: [] };
        byKey.set(key, h);
      }
      const pain = e.dosage.pain?.max;
      h.points.push({ date: s.date, line: e.range.start.line, dosage: e.dosage, ...(pain === undefined ? {} : { pain }) });
    }
  }
  const out = [...byKey.values()];
  for (const h of out) {
    h.points.sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The week of each dated session, the plain way: its label's week, else the nearest week heading above it not closed by a section heading. */
function plainWeeks(log: AthleteLog, dated: readonly Session[]): string[] {
  return dated.map((s) => {
    const own = /(?:^|[^\w])(?:week|wk)\.?\s*(\d{1,3})(?![\d\w])/i.exec(s.label)?.[1];
    if (own !== undefined) {
      return `week ${Number(own)}`;
    }
    const at = s.headingRange.start.offset;
    const week = log.weeks.filter((w) => w.headingRange.start.offset < at).pop();
    if (!week) {
      return '';
    }
    const closed = log.sections.some((x) => x.headingRange.start.offset > week.headingRange.start.offset && x.headingRange.start.offset < at && x.depth <= week.depth);
    return closed ? '' : week.key;
  });
}

/** Longest run in order by plain dynamic programming, the earliest items first. */
function plainRun(days: readonly number[], down: boolean): Set<number> {
  const n = days.length;
  const key = (i: number): number => (down ? -(days[i] ?? 0) : (days[i] ?? 0));
  const best = days.map(() => 1);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = i + 1; j < n; j++) {
      if (key(j) >= key(i)) {
        best[i] = Math.max(best[i] ?? 1, 1 + (best[j] ?? 1));
      }
    }
  }
  let need = Math.max(0, ...best);
  let last = -Infinity;
  const kept = new Set<number>();
  best.forEach((b, i) => {
    if (need > 0 && b === need && key(i) >= last) {
      kept.add(i);
      last = key(i);
      need--;
    }
  });
  return kept;
}

/** Positions 0..n-1 cut into runs that share a week key: a new run wherever the key changes. */
function runsOfWeeks(weeks: readonly string[]): number[][] {
  const runs: number[][] = [];
  for (let i = 0; i < weeks.length; i++) {
    if (i === 0 || weeks[i] !== weeks[i - 1]) {
      runs.push([]);
    }
    (runs[runs.length - 1] as number[]).push(i);
  }
  return runs;
}

function datesOutOfOrder(log: AthleteLog): Ref[] {
  const dated = log.sessions.filter((s) => s.date !== undefined);
  const days = dated.map((s) => Date.parse(s.date ?? '') / 86_400_000);
  if (days.length < 2) {
    return [];
  }
  const weeks = plainWeeks(log, dated);
  const blamed: { at: number; before: number | undefined; what: string; asc: boolean }[] = [];
  // Blames the sessions `idx` outside a longest run in order; the kept one before each is the last kept
  // position ahead of it. Returns the kept sessions.
  const blame = (idx: readonly number[], asc: boolean | undefined, what: string): number[] => {
    const d = idx.map((i) => days[i] ?? 0);
    const up = plainRun(d, false);
    const down = plainRun(d, true);
    const a = asc ?? up.size >= down.size;
    const kept = a ? up : down;
    idx.forEach((i, k) => {
      if (!kept.has(k)) {
        blamed.push({ at: i, before: idx.filter((_, j) => j < k && kept.has(j)).pop(), what, asc: a });
      }
    });
    return idx.filter((_, k) => kept.has(k));
  };
  if (weeks.every((w) => w === '')) {
    blame(days.map((_, i) => i), undefined, 'sessions');
  } else {
    const runs = runsOfWeeks(weeks);
    const steps = runs.flatMap((g) => g.slice(1).map((i, k) => Math.sign((days[i] ?? 0) - (days[g[k] ?? 0] ?? 0))));
    const asc = steps.filter((x) => x > 0).length >= steps.filter((x) => x < 0).length;
    // A week stands where its earliest kept day is.
    const firsts = runs.map((g) => {
      const kept = blame(g, asc, 'the days of each week');
      return kept.reduce((m, i) => ((days[i] ?? 0) < (days[m] ?? 0) ? i : m), kept[0] ?? g[0] ?? 0);
    });
    blame(firsts, undefined, 'weeks');
  }
  return blamed.sort((x, y) => x.at - y.at).map((b) => {
    const s = dated[b.at];
    const order = `this log keeps ${b.what} ${b.asc ? 'oldest' : 'newest'} first`;
    const weeksOf = b.what === 'weeks';
    const me = weeksOf ? `The week of ${s?.date ?? ''}` : s?.date ?? '';
    return {
      line: s?.dateRange.start.line ?? 0,
      message: b.before === undefined
        ? `${me} stands before ${weeksOf ? 'weeks' : 'sessions'} it should follow; ${order}`
        : `${me} comes after ${weeksOf ? 'the week of ' : ''}${dated[b.before]?.date ?? ''}; ${order}`,
    };
  });
}

function duplicateDate(log: AthleteLog): Ref[] {
  const seen = new Map<string, number>();
  const out: Ref[] = [];
  for (const s of log.sessions) {
    if (s.date === undefined) {
      continue;
    }
    const key = `${s.date}\u0000${s.label.toLowerCase()}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push({ line: s.dateRange.start.line, message: `A second session on ${s.date}${s.label ? ` ${s.label}` : ''} (the first is on line ${first}); add a label such as (PM) to tell them apart` });
      continue;
    }
    seen.set(key, s.headingRange.start.line);
  }
  return out;
}

function considerRegression(log: AthleteLog, lib: GuidelineLibrary): Ref[] {
  const out: Ref[] = [];
  for (const h of plainHistory(log, lib)) {
    // The exercise's pain limit: its guideline's (hamstring review F6), else the setting's default.
    const own = lib.lookup(h.name);
    const threshold = own?.painThreshold ?? resolveOptions({}).painThreshold;
    const high = twoHighInARow(h, threshold);
    const rising = weeklyPainTrend(h) === 'rising';
    const last = h.points[h.points.length - 1];
    if ((high.length === 0 && !rising) || !last) {
      continue;
    }
    const g = lib.lookup(h.name);
    const why = high.length > 0
      ? `pain above ${threshold}/10 in two sessions in a row (${high.map((p) => `${p.date} ${p.pain ?? ''}/10`).join(', ')})`
      : `pain rising week over week (weekly means ${weeklyPain(h).slice(-3).map((w) => w.mean.toFixed(1)).join(', ')})`;
    const step = g?.regression[0] ? `the ${g.name} guideline steps back to ${g.regression[0]} (${shortSource(g)})` : 'lower the dosage';
    const says = high.length > 0 && g?.painThreshold !== undefined
      ? `the ${g.name} guideline allows ${g.painThreshold === 0 ? 'no pain during it' : `pain up to ${g.painThreshold}/10`}${g.meta.painRule ? `: ${g.meta.painRule}` : ''} (${shortSource(g)})`
      : 'the pain-monitoring model expects pain to settle, not climb (Silbernagel et al. 2007)';
    out.push({ line: last.line, message: `Consider a regression for ${h.name}: ${why}; ${says}; ${step}; if pain keeps rising, have the injury re-assessed` });
  }
  return out;
}

/** Which exercises are ready (the rule adds: unless the program already has the progression). */
function ready(log: AthleteLog, lib: GuidelineLibrary): string[] {
  const prescribed = new Set(log.phases.flatMap((p) => p.prescriptions.map((x) => exerciseKey(lib, x.name))));
  return plainHistory(log, lib).filter((h) => {
    const g = lib.lookup(h.name);
    const next = g?.progression[0];
    return g && next && !prescribed.has(exerciseKey(lib, next)) && readiness(h, g, resolveOptions({})).ready;
  }).map((h) => h.name);
}

function adherenceLow(log: AthleteLog, lib: GuidelineLibrary): string[] {
  const week = lastCompleteWeek(log, TODAY);
  const phase = currentPhase(log, TODAY);
  if (!week || !phase || !log.sessions.some((s) => s.date !== undefined)) {
    return [];
  }
  return phase.prescriptions.filter((p) => {
    const expected = minPerWeek(p.dosage);
    if (expected === undefined) {
      return false;
    }
    const key = exerciseKey(lib, p.name);
    const days = new Set(log.sessions.filter((s) => {
      const d = dayNumber(s.date);
      return d !== undefined && d >= week.from && d <= week.to && s.entries.some((e) => exerciseKey(lib, e.name) === key);
    }).map((s) => s.date));
    return days.size < expected;
  }).map((p) => `${p.range.start.line} ${isoDate(week.from)}`);
}

/** A rule's findings from the accelerator, after checking that the plain engine finds the same. */
function run(text: string, id: string): Finding[] {
  const rule = ruleById(id);
  assert.ok(rule);
  const ctx = { library, options: { today: TODAY }, rules: [rule] };
  const found = checkText(text, ctx).findings;
  assert.equal(JSON.stringify(check(text, ctx).findings), JSON.stringify(found), `${id}: the plain engine and the accelerator agree`);
  return found;
}

/** What a LogView answers, as plain data: sessions by line, histories, days with each exercise in a few windows. */
function answers(view: LogView, log: AthleteLog): unknown {
  const first = dayNumber(log.started) ?? 0;
  return {
    dated: view.datedSessions().map((s) => [s.date, s.headingRange.start.line]),
    sameDay: view.sameDaySessions().map((day) => day.map((s) => [s.date, s.headingRange.start.line])),
    exercises: view.exercises().map((h) => [h.name, pointsOf(h).map((p, i) => [p.date, p.line, p.pain, p.dosage.text, p.entry.range.start.line, h.pain(i), h.day(i) === dayNumber(p.date)])]),
    days: ['', ...NAMES, 'Unknown drill'].map((name) => [0, 7, 30, 60].map((from) => view.daysWith(name, first + from, first + from + 6))),
  };
}

const refs = (findings: Finding[]): Ref[] => findings.map((f) => ({ line: f.range.start.line, message: f.message }));

// Random logs: dates in and out of order (and invalid, and repeated with labels), exercises under
// their names, aliases and unknown names, at and below the top of their ranges, with and without pain
// (a low pain is drawn as 0: these guidelines are pain-free, so only pain-free runs are ready to progress).
const NAMES = ['Chair Bridge', 'chair bridge', 'Bridge Walk-Out', 'Power Position', 'Single-Leg Chair Bridge', 'Nordic curl', 'Wall sit'];
const DOSES = ['3 x 10, hold 6 s', '3 x 10, hold 3 s', '2 x 10, 5 steps each leg', '6 reps, hold 6 s, each side', '2 x 10, hold 6 s', '3 x 6', '3 x 10'];
const session = fc.record({
  day: fc.integer({ min: 0, max: 80 }),
  broken: fc.constantFrom(false, false, false, false, true),
  label: fc.constantFrom('', '', '(AM)', '(am)', '(PM)', '(long run)'),
  entries: fc.array(fc.record({ name: fc.constantFrom(...NAMES), dose: fc.constantFrom(...DOSES), pain: fc.option(fc.integer({ min: 0, max: 9 }).map((p) => (p <= 2 ? 0 : p))) }), { maxLength: 4 }),
});
const logText = fc.record({
  started: fc.constantFrom('2026-01-05', '2026-02-02'),
  program: fc.subarray(['- Chair Bridge: 3 x 10, hold 3-6 s, 2x daily', '- Bridge Walk-Out: 2-3 x 10, 4-5 steps each leg, 3x/week', '- Single-Leg Chair Bridge: 2 x 10, hold 3-6 s, 1x daily']),
  sessions: fc.array(session, { maxLength: 40 }),
}).map(({ started, program, sessions }) => [
  '---', 'athlete: T', `started: ${started}`, '---', '## Program', '### Phase 1 (weeks 1-20)', ...program, '## Log',
  ...sessions.flatMap((s) => [
    // Weeks (FORMAT.md v2), from the day so that the other draws stay as they were: week headings, and
    // weeks named in a session heading.
    ...[s.day % 9 === 0 ? `## Week ${s.day % 4}` : s.day % 13 === 0 ? '## 2026-W05' : s.day % 17 === 0 ? '#### Week 4' : ''].filter((w) => w !== ''),
    `### ${s.broken ? '2026-02-30' : isoDate(20458 + s.day)}${s.label ? ` ${s.label}` : ''}${s.day % 11 === 0 ? ' — Week 2' : s.day % 19 === 0 ? ' · wk 3' : ''}`,
    ...s.entries.map((e) => `- ${e.name}: ${e.dose}${e.pain === null ? '' : `. Pain ${e.pain}/10`}`),
    '',
  ]),
].join('\n'));

describe('timeline rules equal their plain references', function () {
  this.timeout(120000);

  it('the plain LogView and the timeline LogView give the same answers', () => {
    fc.assert(fc.property(logText, (text) => {
      const log = parseLog(text);
      assert.deepEqual(answers(new TimelineView(Timeline.of(log, library)), log), answers(plainLogView(log, library), log));
    }), { seed: 75, numRuns: 300 });
  });

  it('exerciseHistory', () => {
    fc.assert(fc.property(logText, (text) => {
      const log = parseLog(text);
      assert.equal(JSON.stringify(exerciseHistory(log, library)), JSON.stringify(plainHistory(log, library)));
    }), { seed: 76, numRuns: 300 });
  });

  it('dates-out-of-order and duplicate-date', () => {
    fc.assert(fc.property(logText, (text) => {
      const log = parseLog(text);
      assert.deepEqual(refs(run(text, 'dates-out-of-order')), datesOutOfOrder(log));
      assert.deepEqual(refs(run(text, 'duplicate-date')), duplicateDate(log));
    }), { seed: 77, numRuns: 300 });
  });

  it('consider-regression', () => {
    fc.assert(fc.property(logText, (text) => {
      const log = parseLog(text);
      assert.deepEqual(refs(run(text, 'consider-regression')).sort((a, b) => a.line - b.line), considerRegression(log, library).sort((a, b) => a.line - b.line));
    }), { seed: 78, numRuns: 300 });
  });

  it('ready-to-progress and adherence-low', () => {
    fc.assert(fc.property(logText, (text) => {
      const log = parseLog(text);
      const readyFound = run(text, 'ready-to-progress').map((f) => /^Ready to progress (.+?) to /.exec(f.message)?.[1] ?? '');
      assert.deepEqual(readyFound.sort(), ready(log, library).sort());
      const week = lastCompleteWeek(log, TODAY);
      const low = run(text, 'adherence-low').map((f) => `${f.range.start.line} ${week ? isoDate(week.from) : ''}`);
      assert.deepEqual(low, adherenceLow(log, library));
    }), { seed: 79, numRuns: 300 });
  });

  it('finds something in these logs, so the comparisons are not empty', () => {
    const samples = fc.sample(logText, { seed: 80, numRuns: 200 });
    const ids = new Set(samples.flatMap((t) => ['dates-out-of-order', 'duplicate-date', 'consider-regression', 'ready-to-progress', 'adherence-low'].filter((id) => run(t, id).length > 0)));
    assert.deepEqual([...ids].sort(), ['adherence-low', 'consider-regression', 'dates-out-of-order', 'duplicate-date', 'ready-to-progress']);
    const why = samples.flatMap((t) => run(t, 'consider-regression').map((f) => (f.message.includes('pain rising week over week') ? 'rising' : 'high')));
    assert.deepEqual([...new Set(why)].sort(), ['high', 'rising'], 'both reasons for a regression occur');
  });
});
