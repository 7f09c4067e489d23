/** The renderer: the example page, edge cases, hostile notes, the text summary. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { handoutDocument, renderProgram, renderSummary } from '../../src/core/render/index.js';
import { read, ROOT, service } from '../helpers.js';

async function render(text: string, opts: { handout?: boolean; today?: string } = {}): Promise<string> {
  const r = await service.check({ text });
  assert.ok(r, 'an athlete log');
  return renderProgram({ text, log: r.log, findings: r.findings, library: r.library, today: opts.today ?? '2026-11-11', linkFindings: !opts.handout, ...(opts.handout ? { handout: true } : {}) });
}

const EXAMPLE = read(path.join(ROOT, 'examples', 'jane-runner.athlete.md'));

describe('renderer', function () {
  this.timeout(60000);

  it('renders the example: header, assessment, cards, charts, log and checks', async () => {
    const html = await render(EXAMPLE);
    assert.match(html, /<h1>Jane Runner<\/h1>/);
    assert.match(html, /<dt>Days since start<\/dt><dd>9<\/dd>/);
    assert.match(html, /<dt>Last session<\/dt><dd>2026-11-10<\/dd>/);
    assert.equal((html.match(/<article class="card"/g) ?? []).length, 6);
    assert.match(html, /<article class="card" data-line="20"><h4>Chair Bridge<\/h4><p class="dosage">3 sets of 10 reps · hold 3-6 s · twice daily<\/p>/);
    assert.match(html, /<li class="in-range"><span class="mark" aria-hidden="true">✓<\/span> sets 3 <span class="range">in range: guideline 2-3<\/span><\/li>/);
    assert.match(html, /Source: &quot;Hamstrung&quot;, Stay the Course column, Joe Uhan, iRunFar/);
    assert.match(html, /<figure class="chart pain-chart">/);
    assert.match(html, /<figure class="chart adherence-chart">/);
    const dates = [...html.matchAll(/<article class="session" data-line="\d+"><h3>(\d{4}-\d{2}-\d{2})/g)].map((m) => m[1]);
    assert.deepEqual(dates, ['2026-11-10', '2026-11-08', '2026-11-06', '2026-11-05', '2026-11-04', '2026-11-03'], 'newest first');
    assert.match(html, /<div class="notes"><p>Felt the glutes burn on the second set.<\/p><\/div>/);
    // Every dosage matches its guideline; the only checks are pain scores above the strain's pain-free limit
    // (hamstring review F6: an acute strain is not held to the tendinopathy model's 5/10).
    const checks = /<section class="findings">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    assert.doesNotMatch(checks, /out-of-range|missing-dosage|timing-mismatch/);
    assert.match(checks, /Pain 2\/10 in Chair Bridge; the Chair Bridge guideline allows no pain during it/);
  });

  it('marks out-of-range parts in words, not colour alone, and links findings in the preview', async () => {
    const html = await render(read(path.join(ROOT, 'examples', 'sam-sprinter.athlete.md')));
    assert.match(html, /<li class="out-of-range"><span class="mark" aria-hidden="true">✗<\/span> sets 5 <span class="range">out of range: guideline 2-3<\/span><\/li>/);
    assert.match(html, /<p class="hint" role="note"><strong>Check first:<\/strong> The checked findings point to referred SI-joint pain/);
    assert.match(html, /<a href="#" class="reveal" data-line="20">line 20<\/a>: 5 sets; the Chair Bridge guideline says 2-3 sets \(Hamstrung, iRunFar\)/);
    assert.match(html, /<span class="pain high">pain 6\/10<\/span>/);
  });

  it('leaves the coach\'s checks out of the handout', async () => {
    const html = await render(read(path.join(ROOT, 'examples', 'sam-sprinter.athlete.md')), { handout: true });
    assert.doesNotMatch(html, /class="findings"/);
    const page = handoutDocument('Sam: program', html, 'body{}');
    assert.match(page, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;">/);
    assert.doesNotMatch(page, /<script/i);
  });

  it('renders edge cases: empty log, no program, only a log, thousands of sessions', async () => {
    const empty = await render('---\nathlete: Empty\n---\n');
    assert.match(empty, /<h1>Empty<\/h1>/);
    assert.doesNotMatch(empty, /class="program"|class="log"|<figure/);
    const onlyLog = await render('---\nathlete: L\n---\n## Log\n### 2026-11-03\n- Chair Bridge: 3 x 10. Pain 2/10\n');
    assert.doesNotMatch(onlyLog, /class="program"/);
    assert.match(onlyLog, /class="log"/);
    const noProgram = await render('---\nathlete: N\n---\n## Assessment\n- [x] Sore spot\n');
    assert.match(noProgram, /<li data-line="5">Sore spot<\/li>/);
    const days: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const d = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      days.push(`### ${d}`, `- Chair Bridge: 3 x 10, hold 5 s. Pain ${i % 4}/10`, '');
    }
    const big = await render(`---\nathlete: Big\nstarted: 2020-01-01\n---\n## Program\n- Chair Bridge: 3 x 10, hold 5 s, 1x daily\n## Log\n${days.join('\n')}`, { today: '2028-03-18' });
    assert.equal((big.match(/<article class="session"/g) ?? []).length, 3000);
    assert.equal((big.match(/<g class="week(?: so-far)?(?: empty)?">/g) ?? []).length, 12, 'the adherence chart shows the last 12 weeks');
  });

  it('escapes names and sanitizes notes: no script, no handlers, no javascript: URLs, text kept', async () => {
    const text = [
      '---', 'athlete: "<img src=x onerror=alert(1)>Eve"', 'coach: "<script>alert(1)</script>"', '---',
      '## Program', '- <b onclick="alert(1)">Chair</b> Bridge: 3 x 10, hold 5 s, 2x daily',
      '## Log', '### 2026-11-03 <script>alert(2)</script>',
      '- Chair Bridge: 3 x 10. Pain 2/10',
      '', 'Felt <b onmouseover="alert(3)">strong</b> [click](javascript:alert(4)) <img src="https://example.com/x.png" onerror="alert(5)">',
      '', '<script>alert(6)</script><iframe src="https://example.com"></iframe><form action="https://example.com"><input></form>',
      '', '<a href="data:text/html,<script>alert(7)</script>">data link</a> <svg onload="alert(8)"><circle/></svg>',
    ].join('\n');
    const html = await render(text);
    assert.doesNotMatch(html, /<script|<iframe|<form|<input|<svg onload/i);
    assert.doesNotMatch(html, /<[^>]*\son[a-z]+\s*=/i, 'no event handler attributes');
    assert.doesNotMatch(html, /javascript:|data:text/i);
    assert.match(html, /<h1>&lt;img src=x onerror=alert\(1\)&gt;Eve<\/h1>/);
    assert.match(html, /<strong>strong<\/strong>|<b>strong<\/b>/);
    assert.match(html, /data link/);
  });

  it('writes a plain-text summary for a health record', async () => {
    const r = await service.check({ text: EXAMPLE });
    assert.ok(r);
    const text = renderSummary(r.log, r.findings, r.library, '2026-11-11');
    assert.equal(text.split('\n').slice(0, 7).join('\n'), [
      'Athlete: Jane Runner', 'Coach: Sam Coach', 'Condition: Left hamstring strain', 'Side: left', 'Started: 2026-11-02',
      'Summary date: 2026-11-11', '',
    ].join('\n'));
    assert.match(text, /^- Chair Bridge: 3 sets of 10 reps, hold 3-6 s, twice daily \[guideline: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar\]$/m);
    assert.match(text, /^Sessions logged: 6, last on 2026-11-10$/m);
    assert.match(text, /^- Chair Bridge: 5 sessions, pain 2 → 2 → 1 → 1 → 0 out of 10$/m);
    assert.doesNotMatch(text, /<|>\w/);
  });
});
