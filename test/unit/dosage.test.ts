/**
 * The dosage grammar: every row of FORMAT.md's dosage table, every dosage sentence of the domain file,
 * problems with exact ranges, and properties (never throws, ranges inside, format/parse round trip).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDosage, type Dosage } from '../../src/core/index.js';
import { assertRoundTrip, q, s, spanArb as span, values, type Expect } from '../dosage-helpers.js';


/** Each row: the forms FORMAT.md says are equivalent, and what they all mean. */
const TABLE: readonly [string, readonly string[], Expect][] = [
  ['sets x reps', ['3x10', '3 x 10', '3 × 10', '3 X 10', '3*10', '3 sets of 10', '3 sets of 10 reps'], { sets: s(3), reps: s(10) }],
  ['sets x reps with words and ranges', ['two to three sets of ten reps', '2-3 x 10', '2 to 3 x 10', '2–3 x 10', '2 or 3 sets of 10'], { sets: s(2, 3), reps: s(10) }],
  ['reps only', ['10 reps', '10 repetitions', 'ten reps'], { reps: s(10) }],
  ['reps only, range', ['4 to 6 times', '4-6 reps', 'four to six times'], { reps: s(4, 6) }],
  ['sets only', ['3 sets', 'three sets'], { sets: s(3) }],
  ['hold', ['hold 5 s', 'hold 5s', '5 s hold', 'hold 5 seconds', '5-second hold', 'hold five seconds', 'hold 5 sec'], { holdSeconds: s(5) }],
  ['hold range', ['hold 3-6 seconds', 'hold 3 to 6 s', 'Hold 3 to 6 seconds.'], { holdSeconds: s(3, 6) }],
  ['hold in minutes', ['hold 1 min', 'hold 1 minute', '1-minute hold'], { holdSeconds: s(60) }],
  ['bouts', ['3 bouts x 12 s', '3 bouts of 12 s', '3 x 12 s', '3 bouts of 12 seconds', 'three bouts of twelve seconds'], { bouts: s(3), boutSeconds: s(12) }],
  ['bouts range', ['3-4 bouts of 10-15 seconds', '3 to 4 bouts of 10 to 15 seconds'], { bouts: s(3, 4), boutSeconds: s(10, 15) }],
  ['steps', ['5 steps each leg', '5 steps per leg', 'five steps each leg'], { steps: s(5) }],
  ['steps range', ['4-5 steps per leg', "4 to 5 'steps' with each leg"], { steps: s(4, 5) }],
  ['once daily', ['1x daily', 'once daily', 'once a day', '1x/day', 'daily', 'QD'], { perDay: s(1) }],
  ['twice daily', ['2x daily', '2x/day', 'twice daily', 'BID', '2 times a day', '2x per day', 'twice a day'], { perDay: s(2) }],
  ['once or twice daily', ['once or twice daily', '1-2x daily', '1 to 2 times a day'], { perDay: s(1, 2) }],
  ['three times daily', ['TID', '3x daily'], { perDay: s(3) }],
  ['per week', ['3x/week', '3x per week', '3 times a week', '3 days a week', '3x weekly'], { perWeek: s(3) }],
  ['per run', ['per run', 'each run', 'every run'], { perRun: true }],
  ['before run', ['before run', 'before running', 'before a run', 'immediately before running', 'pre-run'], { timing: 'before-run' }],
  ['after run', ['after run', 'after running', 'post-run'], { timing: 'after-run' }],
  ['warm-up', ['warm-up', 'warmup', 'warm up', 'as a warm-up'], { timing: 'warm-up' }],
  ['each side', ['each side', 'each leg', 'per side', 'per leg', 'on each side'], { side: 'each' }],
  ['left', ['left', 'L', 'left leg'], { side: 'left' }],
  ['right', ['right', 'R', 'right side'], { side: 'right' }],
  ['both', ['both', 'both sides'], { side: 'both' }],
  ['alternating', ['alternating', 'alternate legs'], { side: 'alternating' }],
  ['load kg', ['@ 20 kg', '@20kg', '20 kg'], { load: { min: 20, max: 20, unit: 'kg' } }],
  ['load lb', ['@ 45 lb', '45#', '45 lbs', '@ 45 pounds'], { load: { min: 45, max: 45, unit: 'lb' } }],
  ['bodyweight', ['bodyweight', 'BW', 'body weight'], { load: { min: 0, max: 0, unit: 'bodyweight' } }],
  ['effort', ['RPE 7', 'rpe 7', '@ RPE 7'], { rpe: s(7) }],
  ['effort range', ['RPE 6-7'], { rpe: s(6, 7) }],
  ['tempo', ['tempo 3-1-1', 'Tempo: 3-1-1'], { tempo: '3-1-1' }],
  ['pain', ['pain 2/10', '2/10 pain', 'Pain 2/10', 'pain: 2/10', '2/10'], { pain: s(2) }],
  ['chained hold', ['3x5x15 s', '3 x 5 x 15 seconds'], { sets: s(3), reps: s(5), holdSeconds: s(15) }],
  ['chained load', ['3x6x20 lb', '3 x 6 x 20 lbs'], { sets: s(3), reps: s(6), load: { min: 20, max: 20, unit: 'lb' } }],
  ['sets x reps @ load', ['3x8 @ 20 kg', '3 x 8 @ 20kg'], { sets: s(3), reps: s(8), load: { min: 20, max: 20, unit: 'kg' } }],
  ['per-set reps', ['3x3,5,5', '3 x 3, 5, 5'], { sets: s(3), reps: s(3, 5), repsPerSet: [3, 5, 5] }],
  ['per-set loads', ['3x3x85,90,90 lb'], { sets: s(3), reps: s(3), load: { min: 85, max: 90, unit: 'lb' }, loadPerSet: [85, 90, 90] }],
];

