/**
 * The hamstring review's findings on the built-in library (F1, F5, F10, F12, F14, F16, F17): what the
 * hover card and the athlete's handout print must say what the column says, and cite who said it; the
 * Power Position hold is a minimum, as the column has the runner hold until the glute works.
 */
import assert from 'node:assert/strict';
import { formatDosage, parseDosage } from '../../src/core/index.js';
import { builtinLibrary, service } from '../helpers.js';

const library = builtinLibrary();

function cues(name: string): string {
  const g = library.lookup(name);
  assert.ok(g, `${name} is in the built-in library`);
  return g.cues.join('; ');
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

  it('F14: skipping after marching is said to be the project\'s inference', () => {
    assert.match(cues('Marching drill'), /this project's suggestion/);
    assert.match(cues('Skipping drill'), /this project's inference/);
  });

  it('F17: RICE stays the column\'s; PEACE and LOVE is there with its source', () => {
    assert.match(library.lookup('RICE')?.source ?? '', /Hamstrung/);
    assert.match(cues('RICE'), /PEACE and LOVE/);
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
});
