/** The caseload: one summary per log (each flag on a small log of its own) and the attention order. */
import assert from 'node:assert/strict';
import {
  attentionOf, compareByAttention, painTrendOf, recentTrend, type CaseloadFlag, type CaseloadSummary,
} from '../../src/core/index.js';
import { service } from '../helpers.js';

const TODAY = '2026-11-20';

/** A log with front matter, a program and dated sessions (each `[date, lines]`). */
function log(sessions: [string, string[]][], opts: { program?: string[]; front?: string[] } = {}): string {
  return [
    '---', ...(opts.front ?? ['athlete: Test Runner', 'started: 2026-11-02']), '---', '',
    '## Program', '', '### Phase 1: Base (weeks 1-4)', ...(opts.program ?? ['- Wall sit: 3 x 30 s, 3x/week']), '',
    '## Log', '', ...sessions.flatMap(([d, lines]) => [`### ${d}`, ...lines, '']),
  ].join('\n');
}

async function summary(text: string, options: Record<string, unknown> = {}, path = '/caseload/test.athlete.md'): Promise<CaseloadSummary> {
  const s = await service.summarize({ text, path, relativePath: 'test.athlete.md', options }, TODAY);
  service.forget(path);
  assert.ok(s, 'a log has a summary');
  return s;
}

