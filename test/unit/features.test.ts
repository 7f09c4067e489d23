/** Editor features computed in the core as plain data (src/core/features/): completion. */
import assert from 'node:assert/strict';
import { completionsAt } from '../../src/core/features/completion.js';
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
