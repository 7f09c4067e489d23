/**
 * Next-morning pain (the pain-monitoring model's second part, hamstring review F6: "a way to log
 * next-morning pain"): how the log says it, that such a line is not an exercise, and when
 * `pain-not-settled` speaks.
 */
import assert from 'node:assert/strict';
import { isMorningPainLine, morningScores } from '../../src/core/coaching/morning.js';
import { service } from '../helpers.js';

async function check(lines: string[]): Promise<{ line: number; ruleId: string; message: string }[]> {
  const text = ['---', 'athlete: A', 'condition: Achilles tendinopathy', '---', '## Program', '- Eccentric heel drop, straight knee: 3 x 15, 2x daily, each leg', '## Log', ...lines, ''].join('\n');
  const r = await service.check({ text });
  assert.ok(r);
  return r.findings.map((f) => ({ line: f.range.start.line, ruleId: f.ruleId, message: f.message }));
}

const DROP = '- Eccentric heel drop, straight knee: 3 x 15';

describe('next-morning pain', () => {
  it('reads the morning words right by a score, and which morning they mean', () => {
    assert.deepEqual(morningScores('Morning pain 2/10'), [{ score: 2, next: false }]);
    assert.deepEqual(morningScores('pain on waking was 3/10'), [{ score: 3, next: false }]);
    assert.deepEqual(morningScores('Next morning: pain 4/10'), [{ score: 4, next: true }]);
    assert.deepEqual(morningScores('Pain the following morning 5/10, stiff for an hour'), [{ score: 5, next: true }]);
    assert.deepEqual(morningScores('next-morning soreness: 1/10'), [{ score: 1, next: true }]);
    assert.deepEqual(morningScores('Felt fresh this morning; the drops were 3/10.'), [], 'the score is not the morning\'s');
    assert.deepEqual(morningScores('Morning pain 12/10'), [], 'not a 0-10 score');
    assert.ok(isMorningPainLine('Morning pain: 2/10'));
    assert.ok(isMorningPainLine('Next morning: 3/10 (left)'));
    assert.ok(!isMorningPainLine('Morning pain 2/10, then Chair Bridge: 3 x 10'));
  });

  it('takes a morning pain list item as a note, not as an exercise called Morning', async () => {
    const fs = await check(['### 2026-05-04', '- Morning pain: 2/10', DROP + ', pain 2/10', '- Next morning: pain 2/10']);
    assert.deepEqual(fs.filter((f) => f.line === 9 || f.line === 11).map((f) => f.ruleId), []);
    const r = await service.check({ text: '---\nathlete: A\n---\n## Log\n### 2026-05-04\n- Morning pain: 2/10\n' + DROP + '\n' });
    assert.deepEqual(r?.log.sessions[0]?.entries.map((e) => e.name), ['Eccentric heel drop, straight knee']);
    assert.deepEqual(r?.log.sessions[0]?.notes, ['Morning pain: 2/10']);
  });

  it('flags a morning after a session that is worse than the morning before it', async () => {
    const fs = await check(['### 2026-05-04', 'Morning pain 2/10.', DROP + ', pain 3/10', '', '### 2026-05-05', 'Morning pain 3/10.', DROP]);
    const late = fs.filter((f) => f.ruleId === 'pain-not-settled');
    assert.deepEqual(late.map((f) => f.line), [13]);
    assert.equal(late[0]?.message, 'Pain 3/10 the morning after the session of 2026-05-04, up from 2/10 on the morning of 2026-05-04; '
      + 'the pain-monitoring model says pain after exercise should have settled by the next morning (Silbernagel et al. 2007)');
  });

  it('with no earlier morning, flags a next morning above the pain logged during the session, and not one at or below it', async () => {
    const up = await check(['### 2026-05-04', DROP + ', pain 2/10', '- Next morning: pain 4/10']);
    assert.deepEqual(up.filter((f) => f.ruleId === 'pain-not-settled').map((f) => f.message.split(';')[0]), ['Pain 4/10 the morning after the session of 2026-05-04, higher than the 2/10 logged during it']);
    const same = await check(['### 2026-05-04', DROP + ', pain 4/10', '- Next morning: pain 4/10']);
    assert.deepEqual(same.filter((f) => f.ruleId === 'pain-not-settled'), [], 'no earlier morning to say it has not settled');
    const unscored = await check(['### 2026-05-04', DROP, '- Next morning: pain 4/10']);
    assert.deepEqual(unscored.filter((f) => f.ruleId === 'pain-not-settled'), []);
  });

  it('does not count a morning after a rest day, nor a morning that settled', async () => {
    const fs = await check([
      '### 2026-05-04', '- Morning pain: 1/10', DROP + ', pain 3/10',
      '### 2026-05-06', '- Morning pain: 4/10', // after a rest day: a new baseline
      DROP + ', pain 3/10',
      '### 2026-05-07', '- Morning pain: 4/10', DROP + ', pain 2/10', '- Next morning: pain 2/10',
    ]);
    assert.deepEqual(fs.filter((f) => f.ruleId === 'pain-not-settled'), []);
  });
});
