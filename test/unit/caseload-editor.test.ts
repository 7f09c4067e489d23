/**
 * What the editor shows of the caseload, without an editor: grouping by condition or coach, the flags and
 * the tooltip in plain words, and the caseload page (its policy, its escaping, its sort keys and messages).
 */
import assert from 'node:assert/strict';
import type { CaseloadFlag, CaseloadSummary } from '../../src/core/caseload/caseload.js';
import { groupCaseload, isCaseloadGrouping } from '../../src/core/caseload/group.js';
import { caseloadPage, caseloadTable, isFromCaseloadPage } from '../../src/shared/caseloadPage.js';
import { athleteItemWords, flagsLine, flagWords, tooltipLines } from '../../src/shared/caseloadWords.js';
import { webviewCsp } from '../../src/core/render/page.js';

const NO_FINDINGS = { error: 0, warning: 0, information: 0, hint: 0 };

function summary(athlete: string, extra: Partial<CaseloadSummary> = {}): CaseloadSummary {
  return { path: `/logs/${athlete.toLowerCase().replace(/\W+/g, '-')}.athlete.md`, athlete, painTrend: 'unknown', findings: NO_FINDINGS, flags: [], attention: 9, ...extra };
}

describe('caseload in the editor', () => {
  describe('grouping', () => {
    // Already in attention order, as the view passes them.
    const sorted = [
      summary('Rae', { condition: 'Left hamstring strain', coach: 'Sam Coach', flags: ['red-flag'], attention: 0 }),
      summary('Bo', { condition: 'Achilles tendinopathy', flags: ['rising-pain'], attention: 1 }),
      summary('Cy', { condition: '  left hamstring   strain ', coach: 'sam coach', attention: 9 }),
      summary('Di', { coach: 'Alex Coach', attention: 9 }),
    ];

    it('groups by condition in the order of each group\'s most urgent athlete, the logs without one last', () => {
      const groups = groupCaseload(sorted, 'condition');
      assert.deepEqual(groups.map((g) => [g.label, g.summaries.map((s) => s.athlete)]), [
        ['Left hamstring strain', ['Rae', 'Cy']],
        ['Achilles tendinopathy', ['Bo']],
        ['No condition', ['Di']],
      ]);
    });

    it('groups by coach, one group for names that differ only in case or spacing', () => {
      const groups = groupCaseload(sorted, 'coach');
      assert.deepEqual(groups.map((g) => [g.key, g.label, g.summaries.map((s) => s.athlete)]), [
        ['sam coach', 'Sam Coach', ['Rae', 'Cy']],
        ['alex coach', 'Alex Coach', ['Di']],
        ['', 'No coach', ['Bo']],
      ]);
    });

    it('knows the grouping setting\'s values', () => {
      assert.ok(['none', 'condition', 'coach'].every(isCaseloadGrouping));
      assert.equal(isCaseloadGrouping('athlete'), false);
      assert.equal(isCaseloadGrouping(undefined), false);
    });
  });

  describe('plain words', () => {
    it('gives the view\'s line and tooltip of a summary, made again for a new summary', () => {
      const s = summary('Ana', { flags: ['log-gap'], daysSinceLastSession: 9, attention: 2 });
      assert.deepEqual(athleteItemWords(s), { flags: flagsLine(s), tooltip: tooltipLines(s).join('\n') });
      assert.equal(athleteItemWords(s), athleteItemWords(s), 'the same words for the same summary');
      const again = { ...s, flags: [], daysSinceLastSession: 1 };
      assert.equal(athleteItemWords(again).flags, 'nothing flagged');
    });

    it('says every flag in words, a log gap with its days', () => {
      const flags: CaseloadFlag[] = ['red-flag', 'pain-above-threshold', 'rising-pain', 'consider-regression', 'log-gap', 'ready-to-progress', 'unreadable-lines'];
      const words = flags.map((f) => flagWords(f, { daysSinceLastSession: 12 }));
      assert.equal(new Set(words).size, flags.length, 'each flag its own words');
      assert.ok(words.every((w) => /^[a-z0-9 ()]+$/.test(w)), words.join(' | '));
      assert.equal(flagWords('log-gap', { daysSinceLastSession: 12 }), 'log gap (12 days)');
      assert.equal(flagWords('log-gap', {}), 'log gap');
    });

    it('lists the flags most urgent first, or says nothing is flagged', () => {
      assert.equal(flagsLine(summary('A', { flags: ['red-flag', 'log-gap'], daysSinceLastSession: 9 })), 'red flag, log gap (9 days)');
      assert.equal(flagsLine(summary('A')), 'nothing flagged');
    });

    it('puts the state of the program in the tooltip, one fact a line', () => {
      const lines = tooltipLines(summary('Rae', {
        condition: 'Left hamstring strain', coach: 'Sam Coach', protocol: 'askling', phase: 'Phase 2: Loading', week: 4,
        lastSession: '2026-11-20', daysSinceLastSession: 10, lastPain: 3, painTrend: 'rising', adherenceThisWeek: 0.5, adherenceLastWeek: 1,
        findings: { error: 1, warning: 2, information: 1, hint: 0 }, flags: ['rising-pain', 'log-gap'],
      }));
      assert.deepEqual(lines, [
        'Rae: Left hamstring strain',
        'Coach: Sam Coach',
        'Protocol: askling',
        'Phase: Phase 2: Loading, week 4',
        'Last session: 2026-11-20 (10 days ago)',
        'Pain: 3/10, rising',
        'Adherence: 50% this week, 100% last week',
        'Checks: 1 error, 2 warnings, 1 note',
        'Flag: pain rising',
        'Flag: log gap (10 days)',
      ]);
      assert.deepEqual(tooltipLines(summary('New')), ['New', 'Last session: no sessions logged yet', 'Pain: no pain logged', 'Checks: no problems', 'Flags: nothing flagged']);
    });
  });

  describe('the caseload page', () => {
    const hostile = summary('<img src=x onerror=alert(1)>"\'&', {
      condition: '</td><script>alert(2)</script>', coach: '" onclick="x', phase: '<b>bold</b>', flags: ['red-flag'], attention: 0,
    });
    const rows = [
      { uri: 'file:///logs/a"b.athlete.md', summary: hostile },
      { uri: 'file:///logs/quiet.athlete.md', summary: summary('Quiet', { lastPain: 1, daysSinceLastSession: 2, lastSession: '2026-11-28' }) },
    ];
    const html = caseloadPage({ cspSource: 'https://x.vscode-cdn.net', nonce: 'n0nce', styleUri: 'https://x.vscode-cdn.net/c.css', scriptUri: 'https://x.vscode-cdn.net/c.js', rows, note: 'As of <today>' });

    it('has the preview\'s strict policy and exactly one script, the nonce\'d one from the extension', () => {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
      assert.equal(csp, webviewCsp('https://x.vscode-cdn.net', 'n0nce').replace(/'/g, '&#39;'));
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal((html.match(/<script/gi) ?? []).length, 1);
      assert.match(html, /<script nonce="n0nce" src="https:\/\/x\.vscode-cdn\.net\/c\.js"><\/script>/);
      const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
      assert.ok(tags.length > 20);
      assert.deepEqual(tags.filter((t) => /\son[a-z]+\s*=/i.test(t.replace(/"[^"]*"/g, '""'))), [], 'no event handler attributes');
      assert.doesNotMatch(html, /<form|<iframe|<img/i);
    });

    it('escapes every value from a log, in text and in attributes', () => {
      assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;'));
      assert.ok(html.includes('&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;'));
      assert.ok(html.includes('data-uri="file:///logs/a&quot;b.athlete.md"'));
      assert.ok(html.includes('As of &lt;today&gt;'));
      assert.equal((html.match(/<tr /g) ?? []).length, 2, 'one row per athlete');
    });

    it('gives each cell the key its column sorts by, and leaves it off when the log has no value', () => {
      const table = caseloadTable(rows);
      const cells = (row: number): string[] => [...(table.split('<tr ')[row + 1] ?? '').matchAll(/<td( data-sort="([^"]*)")?>/g)].map((m) => m[2] ?? '-');
      // #, Athlete, Flags, Condition, Coach, Phase, Last session, Pain, Adherence, Checks
      assert.deepEqual(cells(1), ['2', 'Quiet', '9', '-', '-', '-', '2', '1', '-', '0']);
      assert.equal(cells(0)[0], '1');
      assert.match(table, /<th scope="col" data-column="6" data-kind="number"><button type="button">Last session<\/button><\/th>/);
    });

    it('keeps each summary\'s cells between redraws, with the rank of the row\'s place and a read-again log\'s new values', () => {
      const a = { uri: 'file:///logs/a.athlete.md', summary: summary('Ana', { lastPain: 2 }) };
      const b = { uri: 'file:///logs/b.athlete.md', summary: summary('Ben', { lastPain: 5 }) };
      const first = (table: string): string => /<tbody><tr [^>]*><td[^>]*>(\d+)<\/td><td[^>]*>([^<]*)<\/td>/.exec(table)?.slice(1).join(' ') ?? '';
      assert.equal(first(caseloadTable([a, b])), '1 Ana');
      assert.equal(first(caseloadTable([b, a])), '1 Ben', 'the rank follows the row, not the summary');
      assert.match(caseloadTable([b, a]), /<td data-sort="2">2<\/td><td data-sort="Ana">Ana<\/td>/);
      assert.equal(caseloadTable([a, b]), caseloadTable([a, b]));
      const readAgain = { ...a, summary: { ...a.summary, lastPain: 7 } };
      assert.match(caseloadTable([readAgain]), /<td data-sort="7">7\/10<\/td>/);
      assert.doesNotMatch(caseloadTable([readAgain]), /2\/10/);
    });

    it('says so when the workspace has no logs', () => {
      assert.match(caseloadPage({ cspSource: 'c', nonce: 'n', rows: [], note: '' }), /No athlete logs in this workspace yet/);
    });

    it('accepts only well-formed messages from the page', () => {
      assert.ok(isFromCaseloadPage({ type: 'open', uri: 'file:///a.md' }));
      assert.ok(isFromCaseloadPage({ type: 'ready', rows: 3, first: 'Rae' }));
      for (const bad of [null, 'open', { type: 'open' }, { type: 'open', uri: 3 }, { type: 'ready', rows: -1, first: '' }, { type: 'ready', rows: 1.5, first: '' }, { type: 'ready', rows: 1 }, { type: 'run', uri: 'x' }]) {
        assert.equal(isFromCaseloadPage(bad), false, JSON.stringify(bad));
      }
    });
  });
});
