/**
 * Reading real logs (FORMAT.md v2, "Where exercise lines are found"): each layout a coach may write, as a
 * small log in this project's own words, with the sessions, names and findings it must give. The
 * shapes follow the structure cases of the shared corpus; the text is ours.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { currentPhase, LogDocument, parseLog, type AthleteLog, type Finding } from '../../src/core/index.js';
import { runSteps } from '../../src/core/scheduler/steps.js';
import { parseWhole } from '../../src/core/read/assemble.js';
import { service } from '../helpers.js';

interface Read {
  readonly log: AthleteLog;
  readonly findings: readonly Finding[];
  /** `line:rule-id` of every finding, in order. */
  readonly found: string[];
  /** `date: name, name` per session. */
  readonly sessions: string[];
  /** `phase: name, name` per phase. */
  readonly phases: string[];
}

let n = 0;

async function check(body: string, frontMatter = 'athlete: Pat Example', options: Record<string, unknown> = {}): Promise<Read> {
  const text = `---\n${frontMatter}\n---\n${body}`;
  const r = await service.check({ text, path: `/ws/reading-${n}.athlete.md`, relativePath: `reading-${n++}.athlete.md`, options: { today: '2026-11-20', ...options } });
  assert.ok(r, 'read as a log');
  return {
    log: r.log,
    findings: r.findings,
    found: r.findings.map((f) => `${f.range.start.line}:${f.ruleId}`),
    sessions: r.log.sessions.map((s) => `${s.date ?? s.dateText}: ${s.entries.map((e) => e.name).join(', ')}`),
    phases: r.log.phases.map((p) => `${p.name}: ${p.prescriptions.map((e) => e.name).join(', ')}`),
  };
}

function lines(...l: string[]): string {
  return `${l.join('\n')}\n`;
}

