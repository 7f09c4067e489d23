/**
 * The athlete's handout, on the model and on the page: what it has (stop rules, current phase first,
 * cards in plain words, tick sheet, choices) and what it must not have (range marks, findings, the
 * differential). The coach's preview keeps all of those.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildHandout, handoutPage, renderProgram, stopRules, PAIN_MONITORING_SOURCE } from '../../src/core/render/index.js';
import { adherenceChart } from '../../src/core/render/charts.js';
import { howOften, referenceLink, referenceText } from '../../src/core/render/handout.js';
import type { ExerciseLine } from '../../src/core/index.js';
import { read, ROOT, service } from '../helpers.js';

const JANE = read(path.join(ROOT, 'examples', 'jane-runner.athlete.md'));
const SAM = read(path.join(ROOT, 'examples', 'sam-sprinter.athlete.md'));

async function check(text: string): Promise<NonNullable<Awaited<ReturnType<typeof service.check>>>> {
  const r = await service.check({ text });
  assert.ok(r, 'an athlete log');
  return r;
}

async function handoutHtml(text: string, today = '2026-11-11', extra: Record<string, unknown> = {}): Promise<string> {
  const r = await check(text);
  return renderProgram({ text, log: r.log, findings: r.findings, library: r.library, today, handout: true, ...extra });
}

function withFrontMatter(text: string, lines: string[]): string {
  return text.replace(/^---\n/, `---\n${lines.join('\n')}\n`);
}

describe('athlete handout: the model', function () {
  this.timeout(60000);

  it('has the athlete, the coach, the contact from front matter and the date it was made', async () => {
    const r = await check(withFrontMatter(JANE, ['contact: "sam@example.com, 555 0100"']));
    const h = buildHandout({ log: r.log, library: r.library, today: '2026-11-11' });
    assert.equal(h.athlete, 'Jane Runner');
    assert.equal(h.coach, 'Sam Coach');
    assert.equal(h.contact, 'sam@example.com, 555 0100');
    assert.deepEqual(h.madeOn, { iso: '2026-11-11', words: '11 November 2026' });
  });

  it('puts the current phase first and marked, later phases after, earlier phases out', async () => {
    const r = await check(JANE);
    const week2 = buildHandout({ log: r.log, library: r.library, today: '2026-11-11' });
    assert.deepEqual(week2.phases.map((p) => [p.name, p.current]), [
      ['Phase 1: Strength (weeks 1-2)', true], ['Phase 2: Glute activation (weeks 3-4)', false], ['Phase 3: Gait', false],
    ]);
    const week3 = buildHandout({ log: r.log, library: r.library, today: '2026-11-17' });
    assert.deepEqual(week3.phases.map((p) => [p.name, p.current]), [['Phase 2: Glute activation (weeks 3-4)', true], ['Phase 3: Gait', false]]);
  });

  it('gives each exercise its dosage in plain words, how often, side, cues and next step', async () => {
    const r = await check(JANE);
    const h = buildHandout({ log: r.log, library: r.library, today: '2026-11-11', readyToProgress: { sessions: 3, maxPain: 2 } });
    const chair = h.phases[0]?.cards[0];
    assert.ok(chair);
    assert.equal(chair.name, 'Chair Bridge');
    assert.equal(chair.dose, '3 sets of 10 reps, hold 3-6 s');
    assert.equal(chair.howOften, 'twice a day');
    assert.ok(chair.cues.length > 0, 'cues from the guideline');
    // Chair Bridge's guideline is pain-free, so its next step asks for no pain (the limit pain-above-threshold holds it to).
    assert.match(chair.nextStep ?? '', /^Single-Leg Chair Bridge, when 3 sessions in a row .*\(no pain\)/);
    const power = h.phases[1]?.cards[0];
    assert.equal(power?.name, 'Power Position');
    assert.equal(power?.howOften, 'twice a day, before your run');
    assert.equal(power?.side, 'both sides, one side at a time');
    const march = h.phases[2]?.cards[0];
    assert.equal(march?.dose, '3 bouts of 12 s');
    assert.equal(march?.howOften, 'before your run');
  });

  it('prints only the guideline\'s cues for the athlete, never its source notes, and no next step to a card beside it', async () => {
    // A coach's own log: two drills in one phase, the second the progression of the first.
    const text = [
      '---', 'athlete: Lee Example', 'started: 2026-11-02', '---', '', '## Program', '### Phase 1: Drills',
      '- Marching drill: 3 bouts x 10 s, before run', '- Skipping drill: 3 bouts x 10 s, before run', '',
      '### Phase 2: Bridges', '- Chair Bridge: 2 x 10, hold 4 s, 1x daily', '',
    ].join('\n');
    const r = await check(text);
    const march = r.library.lookup('Marching drill');
    assert.ok(march && march.notes.length > 0, 'the built-in entry keeps a source note for the coach');
    const h = buildHandout({ log: r.log, library: r.library, today: '2026-11-03' });
    const cards = h.phases.flatMap((p) => p.cards);
    for (const c of cards) {
      for (const cue of c.cues) {
        assert.doesNotMatch(cue, /this project|inference|the column/i, `${c.name}: "${cue}" is a note for the coach, not a cue`);
      }
    }
    assert.equal(cards.find((c) => c.name === 'Marching drill')?.nextStep, undefined, 'Skipping drill is already on the same phase');
    assert.match(cards.find((c) => c.name === 'Chair Bridge')?.nextStep ?? '', /^Single-Leg Chair Bridge, when/);
    const page = await handoutHtml(text, '2026-11-03');
    assert.doesNotMatch(page, /this project|inference/i, 'the page holds no source note');
    const preview = await handoutHtml(text, '2026-11-03', { handout: false });
    assert.match(preview, /<p class="note">Note: [^<]*this project/, 'the coach\'s preview keeps the note');
  });

  /** Twice a day for four weeks, then twice a week from week 5 under `lastPhase`; logged into week 5. */
  const phasedLog = (lastPhase: string): string => [
    '---', 'athlete: Max Example', 'started: 2026-11-02', '---', '', '## Program',
    '### Phase 1: Early (weeks 1-2)', '- Chair Bridge: 2 x 10, hold 5 s, 2x daily', '',
    '### Phase 2: Middle (weeks 3-4)', '- Single-Leg Chair Bridge: 2 x 10, hold 4 s, 1x daily', '',
    `### ${lastPhase}`, '- Nordic hamstring curl: 2 x 5, 2x/week', '',
    '## Log', '', '### 2026-11-04', '- Chair Bridge: 2 x 10, hold 5 s', '', '### 2026-11-17', '- Single-Leg Chair Bridge: 2 x 10, hold 4 s',
    '', '### 2026-11-30', '- Nordic hamstring curl: 2 x 5', '',
  ].join('\n');

  it('charts adherence from the current phase on: no twice-a-day note or daily line left from phases done', async () => {
    const text = phasedLog('Phase 3: Late (weeks 5-8)');
    const page = await handoutHtml(text, '2026-11-30');
    assert.doesNotMatch(page, /more than once a day/, 'the current phase asks for nothing twice a day');
    assert.doesNotMatch(page, /prescribed 7/, 'no daily line from the phases already done');
    assert.match(page, /prescribed 2/);
    assert.doesNotMatch(page, />W[1-4]\*?</, 'the weeks of earlier phases are left out');
    const preview = await handoutHtml(text, '2026-11-30', { handout: false });
    assert.match(preview, /prescribed 7/, 'the coach\'s preview keeps the whole program');
    assert.match(preview, /more than once a day/);
  });

  it('charts adherence from the current phase on when that phase starts where the one before it ends', async () => {
    // As Jane's log: the last phase names no weeks; it starts after the phase before it (weeks 3-4).
    const page = await handoutHtml(phasedLog('Phase 3: Late'), '2026-11-30');
    assert.doesNotMatch(page, /prescribed 7/, 'no daily line from the phases already done');
    assert.doesNotMatch(page, />W[1-4]\*?</, 'the weeks of earlier phases are left out');
    assert.match(page, />W5\*</, 'this week is charted');
  });

  it('words how often and rest plainly, and keeps only web links as references', () => {
    assert.equal(howOften({ text: '', components: [], problems: [], perWeek: { min: 3, max: 3, start: 0, end: 1, style: 'digits' } }), '3 times a week');
    assert.equal(howOften({ text: '', components: [], problems: [], perDay: { min: 1, max: 1, start: 0, end: 1, style: 'digits' } }), 'once a day');
    assert.equal(howOften({ text: '', components: [], problems: [], perRun: true, timing: { value: 'before-run', start: 0, end: 1 } }), 'before every run');
    const line = (link: unknown): ExerciseLine => ({ link } as unknown as ExerciseLine);
    assert.equal(referenceLink(line('https://example.org/chair-bridge')), 'https://example.org/chair-bridge');
    assert.equal(referenceLink(line({ url: 'http://example.org/x' })), 'http://example.org/x');
    assert.equal(referenceLink(line('javascript:alert(1)')), undefined);
    assert.equal(referenceLink(line('data:text/html,x')), undefined);
    assert.equal(referenceText(line('videos/chair-bridge.md')), 'videos/chair-bridge.md', 'a path is shown as text');
    assert.equal(referenceText(line('javascript:alert(1)')), undefined);
    assert.equal(referenceText(line('https://example.org/x')), undefined, 'a web link is a link, not text');
  });

  it('states stop rules from the pain rule, by default the pain-monitoring model with its citation', () => {
    const d = stopRules(undefined, 5);
    assert.equal(d.heading, 'Stop and contact your coach if');
    assert.ok(d.stopIf.includes('pain during an exercise goes above 5/10'));
    assert.ok(d.stopIf.includes('pain is still up the next morning'));
    assert.ok(d.stopIf.some((s) => /tingling/.test(s)));
    assert.equal(d.source, PAIN_MONITORING_SOURCE);
    assert.match(d.source, /Silbernagel/);
    assert.ok(stopRules(undefined, 3).stopIf.includes('pain during an exercise goes above 3/10'));
    const askling = stopRules({ source: 'Askling et al., Br J Sports Med 2013' });
    assert.ok(askling.stopIf.includes('an exercise hurts: stop it short of pain'));
    assert.equal(askling.source, 'Askling et al., Br J Sports Med 2013');
  });

  it('marks no phase when there is only one', async () => {
    const r = await check('---\nathlete: Flat\n---\n## Program\n- Chair Bridge: 3 x 10, hold 5 s, 3x/week\n');
    const h = buildHandout({ log: r.log, library: r.library, today: '2026-11-11' });
    assert.deepEqual(h.phases.map((p) => p.current), [false]);
    assert.equal(h.phases[0]?.cards[0]?.howOften, '3 times a week');
  });

  it('takes the stop rules from the protocol the log names, cited', async () => {
    const text = read(path.join(ROOT, 'examples', 'running-clinic', 'hamstring.athlete.md'));
    const r = await check(text);
    const h = buildHandout({ log: r.log, library: r.library, today: '2026-11-20' });
    assert.ok(h.stopRules.stopIf.includes('an exercise hurts: stop it short of pain'));
    assert.match(h.stopRules.source, /Askling/);
    assert.match(h.stopRules.okay ?? '', /^Your program's pain rule: every exercise stops short of pain/);
  });

  it('holds Jane to the same pain limit as the checker: the phase guidelines\' strictest, cited', async () => {
    // Jane names no protocol; her condition matches the posterior-thigh guidelines, whose limit is pain-free.
    const r = await check(JANE);
    for (const today of ['2026-11-11', '2026-11-17', '2026-11-30']) {
      const h = buildHandout({ log: r.log, library: r.library, today, painThreshold: 5 });
      assert.ok(h.stopRules.stopIf.includes('an exercise hurts: stop it short of pain'), today);
      assert.ok(!h.stopRules.stopIf.some((s) => /5\/10/.test(s)) && !/5\/10/.test(h.stopRules.okay ?? ''), today);
      assert.match(h.stopRules.okay ?? '', /Askling et al\., Br J Sports Med 2013/);
      assert.match(h.stopRules.source, /Hamstrung/);
    }
    // Every painful entry of the current phase's exercises is flagged, and only those above the handout's limit.
    const h = buildHandout({ log: r.log, library: r.library, today: '2026-11-11', painThreshold: 5 });
    const limit = h.stopRules.stopIf.includes('an exercise hurts: stop it short of pain') ? 0 : 5;
    const names = new Set(h.phases[0]?.cards.map((c) => c.name));
    const flagged = new Set(r.findings.filter((f) => f.ruleId === 'pain-above-threshold').map((f) => f.range.start.line));
    const entries = r.log.sessions.flatMap((s) => s.entries).filter((e) => names.has(e.name) && e.dosage.pain);
    assert.ok(entries.filter((e) => (e.dosage.pain?.max ?? 0) > limit).length >= 5, 'Jane logs pain above the limit');
    for (const e of entries) {
      assert.equal(flagged.has(e.range.start.line), (e.dosage.pain?.max ?? 0) > limit, `line ${e.range.start.line}`);
    }
  });

  it('takes the strictest limit among the phase guidelines, and none when no guideline sets one', async () => {
    const mixed = await check('---\nathlete: Mixed\n---\n## Program\n- Strength exercise: 3 x 10, 3x/week\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily\n');
    assert.equal(buildHandout({ log: mixed.log, library: mixed.library, today: '2026-11-11' }).stopRules.stopIf[0], 'an exercise hurts: stop it short of pain');
    const plain = await check('---\nathlete: Plain\n---\n## Program\n- Strength exercise: 3 x 10, 3x/week\n');
    const d = buildHandout({ log: plain.log, library: plain.library, today: '2026-11-11', painThreshold: 4 });
    assert.equal(d.stopRules.stopIf[0], 'pain during an exercise goes above 4/10');
    assert.equal(d.stopRules.source, PAIN_MONITORING_SOURCE);
  });

  it('makes a weekly tick sheet: seven days from the start weekday, a box per time a day', async () => {
    const r = await check(JANE);
    const h = buildHandout({ log: r.log, library: r.library, today: '2026-11-11' });
    assert.deepEqual(h.tickSheet?.days, ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], 'started on a Monday');
    assert.deepEqual(h.tickSheet?.rows.map((x) => [x.name, x.perDay]), [['Chair Bridge', 2], ['Bridge Walk-Out', 1]]);
  });

  it('takes charts (default yes) and log (default no) from front matter, and the host can override', async () => {
    const r = await check(JANE);
    const d = buildHandout({ log: r.log, library: r.library, today: '2026-11-11' });
    assert.deepEqual([d.charts, d.log], [true, false]);
    const fm = await check(withFrontMatter(JANE, ['handout:', '  charts: no', '  log: yes']));
    const h = buildHandout({ log: fm.log, library: fm.library, today: '2026-11-11' });
    assert.deepEqual([h.charts, h.log], [false, true]);
    const o = buildHandout({ log: fm.log, library: fm.library, today: '2026-11-11', choices: { charts: true, log: false } });
    assert.deepEqual([o.charts, o.log], [true, false]);
  });
});

