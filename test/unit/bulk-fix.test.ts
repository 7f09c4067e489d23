/**
 * Bulk fixes never raise a dose (hamstring review F7): every fix says whether it raises one, judged by
 * reading the dosage before and after; fix-all (`check --fix`, fix on save) applies only the others.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDosage, parseLog, raisesDose, type Finding } from '../../src/core/index.js';
import { service } from '../helpers.js';

function lines(...l: string[]): string {
  return l.join('\n');
}

/** Every exercise line's dosage, by line number. */
function dosages(text: string): Map<number, ReturnType<typeof parseDosage>> {
  const log = parseLog(text);
  const out = new Map<number, ReturnType<typeof parseDosage>>();
  for (const l of [...log.phases.flatMap((p) => p.prescriptions), ...log.sessions.flatMap((s) => s.entries)]) {
    out.set(l.range.start.line, l.dosage);
  }
  return out;
}

describe('bulk fixes never raise a dose', () => {
  it('raisesDose reads the dosage before and after', () => {
    const raise = (a: string, b: string): boolean => raisesDose(parseDosage(a), parseDosage(b));
    assert.equal(raise('3 x 10, 3x/week', '3 x 10, 7x/week'), true);
    assert.equal(raise('3 x 10, 3x/week', '3 x 10, 1x daily'), true, 'daily is 7 a week');
    assert.equal(raise('3x daily', '2x daily'), false);
    assert.equal(raise('1 x 10', '2 x 10'), true);
    assert.equal(raise('5 x 10', '3 x 10'), false);
    assert.equal(raise('1-4 x 10', '2-3 x 10'), true, 'a raised lower bound is a raise');
    assert.equal(raise('hold 2 s', 'hold 3 s'), true);
    assert.equal(raise('hold 30 s', 'hold 6 s'), false);
    assert.equal(raise('3 steps', '4 steps'), true);
    assert.equal(raise('3 x 10', '3 x 10, 1-2x daily'), true, 'a frequency added where none was given');
    assert.equal(raise('3 x 10', '3 x 10, each side'), false, 'a side is not a dose');
    assert.equal(raise('3 bouts x 12 s, after run', '3 bouts x 12 s, before run'), false, 'timing is not a dose');
    assert.equal(raise('3 bouts x 12 s, 2x daily', '3 bouts x 12 s, per run'), true, 'daily and per run cannot be compared');
    assert.equal(raise('3 x 10 @ 20 kg', '3 x 10 @ 25 kg'), true);
  });

  it('a frequency fix from 3x/week is marked as raising; lowering fixes are not', async () => {
    const text = lines('---', 'athlete: A', '---', '## Program', '- Chair Bridge: 3 x 10, hold 5 s, 3x/week', '- Chair Bridge: 5 x 10, hold 5 s, 2x daily', '');
    const r = await service.check({ text });
    const fixes = (r?.findings ?? []).filter((f) => f.fix);
    const freq = fixes.find((f) => f.ruleId === 'frequency-out-of-range');
    const sets = fixes.find((f) => f.ruleId === 'sets-out-of-range');
    assert.equal(freq?.fix?.raisesDose, true);
    assert.equal(sets?.fix?.raisesDose, false);
  });

  it('fix-all leaves 3x/week as written, lowers 5 sets, and does not add a progression', async () => {
    const text = lines(
      '---', 'athlete: A', '---', '## Program', '- Chair Bridge: 3 x 10, hold 5 s, 3x/week', '- Bridge Walk-Out: 5 x 10, 3 steps each leg, 1x daily',
      '## Log', '### 2026-11-03', '- Chair Bridge: 3 x 10, hold 6 s, pain 0/10', '### 2026-11-04', '- Chair Bridge: 3 x 10, hold 6 s, pain 0/10',
      '### 2026-11-05', '- Chair Bridge: 3 x 10, hold 6 s, pain 0/10', '',
    );
    const r = await service.check({ text, options: { today: '2026-11-06' } });
    const findings = r?.findings ?? [];
    assert.ok(findings.some((f) => f.ruleId === 'ready-to-progress' && f.fix?.raisesDose === true), 'the progression is offered');
    const out = service.fixAll(text, findings);
    assert.match(out.text, /- Chair Bridge: 3 x 10, hold 5 s, 3x\/week/);
    assert.match(out.text, /- Bridge Walk-Out: 3 x 10, 3 steps each leg, 1x daily/, 'sets lowered, steps not raised');
    assert.doesNotMatch(out.text, /Single-Leg Chair Bridge/);
    assert.ok(out.heldBack >= 3, `held back ${out.heldBack}`);
    // The same fix is still there for the coach to apply on its own.
    const freq = findings.find((f) => f.ruleId === 'frequency-out-of-range');
    assert.ok(freq);
    assert.match(service.fix(text, [freq]).text, /3 x 10, hold 5 s, 7x\/week/);
  });

  describe('on any log, no line has a higher dose after fix-all', () => {
    const lineArb = fc.constantFrom(
      '- Chair Bridge: 5 x 10, hold 9 s, 3x daily', '- Chair Bridge: 1 x 10, hold 2 s, 3x/week', '- Chiar Bridge: 3 x 10',
      '- Marching drill: 9 bouts x 40 s, after run', '- Marching drill: 2 bouts x 5 s', '- Bridge Walk-Out: 2 x 12, 2 steps each leg',
      '- Power Position: two reps', '- Power Position: 4 reps, hold 3 s', '- Skipping drill: 3 x 2 min', '- Chair Bridge: one set of ten',
      '### 2026-11-3', '### 2026-11-04', '### 2026-11-05', '## Log', '## Program', '### Phase 1', 'Some notes.', '',
      '- Single-Leg Chair Bridge:', '- Chair Bridge 9x10 TID', '- Chair Bridge: 3 x 10, hold 6 s, 2x daily, pain 0/10',
    );
    const doc = fc.array(lineArb, { maxLength: 25 }).map((l) => lines('---', 'athlete: A', '---', ...l, ''));

    it('holds for generated logs', async () => {
      await fc.assert(fc.asyncProperty(doc, async (text) => {
        const r = await service.check({ text });
        const findings: Finding[] = r?.findings ?? [];
        const fixed = service.fixAll(text, findings).text;
        assert.equal(fixed.split('\n').length, text.split('\n').length, 'fix-all adds no line');
        const before = dosages(text);
        for (const [line, after] of dosages(fixed)) {
          const was = before.get(line);
          assert.ok(!was || !raisesDose(was, after), `line ${line}: ${was?.text ?? ''} -> ${after.text}`);
        }
      }), { seed: 15, numRuns: 120 });
    });
  });
});
