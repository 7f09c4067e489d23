/**
 * The hamstring review's findings on the differential-diagnosis hint (F2, F3) and red flags (F4): signs read
 * with their polarity, the column's own SI-joint picture, nerve-like symptoms always noted, red flags
 * always reported and never counted.
 */
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/index.js';
import { redFlagsIn } from '../../src/core/diagnosis/red-flags.js';
import { signsOf, type Cause } from '../../src/core/diagnosis/signs.js';
import { ASSESSMENT_CHECKLIST } from '../../src/core/snippets.js';
import { service } from '../helpers.js';

function causes(item: string): Cause[] {
  return [...new Set(signsOf(item).flatMap((s) => s.causes))].sort();
}

async function assess(...items: string[]): Promise<Finding[]> {
  const text = ['---', 'athlete: A', '---', '## Assessment', ...items.map((i) => `- [x] ${i}`), ''].join('\n');
  return (await service.check({ text }))?.findings ?? [];
}

const only = (findings: Finding[], id: string): string[] => findings.filter((f) => f.ruleId === id).map((f) => f.message);

describe('differential diagnosis (hamstring review F2, F3)', () => {
  // The review's table: each checked item, and what it means in the column.
  const table: [string, Cause[]][] = [
    ['Pain with pressure on the SI joint, where the pain starts', ['si-joint']],
    ['Loss of range with straight-leg raise', ['sciatica', 'si-joint']],
    ['No pain with bent-knee testing', ['sciatica', 'si-joint']],
    ['Cannot find a sore spot in the posterior thigh', ['sciatica', 'si-joint']],
    ['Pressing the bumps below the waistband reproduces the pain', ['si-joint']],
    ['Resisted knee flexion not painful', ['sciatica']],
    ['Resisted testing not painful', ['sciatica']],
    ['Hamstring not sore to palpation', ['sciatica', 'si-joint']],
    ['No tingling', []],
    ['Denies numbness, tingling', []],
    ['No pain with SI joint pressure', []],
    ['SI joint pressure negative', []],
    ['SI joint pressure: (-)', []],
    ['Tingling absent', []],
    ['Pain with straight-leg raise', ['sciatica', 'si-joint']],
    ['SLR painful', ['sciatica', 'si-joint']],
    ['Pain with straight-leg raise, much less with bent-knee stretch', ['sciatica', 'si-joint']],
    ['Loss of range in straight-knee and bent-knee raise', ['hamstring-strain']],
    ['Sore spot along the hamstring', ['hamstring-strain']],
    ['Pain with resisted testing', ['hamstring-strain']],
    ['Tingling down the back of the leg', ['sciatica']],
  ];
  for (const [item, want] of table) {
    it(`reads "${item}" as ${want.length > 0 ? want.join(' and ') : 'nothing'}`, () => {
      assert.deepEqual(causes(item), want);
    });
  }

  it("gives the hint for the column's four SI-joint signs", async () => {
    const f = await assess('Pain with pressure on the SI joint, where the pain starts', 'Loss of range with straight-leg raise',
      'No pain with bent-knee testing', 'Cannot find a sore spot in the posterior thigh');
    const hint = only(f, 'differential-diagnosis');
    assert.equal(hint.length, 1);
    assert.match(hint[0] ?? '', /point to referred SI-joint pain or sciatica/);
  });

  it('gives no hint for a log of negative findings only', async () => {
    assert.deepEqual(only(await assess('Denies numbness, tingling', 'SI joint pressure negative'), 'differential-diagnosis'), []);
  });

  it('gives the hint when the findings point away from a strain', async () => {
    const hint = only(await assess('Resisted testing not painful', 'Hamstring not sore to palpation'), 'differential-diagnosis');
    assert.match(hint[0] ?? '', /sciatica/);
  });

  it('notes nerve-like symptoms even when strain signs are as many (F3)', async () => {
    const f = await assess('Sore spot along the hamstring', 'Pain with resisted testing', 'Tingling down the back of the leg');
    const notes = f.filter((x) => x.ruleId === 'differential-diagnosis');
    assert.equal(notes.length, 1);
    assert.match(notes[0]?.message ?? '', /^A nerve-like symptom is checked \("Tingling down the back of the leg"\); the guideline says a nerve may be involved/);
    assert.equal(notes[0]?.range.start.line, 7, 'on the item itself');
  });

  it('offers a template item for every sign of the column (F2)', () => {
    const all = new Set(ASSESSMENT_CHECKLIST.flatMap((i) => signsOf(i).map((s) => s.meaning)));
    for (const meaning of ['no sore spot in the back of the thigh', 'resisted testing does not hurt', 'pressure on the SI joint is painful', 'a sore spot along the hamstring', 'resisted testing hurts']) {
      assert.ok(all.has(meaning), meaning);
    }
    assert.ok(ASSESSMENT_CHECKLIST.some((i) => /no pain with bent-knee/i.test(i)), 'no pain with bent-knee testing');
    assert.ok(ASSESSMENT_CHECKLIST.some((i) => redFlagsIn(i).includes('saddle')), 'a red-flag screening item');
  });
});

describe('red flags (hamstring review F4)', () => {
  it('reports saddle numbness, bladder change and foot drop as errors, never counted in the vote', async () => {
    const f = await assess('Numbness in the saddle area, bladder changes', 'Foot drop / weakness on toe raise', 'Sore spot along the hamstring', 'Pain with resisted testing');
    const flags = f.filter((x) => x.ruleId === 'red-flag');
    assert.equal(flags.length, 2);
    assert.ok(flags.every((x) => x.severity === 'error'));
    assert.match(flags[0]?.message ?? '', /cauda equina.*seek urgent medical assessment.*Finucane et al\., J Orthop Sports Phys Ther 2020/);
    assert.match(flags[1]?.message ?? '', /foot drop/);
    // Not a nerve-symptom note nor a sciatica vote: numbness here is a red flag.
    assert.deepEqual(only(f, 'differential-diagnosis'), []);
  });

  it('respects negation', () => {
    for (const t of ['Denies saddle numbness', 'No bladder or bowel change', 'Bladder and bowel: negative', 'Screened red flags: saddle numbness, bladder change, foot drop - all negative', 'No weakness on toe raise']) {
      assert.deepEqual(redFlagsIn(t), [], t);
    }
    assert.deepEqual(redFlagsIn('No tingling today but trouble passing urine'), ['bladder-bowel']);
    assert.deepEqual(redFlagsIn('Cannot rise on the toes of the left foot'), ['foot-drop']);
    assert.deepEqual(redFlagsIn('Tingling in both legs'), ['both-legs']);
  });

  it('reads session notes too', async () => {
    const text = ['---', 'athlete: A', '---', '## Log', '### 2026-11-03', '- Chair Bridge: 2 x 10, hold 5 s', '', 'Says the saddle area feels numb since the long run.', ''].join('\n');
    const f = ((await service.check({ text }))?.findings ?? []).filter((x) => x.ruleId === 'red-flag');
    assert.equal(f.length, 1);
    assert.equal(f[0]?.range.start.line, 8);
  });
});