describe('athlete handout: the page', function () {
  this.timeout(60000);

  it('has the stop rules first, the cards, the tick sheet and the charts', async () => {
    const html = await handoutHtml(JANE);
    const stop = html.indexOf('class="stop-rules"');
    const phase = html.indexOf('class="phase current"');
    assert.ok(stop > 0 && stop < phase, 'stop rules above the program');
    assert.match(html, /Stop and contact your coach if/);
    // Jane's guidelines are loaded short of pain (hamstring review F6), so her stop rules cite them, not the 5/10 model.
    assert.match(html, /Source: Posterior-thigh pain in runners: &quot;Hamstrung&quot;/);
    assert.match(html, /<span class="badge">Current phase<\/span> Phase 1: Strength/);
    assert.equal((html.match(/<article class="card exercise"/g) ?? []).length, 6);
    assert.match(html, /<dt>How often<\/dt><dd>twice a day<\/dd>/);
    assert.match(html, /class="tick-sheet"/);
    assert.match(html, /<figure class="chart pain-chart">/);
    assert.match(html, /<figure class="chart adherence-chart">/);
    assert.doesNotMatch(html, /class="log"/, 'no log by default');
  });

  it('has no range marks, no findings, no differential, no guideline comparison', async () => {
    for (const text of [JANE, SAM]) {
      const html = await handoutHtml(text);
      assert.doesNotMatch(html, /✓|✗|in range|out of range|class="comparison"|class="findings"|class="hint"|Check first|SI-joint|sciatica|Rule it out/i);
      assert.doesNotMatch(html, /Guideline:|class="guideline"|class="assessment"/);
      assert.doesNotMatch(html, /class="reveal"|href="#"/);
    }
  });

  it('shows each pain score once in the log', async () => {
    const html = await handoutHtml(withFrontMatter(JANE, ['handout:', '  log: yes']));
    assert.match(html, /class="log"/);
    const entry = /<li data-line="\d+"><strong>Chair Bridge<\/strong>[^<]*<span class="pain">pain 0\/10<\/span>/.exec(html);
    assert.ok(entry, 'the 2026-11-10 entry');
    const log = html.slice(html.indexOf('class="log"'));
    assert.equal((log.match(/<li data-line="\d+"><strong>Chair Bridge<\/strong>[^<]*<span class="pain">pain 0\/10<\/span>/g) ?? []).length, 1);
    assert.equal((log.match(/pain 0\/10/g) ?? []).length, 1, 'once in the 2026-11-10 entry');
    assert.doesNotMatch(html, /class="prescribed"/, 'the athlete sees what was done, not a comparison');
  });

  it('shows the reference link the log gives with an exercise, web links as links', async () => {
    const r = await check(JANE);
    const chair = r.log.phases[0]?.prescriptions[0];
    assert.ok(chair);
    const linked = { ...r.log, phases: r.log.phases.map((p, i) => (i === 0 ? { ...p, prescriptions: [{ ...chair, link: 'https://example.org/chair-bridge' }, ...p.prescriptions.slice(1)] } : p)) };
    const html = renderProgram({ text: JANE, log: linked, findings: r.findings, library: r.library, today: '2026-11-11', handout: true });
    assert.match(html, /<p class="reference">How to do it: <a href="https:\/\/example\.org\/chair-bridge" rel="noopener noreferrer">/);
  });

  it('words rest, a pain limit, an interval, a program length and the coach\'s cue words', async () => {
    const r = await check(JANE);
    const chair = r.log.phases[0]?.prescriptions[0];
    assert.ok(chair);
    const q = (n: number): { min: number; max: number; start: number; end: number; style: 'digits' } => ({ min: n, max: n, start: 0, end: 1, style: 'digits' });
    const { perDay: _drop, ...dosage } = chair.dosage;
    const rich = { ...chair, dosage: { ...dosage, restSeconds: q(90), painLimit: q(3), intervalDays: q(2), weeks: q(12), note: 'slow on the way down' } };
    const log = { ...r.log, phases: r.log.phases.map((p, i) => (i === 0 ? { ...p, prescriptions: [rich, ...p.prescriptions.slice(1)] } : p)) };
    const h = buildHandout({ log, library: r.library, today: '2026-11-11' });
    const card = h.phases[0]?.cards[0];
    assert.equal(card?.dose, '3 sets of 10 reps, hold 3-6 s');
    assert.equal(card?.rest, '90 s between sets');
    assert.equal(card?.pain, 'keep it at or below 3/10');
    assert.match(card?.howOften ?? '', /^every other day, for 12 weeks$/);
    assert.equal(card?.cues[0], 'slow on the way down');
    assert.deepEqual(h.tickSheet?.rows[0], { name: 'Chair Bridge', perDay: 1, when: 'every other day' });
  });

  it('is one standalone page from one builder: no script, nothing loads', async () => {
    const r = await check(SAM);
    const page = handoutPage({ text: SAM, log: r.log, findings: r.findings, library: r.library, today: '2026-11-11' }, 'body{}');
    assert.equal(page.title, 'Sam Sprinter: home exercise program');
    assert.match(page.html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;">/);
    assert.doesNotMatch(page.html, /<script/i);
    assert.match(page.html, /<body class="athlete-log handout">/);
  });
});

describe('the coach preview keeps everything', function () {
  this.timeout(60000);

  it('still shows ranges, marks, the differential and findings, with each pain once', async () => {
    const r = await check(SAM);
    const html = renderProgram({ text: SAM, log: r.log, findings: r.findings, library: r.library, today: '2026-11-11', linkFindings: true });
    assert.match(html, /class="comparison"/);
    assert.match(html, /✗/);
    assert.match(html, /Check first:/);
    assert.match(html, /class="findings"/);
    const log = html.slice(html.indexOf('class="log"'), html.indexOf('class="findings"'));
    assert.equal((log.match(/pain 6\/10/g) ?? []).length, 1, 'pain shown once');
    assert.doesNotMatch(html, /class="stop-rules"/);
  });
});

describe('adherence chart', () => {
  const week = (n: number, logged: number, expected?: number): { week: number; start: string; end: string; logged: number; expected?: number } => {
    const start = new Date(Date.UTC(2026, 10, 2 + (n - 1) * 7)).toISOString().slice(0, 10);
    const end = new Date(Date.UTC(2026, 10, 8 + (n - 1) * 7)).toISOString().slice(0, 10);
    return expected === undefined ? { week: n, start, end, logged } : { week: n, start, end, logged, expected };
  };

  it('draws the prescription as a labelled line on its axis, explains empty, current and future weeks', () => {
    const svg = adherenceChart([week(1, 4, 7), week(2, 0, 7), week(3, 1, 7)], { today: '2026-11-17', perDay: 1, lastWeek: 5 });
    assert.match(svg, /<line class="target"/);
    assert.match(svg, /<text class="target-label"[^>]*>prescribed 7<\/text>/);
    assert.match(svg, /<line class="axis-line"/);
    assert.match(svg, /<text class="axis"[^>]*>7<\/text>/, 'the axis carries the prescribed number');
    assert.match(svg, /<g class="week empty">.*?>none<\/text>/, 'a past week with nothing logged says none');
    assert.match(svg, /W3\* is this week, counted up to 2026-11-17/);
    assert.match(svg, /W4-W5 are still ahead/);
    assert.equal((svg.match(/<g class="week ahead">/g) ?? []).length, 2);
    assert.match(svg, /Weekly adherence: sessions logged each week/);
    assert.match(svg, /1 session logged/);
    assert.doesNotMatch(svg, /1 sessions/);
  });

  it('draws a range as a band from the days that count as enough up to its top, and says so', () => {
    const svg = adherenceChart([{ ...week(1, 2, 3), expectedUpTo: 4 }, { ...week(2, 3, 3), expectedUpTo: 4 }], { today: '2026-11-20', perDay: 1 });
    assert.equal((svg.match(/<rect class="target-band"/g) ?? []).length, 2, 'one band per week');
    assert.match(svg, /<text class="target-label"[^>]*>at least 3, up to 4<\/text>/);
    assert.doesNotMatch(svg, /prescribed 4/, 'the top alone is never drawn as the prescription');
    assert.match(svg, /fewest days a week that count as enough \(at least 3\); the shaded band reaches up to the most the program asks for \(4\)/);
    assert.match(svg, /2 sessions logged, 3-4 prescribed \(at least 3 count as enough\)/);
    // The line stands at 3 on the chart's own axis: the same height as the top of a bar of 3.
    const line = /<line class="target" [^>]*y1="([\d.]+)"/.exec(svg)?.[1];
    const bar3 = /<g class="week[^"]*"><rect class="bar" [^>]*y="([\d.]+)"[^>]*\/><text class="value"[^>]*>3</.exec(svg)?.[1];
    assert.ok(line !== undefined && line === bar3, `line at ${line}, bar of 3 at ${bar3}`);
  });

  it('says it counts days with the exercise when a prescription is more than once a day', () => {
    const svg = adherenceChart([week(1, 5, 7)], { today: '2026-11-20', perDay: 2 });
    assert.match(svg, /days with the exercise logged each week/);
    assert.match(svg, /a day counts once however many times it was done/);
    assert.match(svg, /5 days logged, 7 prescribed/);
  });
});

