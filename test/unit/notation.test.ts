/**
 * Dosage notation of real logs (FORMAT.md v2, "More dosage notation"): every row of the table, read to the
 * JSON of `athlete-log dosage`; the notation cases of the corpus, in our own words; what gets reported;
 * the field table; and properties over the new parts.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compareDosages, describeDosage, DOSAGE_FIELDS, dosageToJson, formatDosage, inRange, parseDosage, parseLog, readInContext,
  type Dosage,
} from '../../src/core/index.js';
import * as path from 'node:path';
import { checkFixture, FIXTURES, read, service } from '../helpers.js';
import { assertRoundTrip, q, s, spanArb as span, values, type Expect } from '../dosage-helpers.js';
import { AMOUNT_FIELDS } from '../../src/core/dosage/fields.js';


/** Each row of the spec's table: its forms, and the JSON each gives. */
const TABLE: readonly [string, readonly [string, Expect][]][] = [
  ['count after the name', [
    ['x 10', { reps: s(10) }], ['x10', { reps: s(10) }], ['x 10 reps', { reps: s(10) }], ['x10 ea', { reps: s(10), side: 'each' }],
  ]],
  ['reps first', [
    ['10 reps x 3 sets', { sets: s(3), reps: s(10) }], ['5 reps * 10 sets', { sets: s(10), reps: s(5) }],
  ]],
  ['labelled fields', [
    ['Reps: 10 Sets: 3 Hold: 5 Daily: 2 Weekly: 7', { sets: s(3), reps: s(10), holdSeconds: s(5), perDay: s(2), perWeek: s(7) }],
    ['REPS: 10SETS: 3', { sets: s(3), reps: s(10) }],
  ]],
  ['reps x load', [
    ['5 × 100kg', { reps: s(5), load: { min: 100, max: 100, unit: 'kg' } }],
    ['5 x 225 lb', { reps: s(5), load: { min: 225, max: 225, unit: 'lb' } }],
  ]],
  ['distance', [
    ['100 m', { distanceMeters: s(100) }], ['2 km', { distanceMeters: s(2000) }], ['1 mile', { distanceMeters: s(1609.344) }],
    ['400 yd', { distanceMeters: s(365.76) }], ['6 x 100m', { bouts: s(6), distanceMeters: s(100) }],
  ]],
  ['clock time', [
    ['1:30', { boutSeconds: s(90) }], ['44:20 min', { boutSeconds: s(2660) }], ['1:05:00', { boutSeconds: s(3900) }],
    ['hold 1:30', { holdSeconds: s(90) }], ['rest 1:30', { restSeconds: s(90) }],
  ]],
  ['rest', [
    ['rest 90 s', { restSeconds: s(90) }], ['90s rest', { restSeconds: s(90) }], ['(rest 1:30)', { restSeconds: s(90) }],
    ['1.5 min interval', { restSeconds: s(90) }],
  ]],
  ['per side', [
    ['3 x 8/side', { sets: s(3), reps: s(8), side: 'each' }], ['5 steps/leg', { steps: s(5), side: 'each' }],
    ['per side', { side: 'each' }], ['3 x 5 each', { sets: s(3), reps: s(5), side: 'each' }], ['5 reps ea', { reps: s(5), side: 'each' }],
    ['L,R', { side: 'each' }], ['L/R', { side: 'each' }], ['left & right', { side: 'each' }], ['bilateral', { side: 'each' }],
    ['both legs', { side: 'both' }],
  ]],
  ['to failure', [
    ['AMRAP', { toFailure: true }], ['to failure', { toFailure: true }], ['max reps', { toFailure: true }],
    ['2 x AMRAP', { sets: s(2), toFailure: true }],
  ]],
  ['timed rounds', [
    ['EMOM 10 min', { bouts: s(10), boutSeconds: s(60) }], ['E2MOM 10 min', { bouts: s(5), boutSeconds: s(120) }],
  ]],
  ['effort', [
    ['RPE 6/10', { rpe: s(6) }], ['RPE 7-8/10', { rpe: s(7, 8) }], ['RIR 2', { rir: s(2) }], ['RIR 2-3', { rir: s(2, 3) }],
  ]],
  ['intensity', [
    ['@ 75% 1RM', { intensity: { min: 75, max: 75, unit: '%1RM' } }], ['62.5%', { intensity: { min: 62.5, max: 62.5, unit: '%1RM' } }],
    ['15RM', { intensity: { min: 15, max: 15, unit: 'RM' } }], ['8-12RM', { intensity: { min: 8, max: 12, unit: 'RM' } }],
    ['70% MVIC', { intensity: { min: 70, max: 70, unit: '%MVIC' } }], ['70-80% MVC', { intensity: { min: 70, max: 80, unit: '%MVIC' } }],
  ]],
  ['set groups', [
    ['3x10, 1x25', { sets: s(4), reps: s(10, 25), setGroups: [{ sets: s(3), reps: s(10) }, { sets: s(1), reps: s(25) }] }],
    ['1x5 60%, 1x5 70%, 1x5 80%', {
      sets: s(3), reps: s(5), intensity: { min: 60, max: 80, unit: '%1RM' },
      setGroups: [60, 70, 80].map((n) => ({ sets: s(1), reps: s(5), intensity: { min: n, max: n, unit: '%1RM' as const } })),
    }],
  ]],
  ['per-set lists', [
    ['3 x 5 85#,90#,90#', { sets: s(3), reps: s(5), load: { min: 85, max: 90, unit: 'lb' }, loadPerSet: [85, 90, 90] }],
    ['3,2,1 x 10 s hold', { sets: s(3), reps: s(1, 3), repsPerSet: [3, 2, 1], holdSeconds: s(10) }],
  ]],
  ['frequency', [
    ['every other day', { intervalDays: s(2) }], ['every third day', { intervalDays: s(3) }], ['EOD', { intervalDays: s(2) }],
    ['QOD', { intervalDays: s(2) }], ['3 days/week', { perWeek: s(3) }], ['3/wk', { perWeek: s(3) }],
    ['once every third day', { intervalDays: s(3) }], ['every second day', { intervalDays: s(2) }],
  ]],
  ['program length', [['for 12 weeks', { weeks: s(12) }], ['12 wk', { weeks: s(12) }]]],
  ['tempo', [['tempo 3-1-1', { tempo: '3-1-1' }], ['(3-0-3)', { tempo: '3-0-3' }]]],
  ['pain limit', [
    ['(pain ≤3/10)', { painLimit: s(3) }], ['keep pain under 4/10', { painLimit: s(4) }], ['pain 3/10', { pain: s(3) }],
  ]],
  ['cue words', [
    ['— controlled', { note: 'controlled' }], ['(slow)', { note: 'slow' }], ['eyes closed', { note: 'eyes closed' }],
    ['straight and bent knee', { note: 'straight and bent knee' }],
  ]],
];

