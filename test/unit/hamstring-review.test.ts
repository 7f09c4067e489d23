/**
 * The hamstring review's findings on the built-in library (F1, F5, F10, F11, F12, F13, F14, F16, F17): what the
 * hover card and the athlete's handout print must say what the column says, and cite who said it; the
 * Power Position hold is a minimum, as the column has the runner hold until the glute works.
 */
import assert from 'node:assert/strict';
import { formatDosage, parseDosage } from '../../src/core/index.js';
import { renderProgram } from '../../src/core/render/index.js';
import { builtinLibrary, service } from '../helpers.js';

const library = builtinLibrary();

function cues(name: string): string {
  const g = library.lookup(name);
  assert.ok(g, `${name} is in the built-in library`);
  return g.cues.join('; ');
}

/** The entry's notes for the coach (hover and preview; never the athlete's handout). */
function notes(name: string): string {
  const g = library.lookup(name);
  assert.ok(g, `${name} is in the built-in library`);
  return g.notes.join('; ');
}

describe('hamstring review: built-in cues and sources', () => {
  it('F1: the Power Position cue keeps the free-leg hip level, the stance side lower', () => {
    const c = cues('Power Position');
    assert.doesNotMatch(c, /opposite side of the pelvis drop/);
    assert.match(c, /stance-side hip sits a little lower/);
    assert.match(c, /free-leg hip level or slightly higher, never sagging/);
  });

  it('F10: the Bridge Walk-Out cue gives the lift as 4-6 inches, not a hand\'s width', () => {
    const c = cues('Bridge Walk-Out');
    assert.doesNotMatch(c, /hand's width/);
    assert.match(c, /4-6 inches \(10-15 cm\)/);
  });

  it('F16: the back stays flat throughout; walk-out set-up and knees nearly straight; pain must settle after the bout', () => {
    assert.match(cues('Chair Bridge'), /keep it flat the whole time/);
    assert.match(cues('Bridge Walk-Out'), /low back flat and glutes squeezed before you lift/);
    assert.match(cues('Bridge Walk-Out'), /walk the heels out slowly .* until the knees are nearly straight/);
    assert.match(cues('General hamstring strengthening'), /pain must settle once the exercise bout is over/);
  });

  it('F12: the Nordic curl is not for an early strain, is caught with the hands, and its source is not the column', () => {
    const g = library.lookup('Nordic hamstring curl');
    const c = cues('Nordic hamstring curl');
    assert.match(c, /catch yourself with the hands/);
    assert.match(c, /not (?:for the first weeks|an early-phase)/i);
    assert.doesNotMatch(g?.source ?? '', /^reader comments/);
    assert.match(g?.source ?? '', /Mjølsnes/);
  });

  it('F14: skipping after marching is said to be the project\'s inference, in a note for the coach, not a cue', () => {
    assert.match(notes('Marching drill'), /this project's suggestion/);
    assert.match(notes('Skipping drill'), /this project's inference/);
    assert.doesNotMatch(cues('Marching drill') + cues('Skipping drill'), /this project/);
  });

  it('F17: RICE stays the column\'s; PEACE and LOVE is there with its source', () => {
    assert.match(library.lookup('RICE')?.source ?? '', /Hamstrung/);
    assert.match(notes('RICE'), /PEACE and LOVE/);
    assert.match(library.lookup('PEACE and LOVE')?.source ?? '', /Dubois B, Esculier J-F\. .*Br J Sports Med 2020;54\(2\):72-73/);
    assert.match(cues('peace & love'), /avoid anti-inflammatory medicines and routine icing/);
  });

  it('F5: the Power Position hold is a minimum; a longer hold is neither flagged nor lowered', async () => {
    const d = parseDosage('hold at least 6 s');
    assert.deepEqual([d.holdSeconds?.min, d.holdSeconds?.max, d.problems.length], [6, Number.POSITIVE_INFINITY, 0]);
    assert.equal(parseDosage('hold 6 s or more').holdSeconds?.max, Number.POSITIVE_INFINITY);
    assert.equal(formatDosage(d), 'hold at least 6 s', 'written back in a form that reads the same');
    const text = ['---', 'athlete: A', '---', '## Program', '- Power Position: 5 reps, hold 30 s, each side, 1x daily',
      '- Power Position: 5 reps, hold 4 s, each side, 1x daily', ''].join('\n');
    const findings = ((await service.check({ text }))?.findings ?? []).filter((f) => f.ruleId === 'hold-out-of-range');
    assert.deepEqual(findings.map((f) => f.range.start.line), [6]);
    assert.match(findings[0]?.message ?? '', /says hold at least 6 s/);
    assert.equal(service.fixAll(text, findings).text, text, 'raising 4 s to 6 s is offered, not applied in bulk');
  });

  it('F6: the pain limit is the guideline\'s: pain-free for the hamstring strain, 5/10 for Achilles tendinopathy', async () => {
    assert.equal(library.lookup('Chair Bridge')?.painThreshold, 0);
    const text = ['---', 'athlete: A', '---', '## Log', '### 2026-11-03', '- Chair Bridge: 3 x 10, hold 5 s, pain 3/10',
      '- Eccentric heel drop, straight knee: 3 x 15, pain 4/10', ''].join('\n');
    const pain = ((await service.check({ text }))?.findings ?? []).filter((f) => f.ruleId === 'pain-above-threshold');
    assert.deepEqual(pain.map((f) => f.range.start.line), [6]);
    assert.match(pain[0]?.message ?? '', /^Pain 3\/10 in Chair Bridge; the Chair Bridge guideline allows no pain during it: .*Askling et al\., Br J Sports Med 2013/);
    assert.doesNotMatch(pain[0]?.message ?? '', /Silbernagel/);
  });

  it('F13: the Power Position repeats the same side in succession; alternating is flagged, and 2 x 5 counts 10 holds', async () => {
    assert.equal(library.lookup('Power Position')?.dosage?.side?.value, 'succession');
    assert.equal(parseDosage('repeating the same side in succession').side?.value, 'succession');
    const text = ['---', 'athlete: A', '---', '## Program', '- Power Position: 5 reps, hold 6 s, alternating, 1x daily',
      '- Power Position: 5 reps, hold 6 s, each side, 1x daily', '- Power Position: 2 x 5, hold 6 s, each side, 1x daily', ''].join('\n');
    const findings = (await service.check({ text }))?.findings ?? [];
    const order = findings.filter((f) => f.ruleId === 'side-order');
    assert.deepEqual(order.map((f) => f.range.start.line), [5]);
    assert.match(order[0]?.message ?? '', /^Alternating sides; the Power Position guideline says the same side in succession.*\(Hamstrung, iRunFar\)$/);
    assert.equal(order[0]?.fix?.raisesDose, false);
    assert.match(service.fixAll(text, order).text, /hold 6 s, same side in succession, 1x daily/, 'the order fix changes no dose, so it is applied in bulk');
    assert.deepEqual(findings.filter((f) => f.ruleId === 'reps-out-of-range').map((f) => f.range.start.line), [7]);
  });

  it('F11: the handout leaves out the differential and the marks, and its stop rules hold the checker\'s pain limit', async () => {
    const text = ['---', 'athlete: A', 'condition: right posterior-thigh pain', '---', '## Assessment',
      '- [x] Tingling or buzzing down the leg', '- [x] Pain with pressure on the SI joint', '## Program',
      '- Chair Bridge: 5 x 10, hold 5 s, 1x daily', '## Log', '### 2026-11-03', '- Chair Bridge: 5 x 10, hold 5 s, pain 2/10', ''].join('\n');
    const r = await service.check({ text });
    assert.ok(r);
    assert.ok(r.findings.some((f) => f.ruleId === 'differential-diagnosis'), 'the coach sees the hint');
    assert.ok(r.findings.some((f) => f.ruleId === 'pain-above-threshold' && f.range.start.line === 12), 'the checker flags pain 2/10');
    const html = renderProgram({ text, log: r.log, findings: r.findings, library: r.library, today: '2026-11-04', handout: true });
    assert.doesNotMatch(html, /Check first|SI-joint|sciatica|✗|✓|out of range/);
    for (const stop of ['stop it short of pain', 'still up the next morning', 'tingling, numbness', 'wakes you at night']) {
      assert.match(html, new RegExp(stop), stop);
    }
    assert.doesNotMatch(html, /up to \d+\/10|goes above \d+\/10/, 'no pain allowance the checker would flag');
  });
});
