/** Editor features computed in the core as plain data (src/core/features/): completion, hover, outline, code actions. */
import assert from 'node:assert/strict';
import { completionsAt } from '../../src/core/features/completion.js';
import { fixAllAction, quickFixes } from '../../src/core/features/codeActions.js';
import { hoverAt } from '../../src/core/features/hover.js';
import { logSymbols } from '../../src/core/features/symbols.js';
import { parseLog } from '../../src/core/index.js';
import { scrollTargetIndex } from '../../src/shared/previewScroll.js';
import * as path from 'node:path';
import { renderProgram } from '../../src/core/render/index.js';
import { logFileName, newLogSnippet } from '../../src/core/snippets.js';
import { builtinLibrary, read, ROOT, service } from '../helpers.js';

const library = builtinLibrary();
const TODAY = '2026-11-30';

describe('features: completion', () => {
  it('offers no list in the middle of a dosage part, so typing a correct line and Enter keep it as typed', () => {
    const line = '- Chair Bridge: 3 x 10, hold 5 s';
    // After each keystroke VS Code asks again when the key is a trigger character (space, colon). A list
    // opened there is filtered by the word typed since; Enter accepts its first match. Walk the line.
    let open: { from: number; labels: string[] } | undefined;
    for (let i = 1; i <= line.length; i++) {
      const prefix = line.slice(0, i);
      const typed = line[i - 1] ?? '';
      if (typed === ' ' || typed === ':') {
        const entries = completionsAt(prefix, library, TODAY);
        open = entries.length > 0 ? { from: entries[0]?.replaceFrom ?? i, labels: entries.map((e) => e.filterText ?? e.label) } : undefined;
      }
      if (open) {
        const word = prefix.slice(open.from).toLowerCase();
        const matching = open.labels.filter((l) => l.toLowerCase().includes(word));
        open = matching.length > 0 ? { from: open.from, labels: matching } : undefined;
      }
    }
    assert.equal(open, undefined, `a list is open when Enter is pressed: ${JSON.stringify(open)}`);
  });

  it('offers nothing after a space inside a part, and the parts where one starts', () => {
    assert.deepEqual(completionsAt('- Chair Bridge: 3 x 10, hold 5 ', library, TODAY), []);
    assert.deepEqual(completionsAt('- Chair Bridge: 3 x 10, hold 5 s', library, TODAY), []);
    assert.deepEqual(completionsAt('- Chair Bridge: 3 ', library, TODAY), []);
    const afterComma = completionsAt('- Chair Bridge: 3 x 10, ', library, TODAY);
    assert.ok(afterComma.some((e) => e.label === 'hold' && e.kind === 'dosage-part'));
    assert.ok(!afterComma.some((e) => e.kind === 'guideline-dosage'), 'the whole guideline dosage only on an empty dosage');
    const started = completionsAt('- Chair Bridge: 3 x 10, ho', library, TODAY);
    assert.equal(started[0]?.replaceFrom, '- Chair Bridge: 3 x 10, '.length, 'replaces the word being typed');
    const empty = completionsAt('- Chair Bridge: ', library, TODAY);
    assert.equal(empty[0]?.kind, 'guideline-dosage');
    assert.match(empty[0]?.snippet ?? '', /hold/);
  });

  it('offers exercises where an item starts and today\'s date on a session heading', () => {
    const names = completionsAt('- Chair ', library, TODAY);
    assert.ok(names.some((e) => e.label === 'Chair Bridge' && e.replaceFrom === 2 && e.kind === 'exercise'));
    assert.deepEqual(completionsAt('### ', library, TODAY).map((e) => e.label), ['### 2026-11-30']);
    assert.deepEqual(completionsAt('Some notes about the run ', library, TODAY), []);
  });
});

describe('features: preview scroll target', () => {
  it('follows the editor to the card being edited, never to the Checks list (sam-sprinter, line 31)', async () => {
    const text = read(path.join(ROOT, 'examples', 'sam-sprinter.athlete.md'));
    const r = await service.check({ text });
    assert.ok(r);
    const html = renderProgram({ text, log: r.log, findings: r.findings, library: r.library, today: '2026-11-11', linkFindings: true });
    // The page's elements with a line, in page order, as the webview sees them.
    const checksAt = html.indexOf('<section class="findings"');
    assert.ok(checksAt > 0, 'the page has a Checks list');
    const candidates = [...html.matchAll(/<(\w+)[^>]*\bdata-line="(\d+)"/g)].map((m) => ({
      line: Number(m[2]),
      link: m[1] === 'a' || (m.index ?? 0) > checksAt,
      tag: m[0],
    }));
    for (const line of [20, 25, 31, 40]) {
      const i = scrollTargetIndex(candidates, line);
      const target = candidates[i];
      assert.ok(target, `a target for line ${line}`);
      assert.ok(!target.link, `line ${line} aims at ${target.tag}, not the Checks list`);
      assert.equal(target.line, Math.max(...candidates.filter((c) => !c.link && c.line <= line).map((c) => c.line)));
    }
  });
});