describe('dosage notation of real logs (FORMAT.md v2)', function () {
  this.timeout(60000);

  describe("the spec's notation table", () => {
    for (const [row, forms] of TABLE) {
      it(`${row}: ${forms.map(([f]) => f).join(' | ')}`, () => {
        for (const [form, expected] of forms) {
          assert.deepEqual(values(form), expected, form);
        }
      });
    }
  });

  describe('corpus notation cases, in our own words', () => {
    const cases: [string, string, Expect][] = [
      ['01 a count after an x', 'x 12', { reps: s(12) }],
      ['02 the dosage of a count-first line', '1 sets 6 reps 50kg', { sets: s(1), reps: s(6), load: { min: 50, max: 50, unit: 'kg' } }],
      ['12 printed home-program fields', 'Reps: 12 Sets: 2 Hold: 3 Daily: 1 Weekly: 5', { sets: s(2), reps: s(12), holdSeconds: s(3), perDay: s(1), perWeek: s(5) }],
      ['12 glued capitals from a PDF', 'REPS: 8SETS: 2DAILY: 1', { sets: s(2), reps: s(8), perDay: s(1) }],
      ['13 strides', '8 x 80m', { bouts: s(8), distanceMeters: s(80) }],
      ['13 miles', '3 x 1 mile', { bouts: s(3), distanceMeters: s(1609.344) }],
      ['13 glued metres', '5x30m', { bouts: s(5), distanceMeters: s(30) }],
      ['14 rest in a prescription', '2 x 12, hold 4 s, rest 60 s, 1x daily', { sets: s(2), reps: s(12), holdSeconds: s(4), restSeconds: s(60), perDay: s(1) }],
      ['14 rest after the time', '4 x 6, 120s rest', { sets: s(4), reps: s(6), restSeconds: s(120) }],
      ['14 an interval in brackets', '6 reps * 4 sets (2min interval)', { sets: s(4), reps: s(6), restSeconds: s(120) }],
      ['17 per side after reps', '6 reps/side', { reps: s(6), side: 'each' }],
      ['17 per leg after sets x reps', '2 x 8/leg, hold 3 s', { sets: s(2), reps: s(8), holdSeconds: s(3), side: 'each' }],
      ['17 a count per side alone', '12/side', { reps: s(12), side: 'each' }],
      ['17 a time per side', '45 s/side', { boutSeconds: s(45), side: 'each' }],
      ['18 a bare each', '3 x 12 each, hold 2 s', { sets: s(3), reps: s(12), holdSeconds: s(2), side: 'each' }],
      ['18 ea with a period', '4 x 6 ea.', { sets: s(4), reps: s(6), side: 'each' }],
      ['19 a cue after a dash', '2 x 10, 1x daily — knees over toes', { sets: s(2), reps: s(10), perDay: s(1), note: 'knees over toes' }],
      ['19 a cue after a semicolon', '3 x 8; breathe out on the way up', { sets: s(3), reps: s(8), note: 'breathe out on the way up' }],
      ['20 sets to failure', '3 x AMRAP', { sets: s(3), toFailure: true }],
      ['20 AMRAP minus two (a non-ASCII times and a non-breaking hyphen)', '3×AMRAP‑2', { sets: s(3), rir: s(2) }],
      ['20 AMRAP minus one, alone', 'AMRAP-1', { rir: s(1) }],
      ['13 a range of metres after an x', '3×10–20 m', { bouts: s(3), distanceMeters: s(10, 20) }],
      ['20 timed rounds', 'EMOM 12 min, 8 reps', { reps: s(8), bouts: s(12), boutSeconds: s(60) }],
      ['20 share of 1RM and RIR', '4 x 6 @ 80% 1RM, RIR 1', { sets: s(4), reps: s(6), intensity: { min: 80, max: 80, unit: '%1RM' }, rir: s(1) }],
      ['20 RPE out of ten', '2 x 15, RPE 7/10', { sets: s(2), reps: s(15), rpe: s(7) }],
      ['28 reps of each set', '3 x 5,5,8', { sets: s(3), reps: s(5, 8), repsPerSet: [5, 5, 8] }],
      ['28 slash fields: load, then the reps of each set', '40kg / 6,6,9', { sets: s(3), reps: s(6, 9), repsPerSet: [6, 6, 9], load: { min: 40, max: 40, unit: 'kg' } }],
      ['28 slash fields with bodyweight', 'BW / 4,4,7', { sets: s(3), reps: s(4, 7), repsPerSet: [4, 4, 7], load: { min: 0, max: 0, unit: 'bodyweight' } }],
      ['13 a tempo run is not a tempo', '3 x 2 km', { bouts: s(3), distanceMeters: s(2000) }],
      ['29 tempo in brackets', '3 x 12 (2-0-2)', { sets: s(3), reps: s(12), tempo: '2-0-2' }],
      ['29 a time then a count', '20 s x 3', { bouts: s(3), boutSeconds: s(20) }],
      ['29 a pain limit', '3 x 12, stop at pain ≤2/10', { sets: s(3), reps: s(12), painLimit: s(2) }],
      ['29 a load carried', '2 x 12 with 2 x 10 kg dumbbells', { sets: s(2), reps: s(12), load: { min: 10, max: 10, unit: 'kg' } }],
      ['protocols: RM', '3 x 12RM, 3x/week', { sets: s(3), reps: s(12), intensity: { min: 12, max: 12, unit: 'RM' }, perWeek: s(3) }],
      ['protocols: %MVIC and rest', '5 x 45 s @ 70% MVIC, 2 min rest', { bouts: s(5), boutSeconds: s(45), intensity: { min: 70, max: 70, unit: '%MVIC' }, restSeconds: s(120) }],
      ['protocols: every other day', '3 x 6, once every other day', { sets: s(3), reps: s(6), intervalDays: s(2) }],
      ['protocols: weeks', '3 x 15, 2x daily, for 12 weeks', { sets: s(3), reps: s(15), perDay: s(2), weeks: s(12) }],
    ];
    for (const [name, text, expected] of cases) {
      it(`${name}: ${text}`, () => assert.deepEqual(values(text), expected));
    }

    it('13 a run named Tempo keeps its name, and tempo needs three or four phases', () => {
      const log = parseLog('---\nathlete: A\n---\n## Log\n### 2026-11-03\n- Tempo: 3 x 2 km\n');
      const e = log.sessions[0]?.entries[0];
      assert.deepEqual([e?.name, e?.dosage.bouts?.min, e?.dosage.distanceMeters?.min], ['Tempo', 3, 2000]);
      assert.equal(parseDosage('tempo 2').tempo, undefined);
      assert.deepEqual(['tempo 3-1-1', 'tempo 4010', 'Tempo: 2-0-X-0'].map((t) => parseDosage(t).tempo), ['3-1-1', '4010', '2-0-X-0']);
    });

    it('a whole log in every corpus notation reads each line to its parts, with no unreadable finding and exit 0', async () => {
      const file = path.join(FIXTURES, 'notation', 'real-notation.athlete.md');
      const text = read(file);
      const parts = parseLog(text).sessions.flatMap((x) => x.entries).map((e) => {
        const { problems, ...json } = dosageToJson(e.dosage);
        assert.deepEqual(problems, [], e.name);
        return [e.name, Object.keys(json).join(' ')];
      });
      assert.deepEqual(parts, [
        ['Chair Bridge', 'reps'], ['Chair Bridge', 'sets reps holdSeconds restSeconds'], ['Strides', 'bouts distanceMeters'],
        ['Tempo', 'bouts distanceMeters'], ['Band walk', 'bouts distanceMeters'], ['Goblet Squat', 'sets reps restSeconds intensity rir'],
        ['Push-up', 'sets rir'], ['Push-up', 'sets toFailure'], ['Kettlebell swing', 'reps bouts boutSeconds'],
        ['Chair Bridge', 'sets reps holdSeconds rpe'], ['Single-Leg Chair Bridge', 'sets reps holdSeconds side'], ['Side plank', 'boutSeconds side'],
        ['Clamshell', 'sets reps side'], ['Power Position', 'bouts boutSeconds side'], ['Back squat', 'sets reps intensity setGroups'],
        ['Deadlift', 'sets reps load loadPerSet'], ['Wall sit', 'sets reps repsPerSet holdSeconds'], ['Row', 'sets reps restSeconds'],
        ['Squat', 'sets reps repsPerSet load'], ['Split squat', 'sets reps tempo painLimit'], ['Lunge', 'sets reps load'], ['Wall push', 'bouts boutSeconds'],
      ]);
      const findings = await checkFixture(file, text);
      assert.deepEqual(findings.filter((f) => f.ruleId === 'unreadable-dosage' || f.ruleId === 'unread-exercise-line' || f.severity === 'error').map((f) => f.message), []);
    });

    it('23 for a reps-and-hold guideline, N x time is N reps held that long', () => {
      const guideline = parseDosage('4-6 reps, hold 6 s, 2x daily');
      const d = readInContext(parseDosage('5 x 6 s, 2x daily'), guideline);
      assert.equal(d.reps?.min, 5);
      assert.equal(d.holdSeconds?.min, 6);
      assert.equal(d.bouts, undefined);
      // A guideline with bouts keeps them bouts.
      assert.equal(readInContext(parseDosage('3 x 12 s'), parseDosage('3 bouts x 12 s')).bouts?.min, 3);
    });

    it('23 in a log: no missing-component finding and no second dosage appended', async () => {
      const text = '---\nathlete: A\n---\n## Program\n### Phase 2\n- Power Position: 5 x 6 s each side, 2x daily\n';
      const r = await service.check({ text, path: 'a.athlete.md' });
      assert.deepEqual(r?.findings.filter((f) => f.ruleId === 'missing-dosage-component' || f.ruleId.endsWith('out-of-range')).map((f) => f.message), []);
    });

    it('19 cue words give no finding, and a log with only notation warnings has no error', async () => {
      const text = '---\nathlete: A\n---\n## Program\n### Phase 1\n- Chair Bridge: 3 x 10, hold 5 s, 2x daily — slow on the way down\n- Chair Bridge: 3 x 10, 5 hlod, 2x daily\n';
      const r = await service.check({ text, path: 'a.athlete.md' });
      const unreadable = r?.findings.filter((f) => f.ruleId === 'unreadable-dosage') ?? [];
      assert.deepEqual(unreadable.map((f) => [f.range.start.line, f.severity]), [[7, 'warning']]);
      assert.match(unreadable[0]?.message ?? '', /did you mean "hold 5 s"/);
      assert.ok(!r?.findings.some((f) => f.severity === 'error'));
    });
  });

  describe('what gets reported', () => {
    it('a fragment with a number names the closest notation', () => {
      const d = parseDosage('3 x AMRP');
      assert.match(d.problems[0]?.message ?? '', /did you mean "3 x AMRAP"/);
      assert.doesNotMatch(d.problems[0]?.message ?? '', /`/);
      // Swapped letters are close; a different word half the same is not (`1 hill` is no hold).
      assert.match(parseDosage('5 hlod').problems[0]?.message ?? '', /did you mean "hold 5 s"/);
      assert.doesNotMatch(parseDosage('45:18, 1 hill').problems[0]?.message ?? '', /did you mean/);
    });

    it('words with no number are a note, never a problem', () => {
      const d = parseDosage('3 x 10 (controlled), hold 5 s — eyes closed');
      assert.deepEqual(d.problems, []);
      assert.equal(d.note, 'controlled; eyes closed');
    });

    it('a bout is never a rest and a rest never a bout', () => {
      assert.equal(parseDosage('3 x 10, rest 90 s').boutSeconds, undefined);
      assert.equal(parseDosage('3 bouts x 12 s').restSeconds, undefined);
    });
  });

  describe('the field table', () => {
    it('every part of the JSON has one row, and every row a plain-words and a written form', () => {
      const names = DOSAGE_FIELDS.map((f) => f.name);
      assert.equal(new Set(names).size, names.length);
      for (const n of ['distanceMeters', 'restSeconds', 'rir', 'intensity', 'toFailure', 'setGroups', 'intervalDays', 'weeks', 'painLimit', 'note']) {
        assert.ok(names.includes(n as never), n);
      }
    });

    it('says the new parts in plain words', () => {
      assert.equal(describeDosage(parseDosage('5 x 100 kg')), '5 reps · 100 kg');
      assert.equal(describeDosage(parseDosage('rest 90 s')), 'rest 90 s');
      assert.equal(describeDosage(parseDosage('every other day')), 'every other day');
      assert.equal(describeDosage(parseDosage('@ 75% 1RM')), 'at 75% of 1RM');
      assert.equal(describeDosage(parseDosage('3 x 5, RIR 2, for 12 weeks')), '3 sets of 5 reps · for 12 weeks · 2 reps in reserve');
      assert.equal(describeDosage(parseDosage('6 x 100m')), '6 repeats of 100 m');
    });

    it('says each part of the amount done in words the grammar reads back as that part', () => {
      assert.deepEqual(AMOUNT_FIELDS.map((f) => f.name), ['sets', 'reps', 'holdSeconds', 'bouts', 'boutSeconds', 'distanceMeters', 'steps']);
      for (const f of AMOUNT_FIELDS) {
        const said = f.amount.says(s(12, 15));
        const got = parseDosage(said)[f.name];
        assert.deepEqual(got && { min: got.min, max: got.max }, s(12, 15), said);
      }
    });

    it('compares parts with the one in-range test', () => {
      assert.ok(inRange(s(3), s(2, 3)));
      assert.ok(!inRange(s(2, 4), s(2, 3)));
      const rows = compareDosages(parseDosage('3 x 10, rest 60 s, @ 90% 1RM'), parseDosage('2-3 x 10, rest 2-3 min, @ 70-80% 1RM'));
      assert.deepEqual(rows.map((r) => [r.label, r.ok]), [['sets', true], ['reps', true], ['rest', false], ['intensity', false]]);
      // An intensity in another unit is not compared.
      assert.deepEqual(compareDosages(parseDosage('15RM'), parseDosage('70% 1RM')), []);
    });
  });

  describe('properties', () => {
    it('never throws on notation-like noise, and every range lies inside the text', () => {
      const word = fc.constantFrom('3', 'x', '10', ':', '1:30', '%', '1RM', 'RM', 'MVIC', 'rest', 'AMRAP', 'EMOM', 'E2MOM', 'RIR', '/', 'side',
        'each', 'ea', 'every', 'other', 'day', 'for', 'weeks', 'pain', '≤', 'm', 'km', 'mile', '#', ',', '(', ')', '—', 'Reps', 'Sets', 'with',
        'lb', 'kg', 'min', 's', 'hold', '-', 'L', 'R', '&', 'keep', 'under', 'EOD', 'wk', 'interval', 'max');
      fc.assert(fc.property(fc.array(word, { maxLength: 14 }), fc.constantFrom(' ', ''), (words, sep) => {
        const text = words.join(sep);
        const d = parseDosage(text);
        for (const r of [...d.problems, ...d.components]) {
          assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length, text);
        }
        formatDosage(d);
        describeDosage(d);
      }), { seed: 14, numRuns: 1500 });
    });

    it('format(parse(x)) reads back the same value, new parts included', () => {
      const volume = fc.oneof(
        fc.record({ kind: fc.constant('sets-reps' as const), sets: span(1, 6), reps: span(1, 20) }),
        fc.record({ kind: fc.constant('failure' as const), sets: span(1, 5) }),
        fc.record({ kind: fc.constant('groups' as const), groups: fc.array(fc.record({ sets: fc.integer({ min: 1, max: 5 }), reps: fc.integer({ min: 1, max: 30 }), pct: fc.option(fc.integer({ min: 40, max: 95 }), { nil: undefined }) }), { minLength: 2, maxLength: 4 }) }),
        fc.record({ kind: fc.constant('reps' as const), reps: span(1, 20) }),
        fc.constant({ kind: 'none' as const }),
      );
      const dosage = fc.record({
        volume,
        hold: fc.option(span(1, 30), { nil: undefined }),
        bouts: fc.option(fc.record({ bouts: span(1, 8), metres: fc.option(fc.constantFrom(100, 200, 400, 1000, 2000), { nil: undefined }) }), { nil: undefined }),
        rest: fc.option(fc.constantFrom(30, 60, 90, 120, 180), { nil: undefined }),
        freq: fc.option(fc.oneof(fc.record({ perDay: span(1, 3) }), fc.record({ perWeek: span(1, 6) }), fc.record({ intervalDays: span(2, 4) })), { nil: undefined }),
        weeks: fc.option(span(1, 16), { nil: undefined }),
        intensity: fc.option(fc.oneof(
          fc.record({ sp: span(50, 90), unit: fc.constant('%1RM' as const) }),
          fc.record({ sp: span(40, 80), unit: fc.constant('%MVIC' as const) }),
          fc.record({ sp: span(1, 15), unit: fc.constant('RM' as const) }),
        ), { nil: undefined }),
        rir: fc.option(span(0, 4), { nil: undefined }),
        painLimit: fc.option(span(2, 5).map((x) => ({ min: x.min, max: x.min })), { nil: undefined }),
        side: fc.option(fc.constantFrom('each' as const, 'left' as const, 'both' as const), { nil: undefined }),
        note: fc.option(fc.constantFrom('slow on the way down', 'knees out', 'eyes closed; controlled'), { nil: undefined }),
        rpe: fc.option(span(5, 9).map((x) => ({ min: x.min, max: Math.min(10, x.max) })), { nil: undefined }),
        tempo: fc.option(fc.constantFrom('3-1-1', '2-0-2', '3010', '2-0-X-0'), { nil: undefined }),
        steps: fc.option(span(2, 8), { nil: undefined }),
        load: fc.option(fc.record({ sp: span(5, 120), unit: fc.constantFrom('kg' as const, 'lb' as const) }), { nil: undefined }),
        boutSeconds: fc.option(fc.constantFrom(10, 12, 30, 45, 60, 120), { nil: undefined }),
        timing: fc.option(fc.constantFrom('before-run' as const, 'after-run' as const, 'warm-up' as const), { nil: undefined }),
      });
      fc.assert(fc.property(dosage, (r) => {
        const d: Dosage = { text: '', components: [], problems: [] };
        const v = r.volume;
        if (v.kind === 'sets-reps') { d.sets = q(v.sets); d.reps = q(v.reps); }
        if (v.kind === 'failure') { d.sets = q(v.sets); d.toFailure = true; }
        if (v.kind === 'reps') { d.reps = q(v.reps); }
        if (v.kind === 'groups') {
          d.setGroups = v.groups.map((g) => ({
            sets: q(s(g.sets)), reps: q(s(g.reps)),
            ...(g.pct !== undefined ? { intensity: { min: g.pct, max: g.pct, unit: '%1RM' as const, start: 0, end: 0 } } : {}),
          }));
          d.sets = q(s(v.groups.reduce((n, g) => n + g.sets, 0)));
          d.reps = q(s(Math.min(...v.groups.map((g) => g.reps)), Math.max(...v.groups.map((g) => g.reps))));
          const pcts = v.groups.flatMap((g) => (g.pct !== undefined ? [g.pct] : []));
          if (pcts.length > 0) {
            d.intensity = { min: Math.min(...pcts), max: Math.max(...pcts), unit: '%1RM', start: 0, end: 0 };
          }
        }
        if (r.hold) { d.holdSeconds = q(r.hold); }
        if (r.bouts) {
          d.bouts = q(r.bouts.bouts);
          if (r.bouts.metres !== undefined) { d.distanceMeters = q(s(r.bouts.metres)); }
        }
        if (r.rest !== undefined) { d.restSeconds = q(s(r.rest)); }
        if (r.freq && 'perDay' in r.freq) { d.perDay = q(r.freq.perDay); }
        if (r.freq && 'perWeek' in r.freq) { d.perWeek = q(r.freq.perWeek); }
        if (r.freq && 'intervalDays' in r.freq) { d.intervalDays = q(r.freq.intervalDays); }
        if (r.weeks) { d.weeks = q(r.weeks); }
        if (r.intensity && v.kind !== 'groups') { d.intensity = { ...r.intensity.sp, unit: r.intensity.unit, start: 0, end: 0 }; }
        if (r.rir) { d.rir = q(r.rir); }
        if (r.painLimit) { d.painLimit = q(r.painLimit); }
        if (r.side) { d.side = { value: r.side, start: 0, end: 0 }; }
        if (r.note !== undefined) { d.note = r.note; }
        if (r.rpe) { d.rpe = q(r.rpe); }
        if (r.tempo !== undefined) { d.tempo = r.tempo; }
        if (r.steps) { d.steps = q(r.steps); }
        if (r.load && v.kind !== 'groups') { d.load = { ...r.load.sp, unit: r.load.unit, start: 0, end: 0 }; }
        if (r.boutSeconds !== undefined && r.bouts && r.bouts.metres === undefined) { d.boutSeconds = q(s(r.boutSeconds)); }
        if (r.timing) { d.timing = { value: r.timing, start: 0, end: 0 }; }
        assertRoundTrip(d);
      }), { seed: 2026, numRuns: 600 });
    });
  });
});