describe('caseload summary', function () {
  this.timeout(60000);

  it('names the protocol whose guidelines the check cites for the log, not just the first its condition matches', async () => {
    // "hamstring strain" matches more than one built-in protocol; the bridge is in the runners' column only.
    const front = ['athlete: Robin Example', 'condition: Right hamstring strain', 'started: 2026-11-02'];
    const text = log([['2026-11-10', ['- Chair Bridge: 3 x 10, hold 5 s']]], { front, program: ['- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'] });
    const r = await service.check({ text, path: '/caseload/cited.athlete.md', options: { today: TODAY } });
    assert.ok(r);
    const cited = r.library.lookup('Chair Bridge');
    assert.ok(cited && r.library.active.length > 1 && r.library.active[0] !== cited.protocol, 'the first matched protocol is not the cited one');
    service.forget('/caseload/cited.athlete.md');
    const s = await summary(text);
    assert.equal(s.protocol, cited.meta.title ?? cited.protocol);
    // A protocol the log names itself comes first.
    const named = await summary(log([], { front: [...front, 'protocol: askling'], program: ['- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'] }));
    assert.match(named.protocol ?? '', /Askling/);
  });

  it('reads athlete, coach, condition, phase, week, last session and adherence', async () => {
    const text = log([
      ['2026-11-10', ['- Wall sit: 3 x 30 s. Pain 2/10']],
      ['2026-11-12', ['- Wall sit: 3 x 30 s. Pain 2/10']],
      ['2026-11-17', ['- Wall sit: 3 x 30 s. Pain 1/10']],
    ], { front: ['athlete: Pat Hurdler', 'coach: Lee Trainer', 'condition: Knee pain', 'started: 2026-11-02'] });
    const s = await summary(text);
    assert.equal(s.athlete, 'Pat Hurdler');
    assert.equal(s.coach, 'Lee Trainer');
    assert.equal(s.condition, 'Knee pain');
    assert.equal(s.phase, 'Phase 1: Base (weeks 1-4)');
    assert.equal(s.week, 3);
    assert.equal(s.lastSession, '2026-11-17');
    assert.equal(s.daysSinceLastSession, 3);
    assert.equal(s.lastPain, 1);
    // Week 3 runs from 2026-11-16: one day of three so far; week 2 had two of three.
    assert.equal(s.adherenceThisWeek, 1 / 3);
    assert.equal(s.adherenceLastWeek, 2 / 3);
    assert.equal(s.path, '/caseload/test.athlete.md');
    assert.deepEqual(s.flags, []);
    assert.equal(s.attention, 5);
  });

  it('names an athlete without front matter by the file name', async () => {
    const text = ['## Log', '', '### 2026-11-18', '- Wall sit: 3 x 30 s', ''].join('\n');
    const s = await summary(text, {}, '/caseload/robin-miler.athlete.md');
    assert.equal(s.athlete, 'robin-miler');
    assert.equal(s.week, undefined);
    assert.equal(s.painTrend, 'unknown');
  });

  it('counts the findings by severity', async () => {
    const text = log([['2026-11-18', ['- Wall sit: 3 x 30 s', '- 3 x 12']]]);
    const s = await summary(text);
    const r = await service.check({ text, path: '/caseload/count.athlete.md', options: { today: TODAY } });
    service.forget('/caseload/count.athlete.md');
    const by = (sev: string): number => (r?.findings ?? []).filter((f) => f.severity === sev).length;
    assert.deepEqual(s.findings, { error: by('error'), warning: by('warning'), information: by('information'), hint: by('hint') });
    assert.ok(s.findings.information + s.findings.warning > 0);
  });

  it('is undefined for a file that is not a log', async () => {
    assert.equal(await service.summarize({ text: '# Notes\n\nNothing here.\n', path: '/caseload/notes.md', relativePath: 'notes.md' }, TODAY), undefined);
  });

  describe('flags', () => {
    it('red-flag: a session note names a sign that needs urgent assessment', async () => {
      const s = await summary(log([['2026-11-18', ['- Wall sit: 3 x 30 s. Pain 1/10', '', 'Says she has had saddle numbness since the weekend.']]]));
      assert.ok(s.flags.includes('red-flag'), s.flags.join());
      assert.equal(s.attention, 0);
    });

    it('pain-above-threshold: the last scored pain is above the limit', async () => {
      const s = await summary(log([['2026-11-16', ['- Wall sit: 3 x 30 s. Pain 2/10']], ['2026-11-18', ['- Wall sit: 3 x 30 s. Pain 7/10']]]));
      assert.deepEqual(s.flags, ['pain-above-threshold', 'rising-pain'].filter((f) => s.flags.includes(f as CaseloadFlag)));
      assert.ok(s.flags.includes('pain-above-threshold'));
      assert.equal(s.lastPain, 7);
      assert.equal(s.attention, 1);
      // The same score under a higher setting is no flag.
      const relaxed = await summary(log([['2026-11-16', ['- Wall sit: 3 x 30 s. Pain 2/10']], ['2026-11-18', ['- Wall sit: 3 x 30 s. Pain 7/10']]]), { painThreshold: 8 });
      assert.ok(!relaxed.flags.includes('pain-above-threshold'));
    });

    it('pain-above-threshold: an earlier high score that settled is no flag', async () => {
      const s = await summary(log([['2026-11-16', ['- Wall sit: 3 x 30 s. Pain 7/10']], ['2026-11-18', ['- Wall sit: 3 x 30 s. Pain 2/10']]]));
      assert.ok(!s.flags.includes('pain-above-threshold'), s.flags.join());
    });

    it('pain-above-threshold: a planned session after today does not count', async () => {
      const s = await summary(log([['2026-11-16', ['- Wall sit: 3 x 30 s. Pain 2/10']], ['2026-11-28', ['- Wall sit: 3 x 30 s. Pain 8/10']]]));
      assert.ok(!s.flags.includes('pain-above-threshold'), s.flags.join());
      assert.equal(s.lastPain, 2);
    });

    it('rising-pain: pain climbs session after session', async () => {
      const s = await summary(log([
        ['2026-11-13', ['- Wall sit: 3 x 30 s. Pain 1/10']],
        ['2026-11-15', ['- Wall sit: 3 x 30 s. Pain 2/10']],
        ['2026-11-17', ['- Wall sit: 3 x 30 s. Pain 3/10']],
      ]));
      assert.equal(s.painTrend, 'rising');
      assert.deepEqual(s.flags, ['rising-pain']);
      assert.equal(s.attention, 1);
    });

    it('consider-regression: two sessions in a row above the limit', async () => {
      const s = await summary(log([['2026-11-16', ['- Wall sit: 3 x 30 s. Pain 6/10']], ['2026-11-18', ['- Wall sit: 3 x 30 s. Pain 6/10']]]));
      assert.deepEqual(s.flags, ['pain-above-threshold', 'consider-regression']);
      assert.equal(s.attention, 1);
    });

    it('log-gap: no session for more than the log-gap days (default 7)', async () => {
      const gap = await summary(log([['2026-11-10', ['- Wall sit: 3 x 30 s']]]));
      assert.equal(gap.daysSinceLastSession, 10);
      assert.deepEqual(gap.flags, ['log-gap']);
      assert.equal(gap.attention, 2);
      const week = await summary(log([['2026-11-13', ['- Wall sit: 3 x 30 s']]]));
      assert.equal(week.daysSinceLastSession, 7);
      assert.deepEqual(week.flags, []);
      const longer = await summary(log([['2026-11-10', ['- Wall sit: 3 x 30 s']]]), { logGapDays: 14 });
      assert.deepEqual(longer.flags, []);
      const off = await summary(log([['2026-11-10', ['- Wall sit: 3 x 30 s']]]), { rules: { 'log-gap': 'off' } });
      assert.deepEqual(off.flags, []);
    });

    it('log-gap: no finding without the day the log is read on', async () => {
      const r = await service.check({ text: log([['2026-01-10', ['- Wall sit: 3 x 30 s']]]), path: '/caseload/no-today.athlete.md' });
      service.forget('/caseload/no-today.athlete.md');
      assert.ok(r);
      assert.deepEqual(r.findings.filter((f) => f.ruleId === 'log-gap'), []);
    });

    it('log-gap: a session planned after today does not count', async () => {
      const s = await summary(log([['2026-11-05', ['- Wall sit: 3 x 30 s']], ['2026-11-25', ['- Wall sit: 3 x 30 s']]]));
      assert.equal(s.lastSession, '2026-11-05');
      assert.ok(s.flags.includes('log-gap'));
    });

    it('ready-to-progress: three sessions at the top of the range with little pain', async () => {
      const program = ['- Chair Bridge: 3 x 10, hold 3-6 s, 1x daily'];
      const done = '- Chair Bridge: 3 x 10, hold 6 s. Pain 0/10';
      const s = await summary(log([['2026-11-16', [done]], ['2026-11-17', [done]], ['2026-11-18', [done]]], { program }));
      assert.deepEqual(s.flags, ['ready-to-progress']);
      assert.equal(s.attention, 3);
    });

    it('unreadable-lines: a line that looks like an exercise but cannot be read', async () => {
      const s = await summary(log([['2026-11-18', ['- Wall sit: 3 x 30 s', '- 3 x 12']]]));
      assert.deepEqual(s.flags, ['unreadable-lines']);
      assert.equal(s.attention, 4);
    });
  });
});