describe('features: fixes', () => {
  it('offers the values of a guideline range as separate quick fixes, and never writes the range', async () => {
    const text = '---\nathlete: A\n---\n## Program\n### Phase 1\n- Chair Bridge: 3 x 10, hold 5 s, per run\n';
    const r = await service.check({ text });
    assert.ok(r);
    const f = r.findings.find((x) => x.ruleId === 'frequency-out-of-range');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.ruleId)));
    assert.equal(f.fix, undefined, 'no single fix writes 1-2x daily into a prescription');
    assert.deepEqual(f.alternatives?.map((a) => [a.title, a.edits.map((e) => e.text).join('')]), [
      ['Change to 1x daily (Chair Bridge guideline)', '1x daily'],
      ['Change to 2x daily (Chair Bridge guideline)', '2x daily'],
    ]);
    const all = await service.fixAllUntilDone({ text });
    assert.ok(!all.text.includes('1-2x'), all.text);
  });

  it('fix-all reaches the fixed point in one call, bounded', async () => {
    const text = read(path.join(ROOT, 'examples', 'sam-sprinter.athlete.md'));
    const once = await service.check({ text });
    assert.ok(once);
    const onePass = service.fixAll(text, once.findings).text;
    assert.match(onePass, /- Skipping drill: 4 bouts x 25 s/, 'one pass leaves the exposed range fix');
    const done = await service.fixAllUntilDone({ text });
    assert.match(done.text, /- Skipping drill: 4 bouts x 15 s, before run/);
    assert.ok(done.applied > 0);
    assert.deepEqual(done.result?.findings.filter((x) => x.fix && !x.fix.raisesDose).map((x) => x.ruleId), []);
    const bounded = await service.fixAllUntilDone({ text }, 1);
    assert.equal(bounded.text, onePass);
  });
});

describe('features: new athlete log', () => {
  it('takes the side from the condition', () => {
    assert.match(newLogSnippet('Ann', 'Right hamstring strain'), /side: \$\{4\|right,left,both\|\}/);
    assert.match(newLogSnippet('Ann', 'Left hamstring strain'), /side: \$\{4\|left,right,both\|\}/);
    assert.match(newLogSnippet('Ann', 'Bilateral posterior thigh pain'), /side: \$\{4\|both,left,right\|\}/);
  });

  it('names the file after the athlete', () => {
    assert.equal(logFileName('Jane Runner'), 'jane-runner.athlete.md');
    assert.equal(logFileName('  Zoë  O\'Brien-Smith '), 'zoe-o-brien-smith.athlete.md');
    assert.equal(logFileName('Jane Runner', 2), 'jane-runner-2.athlete.md');
    assert.equal(logFileName('../..'), 'athlete.athlete.md');
  });
});

// A small log in my own words: a program with two phases, an assessment, and sessions logged off the
// prescription, with a linked exercise name.
const LOG = [
  '---', 'athlete: Robin', 'started: 2026-11-02', '---', '',
  '## Assessment', '- [x] Tender at the back of the thigh', '- [ ] Pain sitting for long', '',
  '## Program', '', '### Phase 1 (weeks 1-2)', '- Chair Bridge: 3 x 10, hold 3 s, 1x daily', '',
  '### Phase 2 (weeks 3-4)', '- Chair Bridge: 3 x 12, hold 5 s, 1x daily', '',
  '## Log', '', '### 2026-11-03', '- Chair Bridge: 2 x 10, hold 3 s', '- [Nordic curl](videos/nordic.md): 3 x 5', '',
].join('\n');

function at(text: string, needle: string, plus = 0): number {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + plus;
}

describe('features: hover', () => {
  const log = parseLog(LOG);
  const link = (): { label: string; target: string } => ({ label: 'built-in library', target: 'guidelines/x.md' });

  it('compares a logged dosage with the prescription of its week as well as with the guideline', () => {
    const hover = hoverAt(log, library, at(LOG, '2 x 10, hold 3 s', 1), link);
    assert.ok(hover);
    const rows = hover.markdown.split('\n').filter((l) => l.startsWith('|'));
    // Week 1: phase 1 prescribes 3 x 10; the guideline allows 2-3 sets.
    assert.equal(rows[0], '|  | logged | prescribed (line 13) | Chair Bridge guideline |  |');
    assert.equal(rows.find((r) => r.startsWith('| sets')), '| sets | 2 | 3 | 2\\-3 | not as prescribed; in range |');
    assert.equal(rows.find((r) => r.startsWith('| reps')), '| reps | 10 | 10 | 10 | as prescribed; in range |');
  });

  it('heads a prescription\'s own column "prescribed" and compares it with the guideline only', () => {
    const hover = hoverAt(log, library, at(LOG, '3 x 12', 1), link);
    assert.ok(hover);
    assert.ok(hover.markdown.includes('|  | prescribed | Chair Bridge guideline |  |'), hover.markdown);
    assert.ok(!hover.markdown.includes('as prescribed'), hover.markdown);
  });

  it('shows the guideline card on a name, and where a linked name links to', () => {
    const card = hoverAt(log, library, at(LOG, 'Chair Bridge: 2', 2), link);
    assert.ok(card?.markdown.startsWith('**Chair Bridge**'), card?.markdown);
    assert.ok(card?.markdown.includes('](guidelines/x.md)'), card?.markdown);
    const linked = hoverAt(log, library, at(LOG, 'Nordic curl', 2), link);
    assert.ok(linked?.markdown.includes('Links to videos/nordic\\.md'), linked?.markdown);
    assert.equal(hoverAt(log, library, at(LOG, 'Tender'), link), undefined);
  });
});