describe('adherence chart and adherence-low agree on a range', function () {
  this.timeout(60000);
  // Started Monday 2 November; week 2 runs 9-15 November; 18 November is in week 3.
  const log = (days: readonly string[], often = 'every other day'): string => [
    '---', 'athlete: Robin Example', 'started: 2026-11-02', '---', '', '## Program', '### Phase 1', `- Chair Bridge: 3 x 10, hold 5 s, ${often}`, '',
    '## Log', ...days.flatMap((d) => ['', `### ${d}`, '- Chair Bridge: 3 x 10, hold 5 s']), '',
  ].join('\n');
  const checkOn = async (text: string): Promise<NonNullable<Awaited<ReturnType<typeof service.check>>>> => {
    const r = await service.check({ text, options: { today: '2026-11-18' } });
    assert.ok(r, 'an athlete log');
    return r;
  };

  for (const [often, label] of [['every other day', 'EOD'], ['3-4x/week', '3-4x/week']] as const) {
    it(`${label}: three days is enough for both, two is short for both (coach preview and handout)`, async () => {
      const enough = log(['2026-11-09', '2026-11-11', '2026-11-13'], often);
      const short = log(['2026-11-09', '2026-11-12'], often);
      const r = await checkOn(enough);
      const s = await checkOn(short);
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'adherence-low').map((f) => f.message), []);
      const low = s.findings.filter((f) => f.ruleId === 'adherence-low');
      assert.equal(low.length, 1);
      assert.match(low[0]?.message ?? '', /so at least 3 days a week/);
      for (const handout of [false, true]) {
        const html = renderProgram({ text: enough, log: r.log, findings: r.findings, library: r.library, today: '2026-11-18', handout });
        const chart = /<figure class="chart adherence-chart">[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
        assert.match(chart, /at least 3, up to 4/, handout ? 'handout' : 'preview');
        assert.match(chart, /Week 2 \(2026-11-09 to 2026-11-15\): 3 sessions logged, 3-4 prescribed \(at least 3 count as enough\)/);
        assert.match(chart, /count as enough \(at least 3\)/);
      }
    });
  }

  it('counts the caseload\'s adherence the same way: 3 days of every other day is all of it', async () => {
    const path = '/ws/adherence-range.athlete.md';
    const s = await service.summarize({ text: log(['2026-11-09', '2026-11-11', '2026-11-13']), path, relativePath: 'adherence-range.athlete.md', options: {} }, '2026-11-18');
    service.forget(path);
    assert.equal(s?.adherenceLastWeek, 1);
  });

  it('keeps one line labelled with its number when the program asks for a single figure', async () => {
    const text = log(['2026-11-09', '2026-11-11', '2026-11-13'], '3x/week');
    const r = await checkOn(text);
    const html = renderProgram({ text, log: r.log, findings: r.findings, library: r.library, today: '2026-11-18', handout: true });
    assert.match(html, /<text class="target-label"[^>]*>prescribed 3<\/text>/);
    assert.doesNotMatch(html, /target-band/);
    assert.match(html, /The line marks the days a week the program asks for/);
  });
});