describe('pain trend', () => {
  const days = (pains: number[], step = 1): { day: number; pain: number }[] => pains.map((pain, i) => ({ day: 20000 + i * step, pain }));

  it('a clear fall within one week is falling, a clear climb rising', () => {
    assert.equal(painTrendOf(days([3, 2, 1, 1])), 'falling');
    assert.equal(painTrendOf(days([1, 1, 2, 3])), 'rising');
    assert.equal(recentTrend([3, 2, 1, 1]), 'falling');
    assert.equal(recentTrend([1, 2, 3, 3]), 'rising');
  });

  it('one better or worse day, or a zigzag, is steady', () => {
    assert.equal(painTrendOf(days([2, 2, 1])), 'steady');
    assert.equal(painTrendOf(days([2, 3, 2, 3])), 'steady');
    assert.equal(painTrendOf(days([2, 2])), 'steady');
  });

  it('falls back to the weekly means over weeks', () => {
    // One score a week: 4 then 3 is a lower week.
    assert.equal(painTrendOf(days([4, 3], 7)), 'falling');
    assert.equal(painTrendOf(days([3, 4], 7)), 'steady');
  });

  it('is unknown with fewer than two scores', () => {
    assert.equal(painTrendOf(days([4])), 'unknown');
    assert.equal(painTrendOf([]), 'unknown');
  });

  it('athlete-log report says falling for pains 3, 2, 1, 1 in one week', async () => {
    const text = log([
      ['2026-11-09', ['- Wall sit: 3 x 30 s. Pain 3/10']],
      ['2026-11-10', ['- Wall sit: 3 x 30 s. Pain 2/10']],
      ['2026-11-12', ['- Wall sit: 3 x 30 s. Pain 1/10']],
      ['2026-11-13', ['- Wall sit: 3 x 30 s. Pain 1/10']],
    ]);
    const r = await service.report({ text, path: '/caseload/trend.athlete.md' }, TODAY);
    service.forget('/caseload/trend.athlete.md');
    assert.equal(r?.exercises[0]?.trend, 'falling');
  });
});

describe('attention order', () => {
  const base = (athlete: string, flags: CaseloadFlag[], days?: number): CaseloadSummary => ({
    path: `/${athlete}.athlete.md`, athlete, painTrend: 'unknown', findings: { error: 0, warning: 0, information: 0, hint: 0 },
    flags, attention: attentionOf(flags), ...(days !== undefined ? { daysSinceLastSession: days } : {}),
  });

  it('red flags, then pain, then gaps, then ready to progress, then the rest', () => {
    const list = [
      base('Quiet', [], 1), base('Unread', ['unreadable-lines'], 1), base('Ready', ['ready-to-progress'], 1),
      base('Gap', ['log-gap'], 30), base('Rising', ['rising-pain'], 1), base('Above', ['pain-above-threshold'], 2),
      base('Regress', ['consider-regression'], 0), base('Red', ['red-flag', 'log-gap'], 0),
    ];
    assert.deepEqual([...list].sort(compareByAttention).map((s) => s.athlete), ['Red', 'Above', 'Rising', 'Regress', 'Gap', 'Ready', 'Unread', 'Quiet']);
  });

  it('ties by days since the last session (longest first), then athlete name', () => {
    const list = [base('Cara', ['log-gap'], 9), base('Ben', ['log-gap'], 12), base('Abe', ['log-gap'], 9), base('Dee', ['log-gap'])];
    assert.deepEqual([...list].sort(compareByAttention).map((s) => s.athlete), ['Ben', 'Abe', 'Cara', 'Dee']);
  });
});
