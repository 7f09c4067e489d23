/** Coaching: the current phase, progression, regression, adherence, the report, and their properties. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import { coachingReport, currentPhase, parseLog, resolveOptions } from '../../src/core/index.js';
import { readyMaxPain } from '../../src/core/coaching/coaching.js';
import { buildHandout } from '../../src/core/render/index.js';
import { checkFixture, FIXTURES, read, ROOT, service } from '../helpers.js';

const COACHING = ['ready-to-progress', 'consider-regression', 'adherence-low', 'not-in-program', 'off-program-dosage'];

async function findings(text: string, today = '2026-11-16'): Promise<string[]> {
  const r = await service.check({ text, options: { today } });
  return (r?.findings ?? []).filter((f) => COACHING.includes(f.ruleId)).map((f) => `${f.range.start.line}:${f.ruleId}`);
}

function log(program: string[], sessions: [string, string][], started = '2026-11-02'): string {
  return ['---', 'athlete: T', `started: ${started}`, '---', '## Program', ...program, '## Log',
    ...sessions.flatMap(([d, e]) => [`### ${d}`, e, ''])].join('\n');
}

describe('coaching', function () {
  this.timeout(60000);

  it('says why Alex is ready for Single-Leg Chair Bridge and adds it in one fix', async () => {
    const text = read(path.join(ROOT, 'examples', 'alex-progressing.athlete.md'));
    const r = await service.check({ text, options: { today: '2026-11-16' } });
    const f = r?.findings.find((x) => x.ruleId === 'ready-to-progress');
    assert.ok(f?.fix);
    assert.equal(f.message, 'Ready to progress Chair Bridge to Single-Leg Chair Bridge: 3 sessions in a row at the top of the range with no pain (2026-11-13 pain 0/10, 2026-11-14 pain 0/10, 2026-11-15 pain 0/10); the Chair Bridge guideline progresses to Single-Leg Chair Bridge (Hamstrung, iRunFar)');
    const fixed = service.fix(text, [f]).text;
    assert.ok(fixed.includes('- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily\n- Single-Leg Chair Bridge: 2 x 10, hold 3 s, 1x daily\n'), fixed);
    assert.deepEqual((await findings(fixed)).filter((x) => x.endsWith('ready-to-progress')), []);
  });

  it('reads rest, distance and every-N-days: the shortest rest is the top, the progression starts at the easy end', async () => {
    const file = path.join(FIXTURES, 'rules', 'ready-to-progress', 'generated.md');
    const hills = (rest: string): string => ['---', 'athlete: T', 'started: 2026-11-02', 'guidelines: ../../guidelines/parts.md', '---',
      '## Program', '- Hill Repeats: 6 x 200 m, rest 90-120 s, every other day', '## Log',
      ...['2026-11-03', '2026-11-05', '2026-11-07'].flatMap((d) => [`### ${d}`, `- Hill Repeats: 6 x 200 m, rest ${rest}, pain 0/10`, ''])].join('\n');
    const ready = (await checkFixture(file, hills('90 s'))).find((f) => f.ruleId === 'ready-to-progress');
    assert.ok(ready?.fix, 'at the top of every part: ready');
    assert.match(ready.fix.edits[0]?.text ?? '', /- Hill Sprints: 6 x 200 m, rest 3 min, every third day/);
    assert.ok(!(await checkFixture(file, hills('2 min'))).some((f) => f.ruleId === 'ready-to-progress'), 'a longer rest than the shortest: not yet');
    const adherence = (await checkFixture(file, hills('90 s'))).filter((f) => f.ruleId === 'adherence-low');
    assert.deepEqual(adherence.map((f) => f.message), [], 'every other day is 3-4 days a week: 3 days logged is enough');
  });

  it('holds one pain limit: ready-to-progress, pain-above-threshold and the handout\'s next step agree', async () => {
    // Chair Bridge's guideline is pain-free (an acute strain is loaded short of pain): even with a lenient
    // readiness setting, sessions at pain 1/10 are too painful, not ready, and the handout asks for no pain.
    const program = ['- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'];
    const sore = log(program, [['2026-11-03', '- Chair Bridge: 3 x 10, hold 6 s, pain 1/10'], ['2026-11-04', '- Chair Bridge: 3 x 10, hold 6 s, pain 1/10'],
      ['2026-11-05', '- Chair Bridge: 3 x 10, hold 6 s, pain 1/10']]);
    const options = { today: '2026-11-06', readyToProgress: { sessions: 3, maxPain: 4 } };
    const r = await service.check({ text: sore, options });
    assert.ok(r);
    assert.equal(r.findings.filter((f) => f.ruleId === 'pain-above-threshold').length, 3);
    assert.ok(!r.findings.some((f) => f.ruleId === 'ready-to-progress'), 'a session too painful for the guideline is not ready');
    const card = buildHandout({ log: r.log, library: r.library, today: '2026-11-06', readyToProgress: options.readyToProgress }).phases[0]?.cards[0];
    assert.match(card?.nextStep ?? '', /^Single-Leg Chair Bridge, when 3 sessions in a row at the full dose go well \(no pain\)/);
    const free = await service.check({ text: sore.replaceAll('pain 1/10', 'pain 0/10'), options });
    assert.ok(!free?.findings.some((f) => f.ruleId === 'pain-above-threshold'));
    assert.match(free?.findings.find((f) => f.ruleId === 'ready-to-progress')?.message ?? '', /at the top of the range with no pain \(2026-11-03 pain 0\/10/);
    // A guideline that allows some pain, or the setting, bounds the readiness bound from above; never below it.
    const ready = resolveOptions({ readyToProgress: { sessions: 3, maxPain: 4 }, painThreshold: 5 });
    assert.equal(readyMaxPain({ painThreshold: 3 }, ready), 3, 'a guideline allowing 3/10 caps readiness at 3/10');
    assert.equal(readyMaxPain({ painThreshold: 5 }, resolveOptions({})), 2, 'the readiness setting stays when it is stricter');
    assert.equal(readyMaxPain(undefined, resolveOptions({ painThreshold: 1 })), 1, 'no guideline limit: the pain-threshold setting');
  });

  it('never claims a pain level for sessions without a score (hamstring review F8)', async () => {
    const program = ['- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'];
    const unscored = log(program, [['2026-11-03', '- Chair Bridge: 3 x 10, hold 6 s'], ['2026-11-04', '- Chair Bridge: 3 x 10, hold 6 s'],
      ['2026-11-05', '- Chair Bridge: 3 x 10, hold 6 s']]);
    const r = await service.check({ text: unscored, options: { today: '2026-11-06' } });
    const f = r?.findings.find((x) => x.ruleId === 'ready-to-progress');
    assert.equal(f?.message, 'Ready to progress Chair Bridge to Single-Leg Chair Bridge: 3 sessions in a row at the top of the range (2026-11-03 pain not recorded, 2026-11-04 pain not recorded, 2026-11-05 pain not recorded); pain was not recorded in any of them, so ask about pain before progressing; the Chair Bridge guideline progresses to Single-Leg Chair Bridge (Hamstrung, iRunFar)');
    assert.doesNotMatch(f?.message ?? '', /at most/);
    const mixed = log(program, [['2026-11-03', '- Chair Bridge: 3 x 10, hold 6 s, pain 0/10'], ['2026-11-04', '- Chair Bridge: 3 x 10, hold 6 s'],
      ['2026-11-05', '- Chair Bridge: 3 x 10, hold 6 s, pain 0/10']]);
    const m = (await service.check({ text: mixed, options: { today: '2026-11-06' } }))?.findings.find((x) => x.ruleId === 'ready-to-progress');
    assert.match(m?.message ?? '', /\(2026-11-03 pain 0\/10, 2026-11-04 pain not recorded, 2026-11-05 pain 0\/10\); pain was not recorded in 1 of them/);
  });

  it('says so when pain climbs, before the coach has to notice', async () => {
    const text = log(['- Step-up: 3 x 10, hold 3-6 s, 1x daily'], [
      ['2026-11-02', '- Step-up: 3 x 10, hold 5 s. Pain 1/10'], ['2026-11-09', '- Step-up: 3 x 10, hold 5 s. Pain 2/10'],
      ['2026-11-16', '- Step-up: 3 x 10, hold 5 s. Pain 4/10'],
    ]);
    const r = await service.check({ text });
    const f = r?.findings.find((x) => x.ruleId === 'consider-regression');
    assert.match(f?.message ?? '', /^Consider a regression for Step-up: pain rising week over week \(weekly means 1\.0, 2\.0, 4\.0\); the pain-monitoring model expects pain to settle, not climb \(Silbernagel et al\. 2007\); lower the dosage; if pain keeps rising, have the injury re-assessed$/);
    // Hamstring review F15: rising pain can mean a re-injury, so the message asks for a re-assessment too.
  });

  it('picks the current phase by week span, else the last phase', () => {
    const l = parseLog(['---', 'athlete: T', 'started: 2026-11-02', '---', '## Program', '### A (weeks 1-2)', '- Chair Bridge: 2x10', '### B (weeks 3-4)', '- Chair Bridge: 3x10', '### C'].join('\n'));
    assert.equal(currentPhase(l, '2026-11-03')?.name, 'A (weeks 1-2)');
    assert.equal(currentPhase(l, '2026-11-16')?.name, 'B (weeks 3-4)');
    assert.equal(currentPhase(l, '2026-12-30')?.name, 'C');
    assert.equal(currentPhase(l, undefined)?.name, 'C');
  });

  describe('edge cases', () => {
    it('no log yet: nothing to say; a single session: no progression or regression yet', async () => {
      assert.deepEqual(await findings(log(['- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'], [])), []);
      const one = await findings(log(['- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'], [['2026-11-15', '- Chair Bridge: 3 x 10, hold 6 s. Pain 0/10']]), '2026-11-16');
      assert.deepEqual(one, ['6:adherence-low'], 'one day logged in the last week');
    });

    it('gaps of several weeks do not make a climb out of two scores', async () => {
      const text = log(['- Step-up: 3 x 10, hold 3-6 s'], [['2026-09-01', '- Step-up: 3 x 10, hold 5 s. Pain 1/10'], ['2026-11-15', '- Step-up: 3 x 10, hold 5 s. Pain 2/10']], '2026-09-01');
      assert.deepEqual(await findings(text), []);
    });

    it('reads sessions out of order by date', async () => {
      const text = log(['- Chair Bridge: 3 x 10, hold 3-6 s'], [
        ['2026-11-14', '- Chair Bridge: 3 x 10, hold 6 s. Pain 0/10'], ['2026-11-12', '- Chair Bridge: 3 x 10, hold 6 s. Pain 0/10'],
        ['2026-11-13', '- Chair Bridge: 3 x 10, hold 6 s. Pain 0/10'],
      ]);
      assert.ok((await findings(text)).includes('6:ready-to-progress'));
    });

    it('follows an exercise renamed by alias', async () => {
      const text = log(['- Chair Bridge: 3 x 10, hold 3-6 s'], [
        ['2026-11-12', '- chair bridges: 3 x 10, hold 6 s. Pain 0/10'], ['2026-11-13', '- bridge on chair: 3 x 10, hold 6 s'],
        ['2026-11-14', '- Chair Bridge: 3 x 10, hold 6 s. Pain 0/10'],
      ]);
      const f = await findings(text);
      assert.ok(f.includes('6:ready-to-progress'), f.join());
      assert.ok(!f.some((x) => x.endsWith('not-in-program')), f.join());
    });

    it('judges last week by the phase of last week, not by the phase that starts this week', async () => {
      // Weeks 1-4 ask for a daily bridge, week 5 on for a twice-weekly curl; today is the Monday of week 5.
      const text = log(['### Phase 1 (weeks 1-4)', '- Chair Bridge: 3 x 10, hold 5 s, 1x daily', '### Phase 2 (weeks 5-8)', '- Nordic hamstring curl: 2 x 5, 2x/week'],
        ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'].map((d): [string, string] => [d, '- Chair Bridge: 3 x 10, hold 5 s']));
      assert.deepEqual(await findings(text, '2026-11-30'), [], 'the curl was not prescribed in week 4, and the bridge was done every day');
      const missed = log(['### Phase 1 (weeks 1-4)', '- Chair Bridge: 3 x 10, hold 5 s, 1x daily', '### Phase 2 (weeks 5-8)', '- Nordic hamstring curl: 2 x 5, 2x/week'],
        [['2026-11-24', '- Chair Bridge: 3 x 10, hold 5 s']]);
      assert.deepEqual(await findings(missed, '2026-11-30'), ['7:adherence-low'], 'the bridge of week 4 is the one short');
    });

    it('works with a phase without week spans', async () => {
      const text = log(['### Strength', '- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'], [['2026-11-10', '- Chair Bridge: 3 x 10, hold 5 s']]);
      assert.deepEqual(await findings(text, '2026-11-17'), ['7:adherence-low']);
    });
  });

  describe('properties', () => {
    const entry = fc.record({
      name: fc.constantFrom('Chair Bridge', 'Bridge Walk-Out', 'chair bridges', 'Marching drill', 'Goblet Squat'),
      sets: fc.integer({ min: 1, max: 4 }), hold: fc.integer({ min: 2, max: 8 }), pain: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    }).map((e) => `- ${e.name}: ${e.sets} x 10, hold ${e.hold} s${e.pain === undefined ? '' : `. Pain ${e.pain}/10`}`);
    const day = fc.integer({ min: 0, max: 40 }).map((d) => new Date(Date.UTC(2026, 10, 2) + d * 86_400_000).toISOString().slice(0, 10));
    const sessions = fc.array(fc.tuple(day, entry), { maxLength: 12 });
    const program = ['### Phase 1 (weeks 1-3)', '- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily', '- Marching drill: 3 bouts x 12 s, before run', '### Phase 2 (weeks 4-6)', '- Bridge Walk-Out: 2 x 10, 5 steps each leg, 3x/week'];

    it('adding a pain-free session never raises consider-regression', async () => {
      await fc.assert(fc.asyncProperty(sessions, day, fc.constantFrom('Chair Bridge', 'Bridge Walk-Out', 'Marching drill'), async (s, d, name) => {
        const before = (await findings(log(program, s))).filter((x) => x.endsWith('consider-regression'));
        // The new session comes last in time, so it is each exercise's latest.
        const later = [...s, [`2026-12-31`, `- ${name}: 3 x 10, hold 5 s. Pain 0/10`]] as [string, string][];
        void d;
        const after = (await findings(log(program, later))).filter((x) => x.endsWith('consider-regression'));
        assert.ok(after.length <= before.length, `${before.join()} -> ${after.join()}`);
      }), { seed: 11, numRuns: 120 });
    });

    it('removing the log section removes every finding of the coaching rules', async () => {
      await fc.assert(fc.asyncProperty(sessions, async (s) => {
        const text = log(program, s);
        const withoutLog = text.slice(0, text.indexOf('## Log'));
        assert.deepEqual(await findings(withoutLog), []);
      }), { seed: 12, numRuns: 80 });
    });
  });

  describe('report', () => {
    it('gives per exercise its sessions, last pain, trend, progression and next step', async () => {
      const text = read(path.join(ROOT, 'examples', 'alex-progressing.athlete.md'));
      const r = await service.check({ text });
      assert.ok(r);
      const rep = coachingReport(r.log, r.library, resolveOptions({ today: '2026-11-16' }), '2026-11-16');
      assert.equal(rep.currentPhase, 'Phase 1: Strength (weeks 1-3)');
      assert.deepEqual(rep.exercises.map((e) => [e.exercise, e.sessions.length, e.lastPain, e.trend, e.progression, e.nextStep]), [
        ['Chair Bridge', 3, 0, 'steady', 'ready', 'Single-Leg Chair Bridge'],
      ]);
      assert.deepEqual(rep.adherence.map((w) => [w.week, w.logged, w.expected]), [[1, 0, 7], [2, 3, 7], [3, 0, 7]]);
    });

    it('is printed by athlete-log report --format json', () => {
      const out = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'report', '--today', '2026-11-16', 'examples/alex-progressing.athlete.md'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(out.status, 0, out.stderr);
      const json = JSON.parse(out.stdout) as { athlete: string; exercises: { progression: string }[] };
      assert.equal(json.athlete, 'Alex Strider');
      assert.equal(json.exercises[0]?.progression, 'ready');
    });
  });
});