describe('features: outline', () => {
  it('gives sections, phases with prescriptions, sessions with entries, and assessment items checked or not', () => {
    const symbols = logSymbols(parseLog(LOG));
    assert.deepEqual(symbols.map((s) => [s.name, s.kind]), [['Assessment', 'section'], ['Program', 'section'], ['Log', 'section']]);
    assert.deepEqual(symbols[0]?.children.map((s) => [s.name, s.kind, s.detail]), [
      ['Tender at the back of the thigh', 'checked-item', 'checked'], ['Pain sitting for long', 'unchecked-item', 'not checked'],
    ]);
    assert.deepEqual(symbols[1]?.children.map((s) => [s.name, s.kind, s.children.map((c) => c.name)]), [
      ['Phase 1 (weeks 1-2)', 'phase', ['Chair Bridge']], ['Phase 2 (weeks 3-4)', 'phase', ['Chair Bridge']],
    ]);
    const session = symbols[2]?.children[0];
    assert.equal(session?.kind, 'session');
    assert.deepEqual(session?.children.map((c) => [c.name, c.kind]), [['Chair Bridge', 'exercise'], ['Nordic curl', 'exercise']]);
    // A section reaches to its last child.
    assert.equal(symbols[2]?.range.end.line, session?.children[1]?.range.end.line);
  });
});

describe('features: code actions', () => {
  it('offers a finding\'s fix (preferred), its rule\'s fix-all and a disable comment; bulk fixes never raise a dose', async () => {
    // Program lines: their bulk-safe fixes go into fix-all (a logged entry's do not, see below).
    const text = LOG.replace('- Chair Bridge: 3 x 12, hold 5 s, 1x daily', '- Chair Bridge: 5 x 10, hold 5 s, 1x daily\n- Chair Bridge: 6 x 10, hold 5 s, 1x daily');
    const result = await service.check({ path: '/ws/robin.athlete.md', relativePath: 'robin.athlete.md', options: { today: TODAY }, text });
    assert.ok(result);
    const lines = text.split('\n');
    const doc = { lineText: (line: number) => lines[line - 1] ?? '', eol: '\n' as const };
    const from = at(text, '5 x 10');
    const actions = quickFixes(doc, result.findings, from, from);
    const rule = actions.find((a) => a.preferred)?.finding?.ruleId;
    assert.ok(rule !== undefined, JSON.stringify(actions.map((a) => a.title)));
    assert.ok(actions.some((a) => a.title === `Fix all ${rule} in this file`), JSON.stringify(actions.map((a) => a.title)));
    const disable = actions.find((a) => a.title === `Disable ${rule} for this line`);
    assert.equal(disable?.edits[0]?.text, `<!-- athlete-log-disable-next-line ${rule} -->\n`);
    assert.equal(disable?.edits[0]?.range.start.offset, text.lastIndexOf('\n', from) + 1);
    const all = fixAllAction(result.findings);
    assert.equal(all?.kind, 'fix-all');
    const raising = result.findings.filter((f) => f.fix?.raisesDose === true).flatMap((f) => f.fix?.edits ?? []);
    assert.ok(raising.every((e) => !(all?.edits ?? []).includes(e)));
  });

  it('offers a logged entry\'s fix on its own, worded as correcting the record, and never in a fix-all', async () => {
    const text = `${LOG}- Chair Bridge: 5 x 10\n- Chair Bridge: 6 x 10\n`;
    const result = await service.check({ path: '/ws/robin.athlete.md', relativePath: 'robin.athlete.md', options: { today: TODAY }, text });
    assert.ok(result);
    const lines = text.split('\n');
    const doc = { lineText: (line: number) => lines[line - 1] ?? '', eol: '\n' as const };
    const from = at(text, '5 x 10');
    const titles = quickFixes(doc, result.findings, from, from).map((a) => a.title);
    assert.ok(titles.includes('Change the logged 5 x 10 to 3 x 10 (Chair Bridge guideline)'), JSON.stringify(titles));
    assert.ok(!titles.includes('Fix all sets-out-of-range in this file'), JSON.stringify(titles));
    const logged = [lines.length - 2, lines.length - 1];
    const touched = (fixAllAction(result.findings)?.edits ?? []).map((e) => e.range.start.line);
    assert.ok(touched.every((l) => !logged.includes(l)), `fix on save changes no logged session: ${JSON.stringify(touched)}`);
  });
});