describe('dosage grammar', function () {
  this.timeout(60000);

  describe("FORMAT.md's dosage table", () => {
    for (const [row, forms, expected] of TABLE) {
      it(`${row}: ${forms.join(' | ')}`, () => {
        for (const f of forms) {
          assert.deepEqual(values(f), expected, f);
        }
      });
    }
  });

  describe('whole prescriptions and entries', () => {
    const cases: [string, Expect][] = [
      ['3 x 10, hold 5 s, 2x daily', { sets: s(3), reps: s(10), holdSeconds: s(5), perDay: s(2) }],
      ['2 x 10, 5 steps each leg, 1x daily', { sets: s(2), reps: s(10), steps: s(5), perDay: s(1) }],
      ['5 reps, hold 6 s, each side, 2x daily, before run', { reps: s(5), holdSeconds: s(6), perDay: s(2), timing: 'before-run', side: 'each' }],
      ['3 bouts x 12 s, before run', { bouts: s(3), boutSeconds: s(12), timing: 'before-run' }],
      ['3 x 10, hold 5 s. Pain 2/10', { sets: s(3), reps: s(10), holdSeconds: s(5), pain: s(2) }],
      ['3 x 10 hold 5 s 2x daily', { sets: s(3), reps: s(10), holdSeconds: s(5), perDay: s(2) }],
      ['3 x 10 (each side) and 2x daily', { sets: s(3), reps: s(10), side: 'each', perDay: s(2) }],
      ['2 x 10, 5 steps each leg', { sets: s(2), reps: s(10), steps: s(5) }],
      ['3x8 @ 2.5 kg, RPE 7, tempo 3-1-1', { sets: s(3), reps: s(8), load: { min: 2.5, max: 2.5, unit: 'kg' }, rpe: s(7), tempo: '3-1-1' }],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(values(text), expected));
    }
  });

  describe("the domain file's dosage sentences", () => {
    const cases: [string, Expect][] = [
      ['Hold 3 to 6 seconds.', { holdSeconds: s(3, 6) }],
      ['two to three sets of ten reps, once or twice daily', { sets: s(2, 3), reps: s(10), perDay: s(1, 2) }],
      ['two to three sets of 10 reps', { sets: s(2, 3), reps: s(10) }],
      ['hold this position for six seconds, repeating the same side in succession, 4 to 6 times', { holdSeconds: s(6), side: 'succession', reps: s(4, 6) }],
      ['3 to 4 bouts of 10 to 15 seconds', { bouts: s(3, 4), boutSeconds: s(10, 15) }],
      ["4 to 5 'steps' with each leg", { steps: s(4, 5) }],
      ['3x10', { sets: s(3), reps: s(10) }],
      ['3 × 10', { sets: s(3), reps: s(10) }],
      ['2-3x10', { sets: s(2, 3), reps: s(10) }],
      ['4 bouts x 15 s', { bouts: s(4), boutSeconds: s(15) }],
      ['pain 3/10', { pain: s(3) }],
    ];
    for (const [text, expected] of cases) {
      it(text, () => assert.deepEqual(values(text), expected));
    }

    it('"boost up the pelvis 4 to 6 inches" is a setup measure, not a dosage', () => {
      const d = parseDosage('boost up the pelvis 4 to 6 inches');
      assert.equal(d.components.length, 0);
      assert.deepEqual(d.problems.map((p) => [p.start, p.end]), [[0, 33]]);
    });
  });

  describe('problems', () => {
    it('reports an unreadable fragment with a number at its exact range, names the closest notation, and reads the rest', () => {
      const text = '3 x 10, 5 hlod, 2x daily';
      const d = parseDosage(text);
      assert.deepEqual(d.problems.map((p) => text.slice(p.start, p.end)), ['5 hlod']);
      assert.match(d.problems[0]?.message ?? '', /did you mean "hold 5 s"/);
      assert.equal(d.sets?.min, 3);
      assert.equal(d.perDay?.min, 2);
    });

    it('reports a hold without a unit', () => {
      const text = '3 x 10, hold 5, 2x daily';
      const d = parseDosage(text);
      assert.deepEqual(d.problems.map((p) => text.slice(p.start, p.end)), ['hold 5']);
      assert.match(d.problems[0]?.message ?? '', /^A hold with no unit; write a time such as hold \d+ s$/);
      assert.equal(d.holdSeconds, undefined);
    });

    it('reports a descending range and leaves the component out', () => {
      const d = parseDosage('5-3 x 10');
      assert.equal(d.sets, undefined);
      assert.match(d.problems[0]?.message ?? '', /smaller number first/);
    });

    it('reports a component given twice', () => {
      const text = 'hold 5 s, hold 6 s';
      const d = parseDosage(text);
      assert.deepEqual(d.problems.map((p) => text.slice(p.start, p.end)), ['hold 6 s']);
      assert.equal(d.holdSeconds?.min, 5);
    });

    it('reports pain above 10', () => {
      assert.match(parseDosage('pain 12/10').problems[0]?.message ?? '', /0 to 10/);
    });

    it('keeps where each number stands and how it was written', () => {
      const text = 'two to three sets of ten reps';
      const d = parseDosage(text);
      assert.equal(text.slice(d.sets?.start, d.sets?.end), 'two to three');
      assert.equal(d.sets?.style, 'words');
      assert.equal(text.slice(d.reps?.start, d.reps?.end), 'ten');
    });

    it('keeps a time unit so fixes can rewrite it', () => {
      const text = 'hold 2 min';
      const d = parseDosage(text);
      assert.equal(d.holdSeconds?.unitScale, 60);
      assert.equal(text.slice(d.holdSeconds?.start, d.holdSeconds?.unitEnd), '2 min');
    });
  });

  describe('properties', () => {
    it('never throws, and every problem and component lies inside the text', () => {
      fc.assert(fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 80 }), (text) => {
        const d = parseDosage(text);
        for (const r of [...d.problems, ...d.components]) {
          assert.ok(r.start >= 0 && r.start <= r.end && r.end <= text.length);
        }
      }), { seed: 20261125, numRuns: 500 });
    });

    it('never throws on dosage-like noise', () => {
      const word = fc.constantFrom('3', 'x', '10', 'hold', 's', 'to', '-', ',', '.', 'bouts', 'of', 'twice', 'daily', 'each', 'side', '@', 'kg', '#', '/', 'pain', 'rpe', 'tempo', 'steps', 'sets', 'reps', '×', 'min', 'before', 'run', 'per');
      fc.assert(fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const text = words.join(' ');
        const d = parseDosage(text);
        for (const r of [...d.problems, ...d.components]) {
          assert.ok(r.start >= 0 && r.end <= text.length);
        }
      }), { seed: 7, numRuns: 1000 });
    });

    it('parse(format(d)) reads back the same values', () => {
      const dosage = fc.record({
        sets: fc.option(span(1, 6), { nil: undefined }),
        reps: fc.option(span(1, 20), { nil: undefined }),
        hold: fc.option(span(1, 30), { nil: undefined }),
        bouts: fc.option(span(1, 6), { nil: undefined }),
        boutSeconds: fc.option(span(5, 40), { nil: undefined }),
        steps: fc.option(span(1, 8), { nil: undefined }),
        freq: fc.option(fc.oneof(fc.record({ perDay: span(1, 3) }), fc.record({ perWeek: span(1, 6) }), fc.constant({ perRun: true as const })), { nil: undefined }),
        timing: fc.option(fc.constantFrom('before-run' as const, 'after-run' as const, 'warm-up' as const), { nil: undefined }),
        side: fc.option(fc.constantFrom('each' as const, 'left' as const, 'right' as const, 'both' as const, 'alternating' as const), { nil: undefined }),
        load: fc.option(fc.record({ sp: span(1, 100), unit: fc.constantFrom('kg' as const, 'lb' as const) }), { nil: undefined }),
        rpe: fc.option(span(1, 7), { nil: undefined }),
        pain: fc.option(span(0, 7), { nil: undefined }),
        tempo: fc.option(fc.constantFrom('3-1-1', '2-0-2', '3-0-1-0'), { nil: undefined }),
      });
      fc.assert(fc.property(dosage, (r) => {
        const d: Dosage = { text: '', components: [], problems: [] };
        if (r.sets) { d.sets = q(r.sets); }
        if (r.reps) { d.reps = q(r.reps); }
        if (r.hold) { d.holdSeconds = q(r.hold); }
        if (r.bouts) { d.bouts = q(r.bouts); }
        if (r.boutSeconds) { d.boutSeconds = q(r.boutSeconds); }
        if (r.steps) { d.steps = q(r.steps); }
        if (r.freq && 'perDay' in r.freq) { d.perDay = q(r.freq.perDay); }
        if (r.freq && 'perWeek' in r.freq) { d.perWeek = q(r.freq.perWeek); }
        if (r.freq && 'perRun' in r.freq) { d.perRun = true; }
        if (r.timing) { d.timing = { value: r.timing, start: 0, end: 0 }; }
        if (r.side) { d.side = { value: r.side, start: 0, end: 0 }; }
        if (r.load) { d.load = { ...r.load.sp, unit: r.load.unit, start: 0, end: 0 }; }
        if (r.rpe) { d.rpe = q(r.rpe); }
        if (r.pain) { d.pain = q(r.pain); }
        if (r.tempo) { d.tempo = r.tempo; }
        assertRoundTrip(d);
      }), { seed: 42, numRuns: 500 });
    });
  });
});