describe('reading real logs', function () {
  this.timeout(20000);

  describe('date headings', () => {
    it('reads written dates, with a weekday, an ordinal or a trailing label', async () => {
      const r = await check(lines(
        '## Log',
        '### Thu Nov 5, 2026 — base week · strength',
        '- Chair Bridge: 2 x 10, hold 4 s, pain 7/10',
        '### 6 November 2026',
        '- Chair Bridge: 2 x 10, hold 4 s',
        '### November 7th, 2026',
        '- Chair Bridge: 2 x 10, hold 4 s',
        '### Sunday 8th of November 2026',
        '- Chair Bridge: 2 x 10, hold 4 s',
      ));
      assert.deepEqual(r.log.sessions.map((s) => s.date), ['2026-11-05', '2026-11-06', '2026-11-07', '2026-11-08']);
      assert.equal(r.log.sessions[0]?.label, 'base week · strength');
      assert.ok(r.found.includes('6:pain-above-threshold'), r.found.join(' '));
      assert.ok(!r.found.some((f) => f.endsWith('invalid-date')));
    });

    it('reads slashes, dots, compact dates and wiki-link dates', async () => {
      const r = await check(lines(
        '### 2026/11/02',
        '- Chair Bridge: 2 x 10',
        '### 2026.11.03',
        '- Chair Bridge: 2 x 10',
        '### 20261104',
        '- Chair Bridge: 2 x 10',
        '### [[2026-11-05]]',
        '- Chair Bridge: 2 x 10',
        '### [[November 6th, 2026]]',
        '- Chair Bridge: 2 x 10',
      ));
      assert.deepEqual(r.log.sessions.map((s) => s.date), ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06']);
      assert.deepEqual(r.found.filter((f) => /date/.test(f)), []);
    });

    it('gives a date without a year the year of the session before it, or of started', async () => {
      const first = await check(lines('### Nov 9', '- Chair Bridge: 2 x 10', '### Nov 10', '- Chair Bridge: 2 x 10'), 'athlete: Pat Example\nstarted: 2026-11-02');
      assert.deepEqual(first.log.sessions.map((s) => s.date), ['2026-11-09', '2026-11-10']);
      const after = await check(lines('### 2025-12-30', '- Chair Bridge: 2 x 10', '### Dec 31', '- Chair Bridge: 2 x 10'));
      assert.deepEqual(after.log.sessions.map((s) => s.date), ['2025-12-30', '2025-12-31']);
    });

    it('a heading must start with its date', async () => {
      const r = await check(lines('## Program', '### Week of 2026-11-02', '- Chair Bridge: 2 x 10'));
      assert.deepEqual(r.log.sessions, []);
      assert.deepEqual(r.phases, ['Week of 2026-11-02: Chair Bridge']);
    });

    it('reads an unambiguous numeric date, and flags an ambiguous one with a fix to ISO', async () => {
      const r = await check(lines('### 11/13/2026', '- Chair Bridge: 2 x 10', '### 04/05/2026', '- Chair Bridge: 2 x 10'));
      assert.equal(r.log.sessions[0]?.date, '2026-11-13');
      assert.equal(r.log.sessions[1]?.date, undefined);
      const amb = r.findings.find((f) => f.ruleId === 'ambiguous-date');
      assert.ok(amb, r.found.join(' '));
      assert.equal(amb.range.start.line, 6);
      assert.match(amb.fix?.edits[0]?.text ?? '', /^2026-0[45]-0[45]$/);
      assert.ok(!r.found.some((f) => f.endsWith('invalid-date')));
    });

    it('lets date-order in front matter, or the dateOrder setting, decide day and month', async () => {
      const dmy = await check(lines('### 04/05/2026', '- Chair Bridge: 2 x 10'), 'athlete: Pat Example\ndate-order: dmy');
      assert.equal(dmy.log.sessions[0]?.date, '2026-05-04');
      assert.ok(!dmy.found.some((f) => f.endsWith('ambiguous-date')));
      const mdy = await check(lines('### 04/05/2026', '- Chair Bridge: 2 x 10'), 'athlete: Pat Example', { dateOrder: 'mdy' });
      assert.equal(mdy.log.sessions[0]?.date, '2026-04-05');
    });
  });

  describe('where exercise lines are found', () => {
    it('reads items under headings of their own as prescriptions when there is no Program heading', async () => {
      const r = await check(lines(
        '# Home routine for Pat',
        '',
        'Do these slowly.',
        '',
        '## Each evening',
        '- Chair Bridge: 6 x 10, hold 9 s, 2x daily',
        '- Bridge Walk-Out: 2 x 10, 8 steps each leg',
      ));
      assert.deepEqual(r.phases, ['Each evening: Chair Bridge, Bridge Walk-Out']);
      assert.ok(r.found.includes('9:sets-out-of-range') && r.found.includes('9:hold-out-of-range') && r.found.includes('10:steps-out-of-range'), r.found.join(' '));
    });

    it('keeps entries under sub-headings of a dated session in that session', async () => {
      const r = await check(lines(
        '## Program',
        '### Phase 1 (weeks 1-2)',
        '- Chair Bridge: 2 x 10, hold 4 s, 2x daily',
        '## Log',
        '### 2026-11-03',
        '#### Activation',
        '- Marching drill: 3 bouts x 12 s',
        '#### Strength',
        '- Chair Bridge: 2 x 10, hold 4 s, pain 8/10',
        '### 2026-11-04',
        '- Chair Bridge: 2 x 10, hold 4 s',
      ), 'athlete: Pat Example\nstarted: 2026-11-02');
      assert.deepEqual(r.sessions, ['2026-11-03: Marching drill, Chair Bridge', '2026-11-04: Chair Bridge']);
      assert.ok(r.found.includes('13:pain-above-threshold'), r.found.join(' '));
      assert.ok(r.found.includes('11:not-in-program'), r.found.join(' '));
    });

    it('reads a program table with one dosage column', async () => {
      const r = await check(lines(
        '## Program',
        '### Phase 1',
        '',
        '| Exercise | Dosage | Cues |',
        '| --- | --- | --- |',
        '| Chair Bridge | 6 x 10, hold 9 s, 2x daily | heels down |',
        '| Bridge Walk-Out | 2 x 10, 8 steps each leg | |',
      ));
      assert.deepEqual(r.phases, ['Phase 1: Chair Bridge, Bridge Walk-Out']);
      assert.ok(r.found.includes('9:sets-out-of-range') && r.found.includes('10:steps-out-of-range'), r.found.join(' '));
    });

    it('reads a table with component columns and <br> inside a cell', async () => {
      const r = await check(lines(
        '### 2026-11-03',
        '',
        '| Movement | Sets | Reps | Hold | Notes |',
        '|---|---|---|---|---|',
        '| Chair Bridge | 2 | 10 | 4 s | easy<br>no pain |',
        '| Nordic hamstring curl | 3 | 5 | | |',
      ));
      assert.deepEqual(r.sessions, ['2026-11-03: Chair Bridge, Nordic hamstring curl']);
      const e = r.log.sessions[0]?.entries[0];
      assert.equal(e?.dosage.sets?.min, 2);
      assert.equal(e?.dosage.reps?.min, 10);
      assert.equal(e?.dosage.holdSeconds?.min, 4);
    });

    it('reads the dosage from a child line under the exercise', async () => {
      const r = await check(lines(
        '## Program',
        '### Phase 1',
        '- Chair Bridge',
        '  - 2 x 10, hold 4 s, 2x daily',
        '- Power Position',
        '  - 5 reps, hold 6 s, each side',
      ));
      assert.deepEqual(r.phases, ['Phase 1: Chair Bridge, Power Position']);
      assert.equal(r.log.phases[0]?.prescriptions[0]?.dosage.sets?.min, 2);
      assert.equal(r.log.phases[0]?.prescriptions[1]?.dosage.holdSeconds?.min, 6);
      assert.ok(!r.found.some((f) => f.endsWith('unknown-exercise')), r.found.join(' '));
    });

    it('reads exercise headings with labelled fields inside a phase of the program', async () => {
      const r = await check(lines(
        '## Program',
        '### Phase 1',
        '',
        '#### Chair Bridge',
        '',
        'Sets: 2',
        '',
        'Repetitions: 10 per leg',
        '',
        'Hold 4 seconds',
        '',
        '#### Nordic hamstring curl',
        '',
        '3 x 5',
      ));
      assert.deepEqual(r.phases, ['Phase 1: Chair Bridge, Nordic hamstring curl']);
      const bridge = r.log.phases[0]?.prescriptions[0];
      assert.equal(bridge?.dosage.sets?.min, 2);
      assert.equal(bridge?.dosage.reps?.min, 10);
      assert.equal(bridge?.dosage.side?.value, 'each');
      assert.equal(bridge?.dosage.holdSeconds?.min, 4);
    });

    it('reads set lines under an exercise item, a bold line or a heading as entries of that exercise', async () => {
      const r = await check(lines(
        '### 2026-11-03',
        '- Nordic hamstring curl',
        '  - Set 1: 5 reps',
        '  - Set 2: 4 reps',
        '',
        '**Chair Bridge**',
        '- Set 1: 10 reps',
        '- Set 2: 10 reps',
      ));
      assert.deepEqual(r.sessions, ['2026-11-03: Nordic hamstring curl, Nordic hamstring curl, Chair Bridge, Chair Bridge']);
    });

    it('keeps notes as notes, whatever words they hold', async () => {
      const r = await check(lines(
        '## Program',
        '### Phase 1',
        '- Chair Bridge: 2 x 10, hold 4 s, 2x daily',
        '- Keep the daily routine going with the physio',
        '- Note: these went into the warm up today',
      ));
      assert.deepEqual(r.phases, ['Phase 1: Chair Bridge']);
      assert.deepEqual(r.found.filter((f) => !f.endsWith('adherence-low')), []);
    });

    it('reports a line that looks like an exercise line but cannot be read', async () => {
      const r = await check(lines(
        '## Program',
        '### Phase 1',
        '- Chair Bridge: 2 x 10, hold 4 s, 2x daily',
        '## Log',
        '- Chair Bridge: 2 x 10',
      ));
      const f = r.findings.find((x) => x.ruleId === 'unread-exercise-line');
      assert.ok(f, r.found.join(' '));
      assert.equal(f.range.start.line, 8);
      assert.equal(f.severity, 'information');
    });

    it('says on the first line when nothing in the log could be read', async () => {
      const r = await check(lines('## Program', '## Log', '- 2 x 10', '- 3 x 12'));
      const first = r.findings.filter((x) => x.range.start.line === 1 && x.ruleId === 'unread-exercise-line');
      assert.equal(first.length, 1, r.found.join(' '));
      assert.match(first[0]?.message ?? '', /2/);
    });
  });

  describe('names', () => {
    it('strips checkboxes, emphasis, inline code and numbering; keeps a link target', async () => {
      const r = await check(lines(
        '### 2026-11-03',
        '- [x] Chair Bridge: 2 x 10',
        '- [ ] **Bridge Walk-Out**: 2 x 10',
        '- `Power Position`: 5 reps',
        '1. Marching drill: 3 bouts x 12 s',
        '- [Nordic hamstring curl](https://example.org/nordic): 3 x 5',
        '- [Chair Bridge](videos/bridge.md) 2 x 10',
        '- [Bridge Walk-Out](https://example.org/walk-out?t=1:30) 2 x 10, 4 steps each leg',
      ));
      assert.deepEqual(r.sessions, ['2026-11-03: Chair Bridge, Bridge Walk-Out, Power Position, Marching drill, Nordic hamstring curl, Chair Bridge, Bridge Walk-Out']);
      assert.equal(r.log.sessions[0]?.entries[4]?.link, 'https://example.org/nordic');
      assert.equal(r.log.sessions[0]?.entries[5]?.link, 'videos/bridge.md');
      assert.equal(r.log.sessions[0]?.entries[6]?.link, 'https://example.org/walk-out?t=1:30');
      assert.equal(r.log.sessions[0]?.entries[6]?.dosage.steps?.min, 4);
      assert.ok(!r.found.some((f) => f.endsWith('unknown-exercise') || f.endsWith('unreadable-dosage')), r.found.join(' '));
    });

    it('ends a name at a dash separator or where the dosage starts, never at a colon inside a time', async () => {
      const r = await check(lines(
        '### 2026-11-03',
        '- Chair Bridge - 2 x 10 - hold 4 s (rest 1:30)',
        '- Chair Bridge 2 x 10 - slowly: 4 s hold',
        '- Chair Bridge — 2 x 10',
        '- Chair Bridge / 2 x 10',
      ));
      assert.deepEqual(r.sessions, ['2026-11-03: Chair Bridge, Chair Bridge, Chair Bridge, Chair Bridge']);
      const [dashes, late] = r.log.sessions[0]?.entries ?? [];
      assert.equal(dashes?.dosage.restSeconds?.min, 90);
      assert.equal(dashes?.dosage.holdSeconds?.min, 4);
      assert.equal(late?.dosage.sets?.min, 2);
      assert.equal(late?.dosage.holdSeconds?.min, 4);
    });

    it('reads count-first lines with the words after the count as the name', async () => {
      const r = await check(lines(
        '### 2026-11-03',
        '- 2x10 chair bridge',
        '- 12 chair bridges',
      ));
      assert.deepEqual(r.log.sessions[0]?.entries.map((e) => e.name.toLowerCase()), ['chair bridge', 'chair bridges']);
      assert.equal(r.log.sessions[0]?.entries[0]?.dosage.sets?.min, 2);
      assert.equal(r.log.sessions[0]?.entries[1]?.dosage.reps?.min, 12);
    });

    it('reads a count after the name, with or without a space', async () => {
      const r = await check(lines('### 2026-11-03', '- Chair Bridge x 12', '- Chair Bridge x12', '- Bridge Walk-Out x 8 reps'));
      const e = r.log.sessions[0]?.entries ?? [];
      assert.deepEqual(e.map((x) => [x.name, x.dosage.reps?.min]), [['Chair Bridge', 12], ['Chair Bridge', 12], ['Bridge Walk-Out', 8]]);
      assert.ok(!r.found.some((f) => f.endsWith('unreadable-dosage') || f.endsWith('unknown-exercise')), r.found.join(' '));
    });

    it('keeps a name that is also a dosage word, before a colon', async () => {
      const r = await check(lines('### 2026-11-03', '- Tempo: 3 x 1 mile', '- Strides: 8 x 80m', '- Sled drag: 5x25m'));
      const e = r.log.sessions[0]?.entries ?? [];
      assert.deepEqual(e.map((x) => [x.name, x.dosage.bouts?.min, x.dosage.distanceMeters?.min]), [['Tempo', 3, 1609.344], ['Strides', 8, 80], ['Sled drag', 5, 25]]);
      assert.deepEqual(r.log.unread, []);
    });

    it('reads a count first with a time, a load or words after it', async () => {
      const r = await check(lines(
        '### 2026-11-03',
        '- 3 minutes side plank',
        '- 8 12kg goblet squats',
        '- 40 jumping jacks',
      ));
      const e = r.log.sessions[0]?.entries ?? [];
      assert.deepEqual(e.map((x) => x.name), ['side plank', 'goblet squats', 'jumping jacks']);
      assert.equal(e[0]?.dosage.boutSeconds?.min, 180);
      assert.equal(e[1]?.dosage.reps?.min, 8);
      assert.equal(e[1]?.dosage.load?.min, 12);
      assert.equal(e[2]?.dosage.reps?.min, 40);
      assert.ok(!r.found.some((f) => f.endsWith('unreadable-dosage')), r.found.join(' '));
    });

    it('reads a clock time before an activity as how long it lasted', async () => {
      const r = await check(lines('### 2026-11-03', '- 38:42 brisk walk', '- 1:02:30 easy bike'));
      const e = r.log.sessions[0]?.entries ?? [];
      assert.deepEqual(e.map((x) => x.name), ['brisk walk', 'easy bike']);
      assert.equal(e[0]?.dosage.boutSeconds?.min, 38 * 60 + 42);
      assert.equal(e[1]?.dosage.boutSeconds?.min, 3600 + 150);
    });

    it('reads a bold set-type label, then name / load / reps of each set', async () => {
      const r = await check(lines(
        '### 2026-11-03',
        '- **Warm-up:** Goblet squat / 12kg / 8,8',
        '- **Work:** Romanian deadlift / 40kg / 6,6,5',
        '- **Top set**: Chin-up / BW / 4,3',
      ));
      const e = r.log.sessions[0]?.entries ?? [];
      assert.deepEqual(e.map((x) => x.name), ['Goblet squat', 'Romanian deadlift', 'Chin-up']);
      assert.equal(e[1]?.dosage.load?.min, 40);
      assert.equal(e[1]?.dosage.sets?.min, 3);
      assert.deepEqual(e[1]?.dosage.repsPerSet, [6, 6, 5]);
      assert.equal(e[2]?.dosage.load?.unit, 'bodyweight');
      assert.deepEqual(e[2]?.dosage.repsPerSet, [4, 3]);
      assert.ok(!r.found.some((f) => f.endsWith('unreadable-dosage')), r.found.join(' '));
    });

    it('keeps an emphasized note label a note', async () => {
      const r = await check(lines('## Program', '### Phase 1', '- Chair Bridge: 2 x 10, hold 4 s, 2x daily', '- _Note:_ did them as my warm up'));
      assert.deepEqual(r.phases, ['Phase 1: Chair Bridge']);
    });

    it('reads printed home-program fields, spaced or glued together', async () => {
      const r = await check(lines(
        '## Home Program',
        '### Phase 1',
        '- Chair Bridge: Reps: 12 Sets: 2 Hold: 4 Daily: 2 Weekly: 6',
        '- Bridge Walk-Out: REPS: 8SETS: 3DAILY: 1',
      ));
      const [bridge, walk] = r.log.phases[0]?.prescriptions ?? [];
      assert.equal(bridge?.dosage.reps?.min, 12);
      assert.equal(bridge?.dosage.sets?.min, 2);
      assert.equal(bridge?.dosage.holdSeconds?.min, 4);
      assert.equal(bridge?.dosage.perDay?.min, 2);
      assert.equal(bridge?.dosage.perWeek?.min, 6);
      assert.equal(walk?.dosage.reps?.min, 8);
      assert.equal(walk?.dosage.sets?.min, 3);
      assert.equal(walk?.dosage.perDay?.min, 1);
      assert.ok(!r.found.some((f) => f.endsWith('sets-out-of-range') || f.endsWith('unreadable-dosage')), r.found.join(' '));
      assert.ok(r.found.includes('7:missing-dosage-component'), r.found.join(' '));
    });

    it('keeps a side word inside a name unless a number follows it', async () => {
      const r = await check(lines('### 2026-11-03', '- Standing right & left hip lift 2 x 10'));
      assert.deepEqual(r.sessions, ['2026-11-03: Standing right & left hip lift']);
    });
  });

  describe('order and line endings', () => {
    it('accepts weeks newest first with days oldest first inside each week', async () => {
      const r = await check(lines(
        '## Week 47', '### 2026-11-16', '- Chair Bridge: 2 x 10', '### 2026-11-18', '- Chair Bridge: 2 x 10',
        '## Week 46', '### 2026-11-09', '- Chair Bridge: 2 x 10', '### 2026-11-11', '- Chair Bridge: 2 x 10',
        '## Week 45', '### 2026-11-02', '- Chair Bridge: 2 x 10', '### 2026-11-04', '- Chair Bridge: 2 x 10',
      ));
      assert.equal(r.log.sessions.length, 6);
      assert.deepEqual(r.found.filter((f) => f.endsWith('dates-out-of-order')), []);
      assert.deepEqual(r.log.phases, []);
    });

    it('reads ISO week headings and weeks named in session headings the same way', async () => {
      const iso = await check(lines(
        '## 2026-W47', '### 2026-11-16', '- Chair Bridge: 2 x 10', '### 2026-11-19', '- Chair Bridge: 2 x 10',
        '## 2026-W46', '### 2026-11-10', '- Chair Bridge: 2 x 10', '### 2026-11-12', '- Chair Bridge: 2 x 10',
      ));
      assert.deepEqual(iso.log.weeks.map((w) => w.key), ['2026-w47', '2026-w46']);
      assert.deepEqual(iso.found.filter((f) => /date/.test(f)), []);
      const named = await check(lines(
        '## Log',
        '### Mon Nov 16, 2026 — Week 3 · tempo', '- Chair Bridge: 2 x 10',
        '### Thu Nov 19, 2026 — Week 3', '- Chair Bridge: 2 x 10',
        '### Tue Nov 10, 2026 — Week 2', '- Chair Bridge: 2 x 10',
        '### Fri Nov 13, 2026 — Week 2', '- Chair Bridge: 2 x 10',
      ));
      assert.equal(named.log.sessions.length, 4);
      assert.deepEqual(named.found.filter((f) => /date/.test(f)), []);
    });

    it('still flags a misfiled day inside a week, and a misfiled week', async () => {
      const r = await check(lines(
        '## Week 3', '### 2026-11-16', '- Chair Bridge: 2 x 10', '### 2026-11-20', '- Chair Bridge: 2 x 10', '### 2026-11-18', '- Chair Bridge: 2 x 10',
        '## Week 2', '### 2026-11-09', '- Chair Bridge: 2 x 10', '### 2026-11-11', '- Chair Bridge: 2 x 10',
        '## Week 4', '### 2026-11-23', '- Chair Bridge: 2 x 10',
        '## Week 1', '### 2026-11-02', '- Chair Bridge: 2 x 10',
      ));
      assert.deepEqual(r.found.filter((f) => f.endsWith('dates-out-of-order')), ['9:dates-out-of-order', '17:dates-out-of-order']);
      const day = r.findings.find((f) => f.range.start.line === 9);
      assert.match(day?.message ?? '', /2026-11-18 comes after 2026-11-20; this log keeps the days of each week oldest first/);
      const week = r.findings.find((f) => f.range.start.line === 17);
      assert.match(week?.message ?? '', /week of 2026-11-23 comes after the week of 2026-11-09; this log keeps weeks newest first/);
    });

    it('groups sessions into weeks by headings only: without them, one order for the whole log', async () => {
      const r = await check(lines(
        '### 2026-11-16', '- Chair Bridge: 2 x 10', '### 2026-11-18', '- Chair Bridge: 2 x 10',
        '### 2026-11-09', '- Chair Bridge: 2 x 10', '### 2026-11-11', '- Chair Bridge: 2 x 10',
      ));
      assert.deepEqual(r.found.filter((f) => f.endsWith('dates-out-of-order')), ['8:dates-out-of-order', '10:dates-out-of-order']);
    });

    it('ends a week at a section heading at its level', async () => {
      const r = await check(lines(
        '## Week 2', '### 2026-11-09', '- Chair Bridge: 2 x 10', '### 2026-11-11', '- Chair Bridge: 2 x 10',
        '## Log', '### 2026-11-02', '- Chair Bridge: 2 x 10', '### 2026-11-04', '- Chair Bridge: 2 x 10',
      ));
      // The sessions after `## Log` are in no week: a group of their own, older than week 2, so in order
      // (in week 2 they would be days out of order).
      assert.deepEqual(r.log.weeks.map((w) => w.key), ['week 2']);
      assert.deepEqual(r.found.filter((f) => f.endsWith('dates-out-of-order')), []);
    });

    it('blames the one date that breaks the order, not its neighbours', async () => {
      const r = await check(lines(
        '### 2026-11-02', '- Chair Bridge: 2 x 10',
        '### 2026-11-03', '- Chair Bridge: 2 x 10',
        '### 2026-11-19', '- Chair Bridge: 2 x 10',
        '### 2026-11-05', '- Chair Bridge: 2 x 10',
        '### 2026-11-06', '- Chair Bridge: 2 x 10',
      ));
      assert.deepEqual(r.found.filter((f) => f.endsWith('dates-out-of-order')), ['8:dates-out-of-order']);
    });

    it('reads a file with CR-only line endings like the same file with LF, front matter included', async () => {
      const body = lines('## Program', '### Phase 1', '- Chair Bridge: 6 x 10, hold 4 s, 2x daily', '## Log', '### 2026-11-03', '- Chair Bridge: 2 x 10, hold 4 s');
      const lf = await check(body, 'athlete: Pat Example\nstarted: 2026-11-02');
      const text = `---\rathlete: Pat Example\rstarted: 2026-11-02\r---\r${body.replace(/\n/g, '\r')}`;
      const cr = await service.check({ text, path: '/ws/cr.athlete.md', relativePath: 'cr.athlete.md', options: { today: '2026-11-20' } });
      assert.ok(cr);
      assert.equal(cr.log.athlete, 'Pat Example');
      assert.equal(cr.log.started, '2026-11-02');
      assert.deepEqual(cr.log.sessions.map((s) => s.entries.map((e) => [e.name, e.dosage.text])), lf.log.sessions.map((s) => s.entries.map((e) => [e.name, e.dosage.text])));
      assert.deepEqual(cr.findings.map((f) => `${f.range.start.line}:${f.ruleId}`), lf.found);
    });
  });

  describe('phase headings', () => {
    it('reads a phase named as a week or a span of weeks as that phase\'s weeks', async () => {
      const r = await check(lines(
        '## Program',
        '### Week 1',
        '- Chair Bridge: 2 x 10, hold 4 s',
        '### Weeks 2-3',
        '- Chair Bridge: 3 x 10, hold 4 s',
        '### Week 4 to 5: single leg',
        '- Single-Leg Chair Bridge: 2 x 10, hold 4 s',
        '### Phase 4 — wk 6',
        '- Chair Bridge: 3 x 10, hold 5 s',
        '### Week of 2026-11-02',
        '- Chair Bridge: 3 x 10, hold 5 s',
        '### Keep going for 6 weeks',
        '- Chair Bridge: 3 x 10, hold 5 s',
      ));
      assert.deepEqual(r.log.phases.map((p) => [p.name, p.weeks ? `${p.weeks.min}-${p.weeks.max}` : '']), [
        ['Week 1', '1-1'], ['Weeks 2-3', '2-3'], ['Week 4 to 5: single leg', '4-5'], ['Phase 4 — wk 6', '6-6'],
        ['Week of 2026-11-02', ''], ['Keep going for 6 weeks', ''],
      ]);
    });

    it('reads a week heading with items of its own as a phase of those weeks when there is no Program heading', async () => {
      const r = await check(lines('# Home plan for Pat', '## Weeks 1-2', '- Chair Bridge: 2 x 10, hold 4 s', '## Week 3', '- Chair Bridge: 3 x 10, hold 5 s'));
      assert.deepEqual(r.log.phases.map((p) => [p.name, p.weeks?.min, p.weeks?.max]), [['Weeks 1-2', 1, 2], ['Week 3', 3, 3]]);
    });

    it('checks a week-named phase against the protocol stage of its weeks, like (weeks N-M)', async () => {
      const body = (a: string, b: string): string => lines('## Program', a, '- Leg press (HSR): 4 x 10, 3x/week', b, '- Hack squat (HSR): 4 x 6, 3x/week');
      const stage = (r: Read): string[] => r.findings.filter((f) => f.ruleId.endsWith('out-of-range')).map((f) => `${f.range.start.line}:${f.ruleId} ${f.guideline?.stage ?? ''}`);
      const named = await check(body('### Weeks 1-3', '### Weeks 9-12'), 'athlete: Pat Example\nprotocol: hsr-patellar');
      const spanned = await check(body('### Phase 1 (weeks 1-3)', '### Phase 3 (weeks 9-12)'), 'athlete: Pat Example\nprotocol: hsr-patellar');
      assert.deepEqual(stage(named), ['7:reps-out-of-range weeks 1-3']);
      assert.deepEqual(stage(named), stage(spanned));
    });

    it('picks the week-named phase a date falls in as the current phase', async () => {
      const r = await check(lines('## Program', '### Weeks 1-2', '- Chair Bridge: 2 x 10, hold 4 s', '### Weeks 3-4', '- Chair Bridge: 3 x 10, hold 5 s'), 'athlete: Pat Example\nstarted: 2026-11-02');
      assert.equal(currentPhase(r.log, '2026-11-17')?.name, 'Weeks 3-4');
      assert.equal(currentPhase(r.log, '2026-11-03')?.name, 'Weeks 1-2');
    });
  });

  describe('exercise headings outside a phase', () => {
    it('reads exercise headings written straight under Program as prescriptions of the Program, not phases', async () => {
      const r = await check(lines(
        '## Home Program',
        '### Chair Bridge',
        'Sets: 2',
        '',
        'Reps: 10, hold 4 s',
        '### Nordic hamstring curl',
        '3 x 5',
        '### Phase 2: single leg',
        '- Single-Leg Chair Bridge: 2 x 10, hold 4 s',
      ));
      assert.deepEqual(r.phases, ['Home Program: Chair Bridge, Nordic hamstring curl', 'Phase 2: single leg: Single-Leg Chair Bridge']);
    });

    it('reads exercise headings under a phase a level below Program in that phase', async () => {
      const r = await check(lines('# Program', '## Phase 1', '- Chair Bridge: 2 x 10, hold 4 s', '### Nordic hamstring curl', 'Sets: 3', '', 'Reps: 5', '## Phase 2', '### Chair Bridge', '3 x 10, hold 5 s'));
      assert.deepEqual(r.phases, ['Phase 1: Chair Bridge, Nordic hamstring curl', 'Phase 2: Chair Bridge']);
    });

    it('without a Program heading, reads them in the phase the heading above names, weeks and all', async () => {
      const r = await check(lines(
        '# Pat\'s home exercises',
        '## Week 1',
        '### Chair Bridge',
        'Sets: 2',
        '',
        'Repetitions: 10, hold 4 s',
        '### Nordic hamstring curl',
        '- Set 1: 4 reps',
        '- Set 2: 5 reps',
        '## Notes for the evening',
        '### Chair Bridge',
        '2 x 10, hold 4 s',
      ));
      assert.deepEqual(r.phases, ['Week 1: Chair Bridge, Nordic hamstring curl, Nordic hamstring curl', 'Notes for the evening: Chair Bridge']);
      assert.deepEqual(r.log.phases[0]?.weeks, { min: 1, max: 1 });
    });

    it('reports one outside the Program, under the Log or under the Assessment, never a phase and never dropped', async () => {
      const r = await check(lines(
        '## Assessment',
        '- [x] Sore spot along the hamstring',
        '### Chair Bridge',
        'Sets: 2',
        '## Program',
        '### Phase 1',
        '- Chair Bridge: 2 x 10, hold 4 s',
        '## Notes',
        '### Chair Bridge',
        'Sets: 3',
        '## Log',
        '### Nordic hamstring curl',
        '3 x 5',
        '### 2026-11-03',
        '- Chair Bridge: 2 x 10, hold 4 s',
      ));
      assert.deepEqual(r.phases, ['Phase 1: Chair Bridge']);
      assert.deepEqual(r.log.unread.map((u) => `${u.range.start.line}: ${u.reason}`), [
        '7: it is under the Assessment heading',
        '12: it is outside the Program and Log sections',
        '15: it is under the Log heading but not under a dated session heading',
      ]);
      assert.deepEqual(r.found.filter((f) => f.endsWith('unread-exercise-line')), ['7:unread-exercise-line', '12:unread-exercise-line', '15:unread-exercise-line']);
    });

    it('reads the same block by block as in one piece, and after edits (property)', () => {
      const piece = fc.constantFrom('# Pat', '# Program', '## Program', '## Log', '## Notes', '## Week 1', '### Week 2', '## Phase 1', '### Chair Bridge', '#### Nordic hamstring curl',
        '### 2026-11-03', '#### Warm-up', '## Assessment', 'Sets: 2', 'Reps: 10, hold 4 s', '3 x 5', '- Set 1: 5 reps', '- Chair Bridge: 2 x 10', '- [x] sore', '', 'Felt fine.',
        // Log tables with a Date column: each dated row an entry of the session of its date.
        '\n| Date | Exercise | Sets | Pain | Morning pain |\n| --- | --- | --- | --- | --- |\n| 2026-11-05 | Chair Bridge | 2 | 3/10 | 4/10 |\n| | Chair Bridge | 3 | 1/10 | |\n',
        '\n| Day | Exercise | Dosage |\n|---|---|---|\n| Fri 6 Nov | Chair Bridge | 2 x 10 |\n| soon | Chair Bridge | 2 x 10 |\n');
      fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 24 }), fc.nat(), (ls, cut) => {
        const text = `---\nathlete: Pat Example\n---\n${ls.join('\n')}\n`;
        const json = (l: AthleteLog): string => JSON.stringify([l.phases, l.sessions, l.unread, l.sections], (k, v: unknown) => (k === 'components' ? undefined : v));
        assert.equal(json(parseLog(text)), json(parseWhole(text)));
        // An edit that removes one line: the accelerator re-reads only what it touched and agrees with a fresh read.
        const doc = new LogDocument();
        runSteps(doc.update(text));
        const at = ls.length === 0 ? 0 : cut % ls.length;
        const edited = `---\nathlete: Pat Example\n---\n${ls.filter((_, i) => i !== at).join('\n')}\n`;
        assert.equal(json(runSteps(doc.update(edited)).log), json(parseWhole(edited)));
      }), { seed: 13, numRuns: 300 });
    });
  });

  describe('nothing is dropped in silence', () => {
    const names = ['Chair Bridge', 'Bridge Walk-Out', 'Power Position', 'Nordic hamstring curl'];
    const dosages = ['3 x 10', '2 sets of 8, hold 5 s', '10 reps', '3 bouts x 12 s', '2x12 @ 20 kg'];
    /** A piece of a log, and the lines of it (relative) that carry a dosage. */
    interface Piece { lines: string[]; dosed: number[] }
    const name = fc.constantFrom(...names);
    const dosage = fc.constantFrom(...dosages);
    const piece: fc.Arbitrary<Piece> = fc.oneof(
      fc.constantFrom('## Program', '## Log', '### 2026-11-03', '### Tue Nov 4, 2026', '#### Warm-up', '## Week 2', '## Every morning', '### Phase 1', '# Plan for Pat',
        'Felt fine today.', '**Chair Bridge**', '').map((l): Piece => ({ lines: [l], dosed: [] })),
      fc.tuple(name, dosage, fc.constantFrom('- N: D', '- N D', '- [x] N: D', '1. N - D', '- D N', '- D', '  - N: D')).map(([n, d, f]): Piece => ({
        lines: [f.replace('N', f.startsWith('- D ') ? n.toLowerCase() : n).replace('D', d)], dosed: [0],
      })),
      fc.tuple(name, dosage).map(([n, d]): Piece => ({ lines: [`- ${n}`, `  - ${d}`], dosed: [1] })),
      fc.tuple(name, dosage).map(([n, d]): Piece => ({ lines: [`- ${n}`, '  - Set 1: 5 reps', `  - Set 2: ${d}`], dosed: [1, 2] })),
      fc.tuple(name, dosage).map(([n, d]): Piece => ({ lines: ['', '| Exercise | Dosage |', '| --- | --- |', `| ${n} | ${d} |`, ''], dosed: [3] })),
      fc.tuple(name, fc.integer({ min: 1, max: 6 })).map(([n, k]): Piece => ({ lines: ['', '| Movement | Sets | Reps |', '|---|---|---|', `| ${n} | ${k} | 10 |`, ''], dosed: [3] })),
    );

    it('reads every list item or table row with a dosage, or reports it', () => {
      fc.assert(fc.property(fc.array(piece, { minLength: 1, maxLength: 14 }), (pieces) => {
        const lines = ['---', 'athlete: Pat Example', '---'];
        const dosed: number[] = [];
        for (const p of pieces) {
          dosed.push(...p.dosed.map((k) => lines.length + k + 1));
          lines.push(...p.lines);
        }
        const text = `${lines.join('\n')}\n`;
        const log = parseLog(text);
        const covered = new Set<number>();
        const cover = (r: { start: { line: number }; end: { line: number } }): void => {
          for (let l = r.start.line; l <= r.end.line; l++) {
            covered.add(l);
          }
        };
        log.phases.forEach((p) => p.prescriptions.forEach((x) => cover(x.range)));
        log.sessions.forEach((s) => s.entries.forEach((x) => cover(x.range)));
        log.unread.forEach((u) => cover(u.range));
        const dropped = dosed.filter((l) => !covered.has(l));
        assert.deepEqual(dropped.map((l) => `${l}: ${lines[l - 1] ?? ''}`), [], text);
      }), { seed: 13, numRuns: 300 });
    });
  });

  describe('log tables (trial defects 2, 3 and 5)', () => {
    const front = 'athlete: Lena Example\nprotocol: silbernagel\nstarted: 2026-10-05';
    const program = ['## Program', '### Phase 1 (weeks 1-6)', '- Two-leg heel raise: 3 x 15, 1x daily', '- One-leg heel raise: 3 x 12, 1x daily', '', '## Log'];

    it('reads a Pain column as the row\'s pain during, as a list line\'s pain 7/10', async () => {
      const r = await check(lines(
        ...program,
        '### 2026-10-06',
        '',
        '| Exercise | Sets | Reps | Pain (0-10) |',
        '| --- | --- | --- | --- |',
        '| Two-leg heel raise | 3 | 15 | 7/10 |',
        '',
        '### 2026-10-07',
        '',
        '| Exercise | Sets x reps | Pain during |',
        '| --- | --- | --- |',
        '| Two-leg heel raise | 3 x 15 | 2 |',
      ), front);
      assert.deepEqual(r.sessions, ['2026-10-06: Two-leg heel raise', '2026-10-07: Two-leg heel raise']);
      assert.equal(r.log.sessions[0]?.entries[0]?.dosage.pain?.min, 7);
      assert.equal(r.log.sessions[1]?.entries[0]?.dosage.pain?.min, 2);
      const pain = r.findings.filter((f) => f.ruleId === 'pain-above-threshold');
      assert.deepEqual(pain.map((f) => f.range.start.line), [16], r.found.join(' '));
      // The finding lands in the Pain cell.
      assert.equal(pain[0]?.range.start.column, 33);
    });

    it('reads each dated row of a week\'s table as an entry of the session of its date', async () => {
      const r = await check(lines(
        ...program,
        '### Week 1 (5-11 Oct)',
        '',
        '| Date | Exercise | Sets x reps | Pain during | Morning pain |',
        '| --- | --- | --- | --- | --- |',
        '| 2026-10-05 | Two-leg heel raise | 3 x 15 | 1/10 | 4/10 |',
        '| 2026-10-05 | One-leg heel raise | 3 x 12 | 2/10 | |',
        '| | One-leg heel raise | 3 x 12 | 2/10 | |',
        '| 2026-10-08 | Two-leg heel raise | 3 x 15 | 6/10 | |',
        '',
        '### Week 2 (12-18 Oct)',
        '',
        '| Day | Exercise | Dosage | Pain |',
        '| --- | --- | --- | --- |',
        '| Tue 13 Oct | One-leg heel raise | 3 x 12 | 3/10 |',
        '| someday | One-leg heel raise | 3 x 12 | 3/10 |',
      ), front);
      assert.deepEqual(r.sessions, [
        '2026-10-05: Two-leg heel raise, One-leg heel raise, One-leg heel raise',
        '2026-10-08: Two-leg heel raise',
        '2026-10-13: One-leg heel raise',
      ]);
      assert.deepEqual(r.log.sessions.map((s) => s.headingRange.start.line), [16, 19, 25]);
      assert.deepEqual(r.log.sessions[0]?.notes, ['Next morning: pain 4/10']);
      assert.ok(r.found.includes('16:pain-not-settled'), r.found.join(' '));
      assert.ok(r.found.includes('19:pain-above-threshold'), r.found.join(' '));
      // A row whose Date cell is not a date is reported, not dropped; no row is left unread for being under the Log.
      const unread = r.findings.filter((f) => f.ruleId === 'unread-exercise-line');
      assert.deepEqual(unread.map((f) => `${f.range.start.line} ${f.message}`), [
        '26 This line looks like an exercise but was not read: its Date cell (someday) cannot be read as a date; write it as 2026-11-03',
      ]);
    });

    it('keeps a log table\'s Notes column as notes of the row\'s session', async () => {
      const r = await check(lines(
        '## Log',
        '',
        '| Date | Exercise | Dosage | Notes |',
        '| --- | --- | --- | --- |',
        '| 2026-11-03 | Chair Bridge | 2 x 10 | went back<br>to 10 |',
        '| 2026-11-03 | Nordic hamstring curl | 3 x 5 | |',
      ));
      assert.deepEqual(r.sessions, ['2026-11-03: Chair Bridge, Nordic hamstring curl']);
      assert.deepEqual(r.log.sessions[0]?.notes, ['Chair Bridge: went back, to 10']);
      assert.equal(r.log.sessions[0]?.noteRanges[0]?.start.line, 8);
    });

    it('reads a logged item with per-set reps or sets to failure, and reports one with a count that cannot be read', async () => {
      const r = await check(lines(
        '## Log',
        '### 2026-11-03',
        '- Chin-ups: 9, 7',
        '- Chin-ups 3xMAX',
        '- Chin-ups 9 ;; 7',
        '- Pain 2/10 afterwards',
        '- Felt strong today',
      ));
      // `9, 7` is two sets of 9 and 7 reps and `3xMAX` three sets to failure (the dosage grammar reads both).
      const chin = r.log.sessions[0]?.entries.filter((e) => e.name === 'Chin-ups') ?? [];
      assert.deepEqual(chin.map((e) => e.dosage.repsPerSet ?? e.dosage.toFailure), [[9, 7], true], r.found.join(' '));
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'unread-exercise-line').map((f) => f.range.start.line), [8], r.found.join(' '));
    });
  });
});
