/**
 * End-to-end scenarios inside a real VS Code extension host (Node or web worker). Every wait is on an
 * event (diagnostics changed, a log was checked), never a sleep; timers only bound how long a wait may
 * take before the test fails.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AthleteLogApi } from '../../../src/vscode/extension';
import { generateLog } from '../../../bench/generate';
import { activateExtension, waitFor } from './wait';

/** The extension's API (the extension is active once the suite's `before` has run). */
function activeApi(): AthleteLogApi {
  const api = vscode.extensions.getExtension<AthleteLogApi>('athlete-log.athlete-log')?.exports;
  assert.ok(api, 'the extension is active');
  return api;
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

function file(name: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), name);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * `line:rule` for each diagnostic, sorted. `adherence-low` and `log-gap` are left out: they read the log
 * against today's date, so whether they fire depends on the day the suite runs.
 */
function summary(ds: readonly vscode.Diagnostic[]): string[] {
  return ds.filter((d) => codeOf(d) !== 'adherence-low' && codeOf(d) !== 'log-gap').map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
}

/** Resolves with the document's diagnostics once `until` holds; waits on onDidChangeDiagnostics. */
async function diagnostics(uri: vscode.Uri, until: (ds: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  const holds = (): boolean => until(vscode.languages.getDiagnostics(uri));
  await waitFor(vscode.languages.onDidChangeDiagnostics, (e) => e.uris.some((u) => u.toString() === uri.toString()) && holds(), what, holds)
    .catch((e: unknown) => {
      throw new Error(`${e instanceof Error ? e.message : String(e)}; have ${summary(vscode.languages.getDiagnostics(uri)).join(', ')}`);
    });
  return vscode.languages.getDiagnostics(uri);
}

/** Resolves when the extension has finished checking `uri` (also when it found it is not a log). */
async function checked(api: AthleteLogApi, uri: vscode.Uri): Promise<void> {
  await waitFor(api.checker.onDidCheck, (u) => u.toString() === uri.toString(), `a check of ${uri.toString()}`);
}

/** Resolves once the extension holds a check of the document's current version. */
async function settled(api: AthleteLogApi, document: vscode.TextDocument): Promise<void> {
  const ready = (): boolean => api.checker.state(document) !== undefined;
  await waitFor(api.checker.onDidCheck, ready, `version ${document.version} to be checked`, ready);
}

/** Resolves when the preview page reports content that satisfies `until`. */
async function rendered(api: AthleteLogApi, until: (heading: string) => boolean): Promise<string> {
  const m = await waitFor(api.preview.onDidRender, (e) => until(e.heading), 'the preview to render');
  return m?.heading ?? '';
}

/**
 * Code actions at a range, as the light bulb asks for them (no kind filter). Right after a document opens,
 * the web workbench may answer a request without this extension's actions while its copy of the document catches up; the
 * request is repeated a few times (no delay: each is a round trip to the extension host).
 */
async function codeActions(uri: vscode.Uri, range: vscode.Range, until: (a: vscode.CodeAction[]) => boolean): Promise<vscode.CodeAction[]> {
  let actions: vscode.CodeAction[] = [];
  for (let attempt = 0; attempt < 20 && !until(actions); attempt++) {
    actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
  }
  return actions;
}

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(name));
  return vscode.window.showTextDocument(doc);
}

/**
 * Puts the document back to the file on disk and resolves once its content is back, by event, so the next
 * test never reads this test's edit.
 */
async function revert(editor: vscode.TextEditor, api: AthleteLogApi = activeApi()): Promise<void> {
  const document = editor.document;
  const disk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
  const back = (): boolean => document.getText() === disk && !document.isDirty;
  const restored = waitFor(vscode.workspace.onDidChangeTextDocument, (e) => e.document === document && back(), `${document.uri.path} to be restored`, back);
  // The file's text put back by an edit and saved (the same bytes): unlike the Revert command, which acts on
  // whichever editor the workbench holds active, this works on the document itself.
  if (document.getText() !== disk) {
    const all = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, all, disk);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the edit that restores the file applies');
  }
  if (document.isDirty) {
    await document.save(); // false when it was no longer dirty; `restored` below is what counts
  }
  await restored;
  // The extension re-checks the restored text; wait for that check too, so the next test starts clean.
  await settled(api, document);
}

/**
 * Types `text` into the focused editor with the workbench's keyboard, key by key at a person's pace (`\n`
 * is the Enter key): test/integration/run.mjs reads this line of the suite's output and drives the page.
 */
function typeInWorkbench(text: string): void {
  console.log(`[keys] ${JSON.stringify({ type: text })}`);
}

const SAM_EXPECTED = [
  '11:differential-diagnosis', '20:hold-out-of-range', '20:sets-out-of-range', '21:missing-dosage-component',
  '21:steps-out-of-range', '25:timing-mismatch', '26:unknown-exercise', '33:off-program-dosage', '33:pain-above-threshold',
  '34:off-program-dosage', '37:consider-regression', '37:off-program-dosage', '37:pain-above-threshold', '41:dates-out-of-order',
  '42:off-program-dosage', '42:pain-above-threshold',
];

describe('Athlete Log in a real VS Code', function () {
  this.timeout(120000);
  let api: AthleteLogApi;

  before(async () => {
    api = await activateExtension();
    const host = typeof process !== 'undefined' && process.versions?.node ? `node ${process.versions.node}` : 'web worker';
    console.log(`[integration] VS Code ${vscode.version}, extension host: ${host}, uiKind ${vscode.env.uiKind}`);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags the example log with exactly the expected rules and lines', async () => {
    const editor = await open('sam.athlete.md');
    const ds = await diagnostics(editor.document.uri, (d) => summary(d).length >= SAM_EXPECTED.length, 'the example log\'s findings');
    assert.deepStrictEqual(summary(ds), SAM_EXPECTED);
    const sets = ds.find((d) => codeOf(d) === 'sets-out-of-range');
    assert.ok(sets);
    assert.strictEqual(sets.source, 'athlete-log');
    assert.strictEqual(sets.message, '5 sets; the Chair Bridge guideline says 2-3 sets (Hamstrung, iRunFar)');
    assert.strictEqual(sets.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(typeof sets.code === 'object', 'the code carries a link');
    const page = sets.code.target;
    assert.ok(page.path.endsWith('/docs/rules/sets-out-of-range.md') && page.fragment === '', `the code links to the rule's own page: ${page.toString()}`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(page));
    assert.ok(text.startsWith('# sets-out-of-range\n'), 'the linked page documents that rule');
    assert.ok(sets.relatedInformation?.[0]?.message.includes('Uhan'), 'related information names the guideline source');
    assert.ok(sets.relatedInformation?.[0]?.location.uri.path.endsWith('/guidelines/hamstring.md'));
    assert.ok(api.status.text.includes('Sam Sprinter'), `status bar: ${api.status.text}`);
    assert.match(api.status.text, / · \d+ to fix · \d+ notes?$/, 'fixes needed and notes apart');
  });

  it('applies a quick fix and the finding goes', async () => {
    const editor = await open('sam.athlete.md');
    const uri = editor.document.uri;
    await settled(api, editor.document);
    const ds = await diagnostics(uri, (d) => d.some((x) => codeOf(x) === 'sets-out-of-range'), 'sets-out-of-range');
    const sets = ds.find((d) => codeOf(d) === 'sets-out-of-range');
    assert.ok(sets);
    const actions = await codeActions(uri, sets.range, (a) => a.some((x) => x.title === 'Disable sets-out-of-range for this line'));
    const fix = actions.find((a) => a.isPreferred && a.title.startsWith('Change to three') && a.kind?.value === 'quickfix');
    assert.ok(fix?.edit, `a preferred fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Disable sets-out-of-range for this line'));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'sets-out-of-range') && d.some((x) => codeOf(x) === 'hold-out-of-range'), 'the fixed finding to go');
    assert.ok(editor.document.lineAt(19).text.startsWith('- Chair Bridge: three sets of ten, hold 8 s'), editor.document.lineAt(19).text);
    await revert(editor);
  });

  it('disables a rule for one line with the suppression comment', async () => {
    const editor = await open('sam.athlete.md');
    const uri = editor.document.uri;
    await settled(api, editor.document);
    // Sam logs pain in three sessions; the one on line 37 (6/10) is suppressed.
    const isPain37 = (x: vscode.Diagnostic, line: number): boolean => codeOf(x) === 'pain-above-threshold' && x.range.start.line === line;
    const ds = await diagnostics(uri, (d) => d.some((x) => isPain37(x, 36)), 'pain-above-threshold');
    const pain = ds.find((d) => isPain37(d, 36));
    assert.ok(pain);
    const actions = await codeActions(uri, pain.range, (a) => a.some((x) => x.title === 'Disable pain-above-threshold for this line'));
    const disable = actions.find((a) => a.title === 'Disable pain-above-threshold for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    // The comment goes in above line 37, so the suppressed line is now line 38 (0-based 37).
    await diagnostics(uri, (d) => !d.some((x) => isPain37(x, 37)) && d.some((x) => codeOf(x) === 'pain-above-threshold'), 'the suppressed finding to go');
    assert.strictEqual(editor.document.lineAt(36).text, '<!-- athlete-log-disable-next-line pain-above-threshold -->');
    await revert(editor);
  });

  it('fixes everything fixable in one command', async () => {
    const editor = await open('sam.athlete.md');
    const uri = editor.document.uri;
    await settled(api, editor.document);
    await diagnostics(uri, (d) => summary(d).length >= SAM_EXPECTED.length, 'the findings');
    const said = waitFor(api.onDidConfirm, (m) => / in sam\.athlete\.md/.test(m), 'what Fix All changed');
    assert.strictEqual(await vscode.commands.executeCommand('athleteLog.fixAll'), true);
    assert.match(await said ?? '', /^\d+ fixes in sam\.athlete\.md/);
    // The command returns after its last check: nothing a bulk fix may apply is left.
    const state = api.checker.state(editor.document);
    assert.ok(state, 'the fixed text is checked');
    assert.deepStrictEqual(state.result.findings.filter((f) => f.fix && !f.fix.raisesDose).map((f) => f.ruleId), []);
    const after = await diagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'sets-out-of-range') && d.length > 0, 'the fixed findings gone');
    assert.ok(after.some((d) => codeOf(d) === 'pain-above-threshold'), 'findings without a fix stay');
    // One command reaches the fixed point: the renamed drill's bouts are fixed too.
    assert.strictEqual(editor.document.lineAt(25).text, '- Skipping drill: 4 bouts x 15 s, before run');
    await revert(editor);
  });

  it('reads a guideline file named in front matter and points at it', async () => {
    const editor = await open('jane.athlete.md');
    const ds = await diagnostics(editor.document.uri, (d) => summary(d).length > 1, 'the clinic guideline finding');
    // Jane's pain 2/10 is above the acute-strain library's pain-free limit (hamstring-review F6).
    assert.deepStrictEqual(summary(ds), ['15:sets-out-of-range', '20:pain-above-threshold']);
    const heel = ds.find((d) => codeOf(d) === 'sets-out-of-range');
    assert.strictEqual(heel?.message, '5 sets; the Heel Slide guideline says 2-3 sets (Clinic protocol, 2026)');
    assert.ok(heel?.relatedInformation?.[0]?.location.uri.path.endsWith('/clinic.md'));
  });

  it('completes Chair Bridge with a dosage that checks clean', async () => {
    const editor = await open('jane.athlete.md');
    const uri = editor.document.uri;
    await diagnostics(uri, (d) => summary(d).length === 2, 'the first check');
    const line = 15;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), '- Ch\n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 4));
    const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'Chair Bridge');
    assert.ok(item, `Chair Bridge among ${list.items.length} items`);
    assert.ok(item.insertText instanceof vscode.SnippetString);
    const range = item.range instanceof vscode.Range ? item.range : new vscode.Range(line, 2, line, 4);
    assert.ok(await editor.insertSnippet(item.insertText, range));
    assert.strictEqual(editor.document.lineAt(line).text, '- Chair Bridge: 2 x 10, hold 3 s, 1x daily');
    await settled(api, editor.document);
    // The completed line has no dosage finding; it is the phase's second Chair Bridge, which is flagged.
    assert.deepStrictEqual(summary(vscode.languages.getDiagnostics(uri)), ['15:sets-out-of-range', '16:duplicate-prescription', '21:pain-above-threshold'], 'the completed line checks clean');
    await revert(editor);
  });

  it('keeps a typed dosage line exactly as typed when Enter is pressed at its end (keystrokes in the workbench)', async () => {
    const editor = await open('jane.athlete.md');
    const document = editor.document;
    await settled(api, document);
    // A new item under Phase 1, after `- Heel Slide: ...` (line 15), typed as a coach types it.
    const end = document.lineAt(14).range.end;
    editor.selection = new vscode.Selection(end, end);
    const typed = '- Chair Bridge: 3 x 10, hold 5 s';
    const done = waitFor(vscode.workspace.onDidChangeTextDocument, (e) => e.document === document && document.getText().includes('Done'), 'the typed keys');
    typeInWorkbench(`\n${typed}\nDone`);
    await done;
    // Enter gave exactly the typed line and a new line (no completion took the Enter).
    assert.deepStrictEqual([document.lineAt(14).text, document.lineAt(15).text, document.lineAt(16).text], ['- Heel Slide: 5 x 12, 1x daily', typed, 'Done']);
    await revert(editor);
  });

  it('shows the guideline card on hover, with its source', async () => {
    const editor = await open('jane.athlete.md');
    await settled(api, editor.document);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(13, 5));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.ok(text.includes('Chair Bridge'), text);
    assert.ok(text.includes('Hamstrung'), text);
    const dosage = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(14, 16));
    const words = dosage.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.ok(words.includes('out of range'), words);
  });

  it('inserts a contributed snippet', async () => {
    const editor = await open('jane.athlete.md');
    const end = editor.document.lineCount;
    editor.selection = new vscode.Selection(end, 0, end, 0);
    await editor.edit((b) => b.insert(new vscode.Position(end, 0), '\n'));
    editor.selection = new vscode.Selection(end, 0, end, 0);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Session for today' });
    assert.ok(/^### \d{4}-\d{2}-\d{2}$/.test(editor.document.lineAt(end).text), editor.document.lineAt(end).text);
    await revert(editor);
  });

  it('outlines the program and the log', async () => {
    const editor = await open('sam.athlete.md');
    const all = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    // The built-in Markdown extension adds its heading tree (names start with #); ours are the log's parts.
    const symbols = all.filter((s) => !s.name.startsWith('#'));
    assert.deepStrictEqual(symbols.map((s) => s.name), ['Assessment', 'Program', 'Log']);
    assert.deepStrictEqual(symbols[1]?.children.map((s) => s.name), ['Phase 1: Strength (weeks 1-3)', 'Phase 2: Gait (weeks 4-6)']);
    assert.deepStrictEqual(symbols[1]?.children[0]?.children.map((s) => s.name), ['Chair Bridge', 'Bridge Walk-Out', 'Power Position']);
    assert.deepStrictEqual(symbols[2]?.children.map((s) => s.name), ['2026-10-20', '2026-10-22', '2026-10-21']);
  });

  it('creates a new athlete log from the template, to be saved under the athlete\'s name, and the preview follows it', async () => {
    await open('jane.athlete.md');
    const first = rendered(api, (h) => h === 'Jane Runner');
    await vscode.commands.executeCommand('athleteLog.openPreviewToSide');
    await first;
    const follows = rendered(api, (h) => h === 'Test Runner');
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('athleteLog.newLog', { athlete: 'Test Runner', condition: 'Right calf strain' });
    assert.ok(editor);
    const text = editor.document.getText();
    assert.ok(text.includes('athlete: Test Runner'), text);
    assert.ok(text.includes('condition: Right calf strain'), text);
    assert.ok(text.includes('side: right'), text);
    // Untitled, with the path Save proposes: the athlete's name in the workspace folder.
    assert.strictEqual(editor.document.uri.scheme, 'untitled');
    assert.strictEqual(editor.document.uri.path, vscode.Uri.joinPath(root(), 'test-runner.athlete.md').path);
    assert.strictEqual(await follows, 'Test Runner');
    assert.strictEqual(api.preview.document?.toString(), editor.document.uri.toString());
    await settled(api, editor.document);
    const state = api.checker.state(editor.document);
    assert.strictEqual(state?.result.log.athlete, 'Test Runner');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('re-checks when a setting changes', async () => {
    const editor = await open('sam.athlete.md');
    const uri = editor.document.uri;
    await diagnostics(uri, (d) => d.some((x) => codeOf(x) === 'sets-out-of-range'), 'sets-out-of-range');
    const config = vscode.workspace.getConfiguration('athleteLog');
    await config.update('rules', { 'sets-out-of-range': 'off', 'pain-above-threshold': 'error' }, vscode.ConfigurationTarget.Workspace);
    try {
      const ds = await diagnostics(uri, (d) => !d.some((x) => codeOf(x) === 'sets-out-of-range') && d.some((x) => codeOf(x) === 'pain-above-threshold' && x.severity === vscode.DiagnosticSeverity.Error), 'the new severities');
      assert.strictEqual(summary(ds).length, SAM_EXPECTED.length - 1);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnostics(uri, (d) => d.some((x) => codeOf(x) === 'sets-out-of-range'), 'the default severities again');
  });

  it('adds a guideline for an unknown exercise to a new workspace guideline file, and the exercise is known', async () => {
    const log = file('add-guideline.athlete.md');
    const target = file('athlete-guidelines.md');
    await vscode.workspace.fs.writeFile(log, new TextEncoder().encode('---\nathlete: Add Test\n---\n\n## Program\n- Spanish squat: 5 reps, hold 45 s, 1x daily\n'));
    const config = vscode.workspace.getConfiguration('athleteLog');
    try {
      const editor = await open('add-guideline.athlete.md');
      const ds = await diagnostics(log, (d) => d.some((x) => codeOf(x) === 'unknown-exercise'), 'unknown-exercise');
      const unknown = ds.find((d) => codeOf(d) === 'unknown-exercise');
      assert.ok(unknown);
      const actions = await codeActions(log, unknown.range, (a) => a.some((x) => x.title === 'Add a guideline for Spanish squat'));
      const add = actions.find((a) => a.title === 'Add a guideline for Spanish squat');
      assert.ok(add?.command, `the action among: ${actions.map((a) => a.title).join(' | ')}`);
      await vscode.commands.executeCommand(add.command.command, ...(add.command.arguments ?? []));
      const written = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.ok(written.includes('## Spanish squat\n- Dosage: 5 reps, hold 45 s, 1x daily\n'), written);
      assert.deepStrictEqual(vscode.workspace.getConfiguration('athleteLog').get('guidelineFiles'), ['athlete-guidelines.md']);
      await vscode.window.showTextDocument(editor.document);
      await diagnostics(log, (d) => !d.some((x) => codeOf(x) === 'unknown-exercise'), 'the exercise to be known');
    } finally {
      await config.update('guidelineFiles', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(log);
      await vscode.workspace.fs.delete(target);
    }
  });

  it('leaves Markdown that is not an athlete log alone', async () => {
    const uri = file('README.md');
    const done = checked(api, uri);
    await open('README.md');
    await done;
    assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), []);
  });

  it('checks every log in the workspace on command', async () => {
    const uri = file('unopened.athlete.md');
    const said = waitFor(api.onDidConfirm, (m) => m.startsWith('Athlete Log: checked'), 'the confirmation');
    const result = await vscode.commands.executeCommand<{ logs: number; findings: number; toFix: number; notes: number }>('athleteLog.checkWorkspace');
    assert.ok(result.logs >= 3, `logs checked: ${result.logs}`);
    assert.strictEqual(await said, `Athlete Log: checked ${result.logs} logs; ${result.toFix} to fix, ${result.notes} ${result.notes === 1 ? 'note' : 'notes'}.`);
    const ds = await diagnostics(uri, (d) => summary(d).length > 0, 'the unopened log\'s findings');
    assert.deepStrictEqual(summary(ds), ['6:sets-out-of-range']);
  });

  it('opens the preview beside the log, updates it while typing, and reveals a clicked line', async () => {
    const editor = await open('jane.athlete.md');
    const source = editor.document.uri.toString();
    const first = rendered(api, (h) => h === 'Jane Runner');
    await vscode.commands.executeCommand('athleteLog.openPreviewToSide');
    assert.strictEqual(await first, 'Jane Runner');
    assert.strictEqual(api.preview.document?.toString(), source);
    const second = rendered(api, (h) => h === 'Janet Runner');
    await editor.edit((b) => b.replace(new vscode.Range(1, 9, 1, 13), 'Janet'));
    assert.strictEqual(await second, 'Janet Runner');
    await api.preview.receive({ type: 'reveal', source, line: 14 });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), source);
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 13);
    // A message about another document changes nothing.
    await api.preview.receive({ type: 'reveal', source: 'file:///elsewhere/other.md', line: 3 });
    assert.strictEqual(vscode.window.activeTextEditor?.selection.active.line, 13);
    await revert(editor);
  });

  it('sends the preview its content again when it is shown after being hidden', async () => {
    const editor = await open('jane.athlete.md');
    const first = rendered(api, (h) => h === 'Jane Runner');
    await vscode.commands.executeCommand('athleteLog.openPreviewToSide');
    assert.strictEqual(await first, 'Jane Runner');
    // Another editor in the preview's group hides it; closing that editor shows the preview again.
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'scratch' });
    await vscode.window.showTextDocument(other, { viewColumn: vscode.ViewColumn.Two });
    const again = rendered(api, (h) => h === 'Jane Runner');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    assert.strictEqual(await again, 'Jane Runner');
    await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
  });

  it('exports the program as a standalone page and copies a summary', async () => {
    await open('jane.athlete.md');
    const target = file('jane-handout.html');
    const exported = waitFor(api.onDidConfirm, (m) => m.includes('handout saved'), 'the export confirmation');
    const written = await vscode.commands.executeCommand<vscode.Uri>('athleteLog.exportHtml', { target });
    assert.strictEqual(written.toString(), target.toString());
    assert.strictEqual(await exported, 'Athlete Log: handout saved as jane-handout.html.');
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(html.includes('<h1>Jane Runner</h1>'), html.slice(0, 400));
    assert.ok(html.includes('default-src &#39;none&#39;'), 'the policy lets nothing load');
    assert.ok(!/<script/i.test(html), 'no script in the handout');
    const copied = waitFor(api.onDidConfirm, (m) => m.includes('summary'), 'the copy confirmation');
    const summary = await vscode.commands.executeCommand<string>('athleteLog.copySummary');
    assert.strictEqual(await copied, 'Athlete Log: the summary of Jane Runner is copied to the clipboard.');
    assert.ok(summary.startsWith('Athlete: Jane Runner\n'), summary);
    assert.ok(summary.includes('- Heel Slide: 5 sets of 12 reps, once daily [guideline: Clinic protocol, 2026]'), summary);
  });

  it('exports the handout as PDF with a local browser (Node host), or says how to print the HTML export (web)', async () => {
    await open('jane.athlete.md');
    const target = file('jane-handout.pdf');
    const result = await vscode.commands.executeCommand<{ target?: vscode.Uri; message?: string }>('athleteLog.exportPdf', { target });
    if (typeof process !== 'undefined' && process.versions?.node) {
      assert.strictEqual(result.target?.toString(), target.toString(), result.message);
      const bytes = await vscode.workspace.fs.readFile(target);
      assert.strictEqual(new TextDecoder().decode(bytes.subarray(0, 5)), '%PDF-');
    } else {
      assert.match(result.message ?? '', /Export Program as HTML/);
      assert.match(result.message ?? '', /Save as PDF/);
    }
  });

  it('does not check a log over the size limit, and checks it again when the limit allows', async () => {
    const editor = await open('sam.athlete.md');
    const uri = editor.document.uri;
    await diagnostics(uri, (d) => summary(d).length >= SAM_EXPECTED.length, 'the findings');
    const config = vscode.workspace.getConfiguration('athleteLog');
    await config.update('maxFileSize', 100, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnostics(uri, (d) => d.length === 0, 'no diagnostics for a log over the limit');
    } finally {
      await config.update('maxFileSize', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnostics(uri, (d) => summary(d).length >= SAM_EXPECTED.length, 'the findings again');
  });

  it('checks a long log, and an edit to it, with the parsing on a worker thread in the Node host', async () => {
    const content = `${generateLog(300 * 1024)}\n### 2020-12-01\n- Chair Bridge: 9 x 10\n`;
    const last = content.split('\n').length - 1;
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    const editor = await vscode.window.showTextDocument(doc);
    const before = api.parsedOffThread();
    await diagnostics(doc.uri, (d) => summary(d).includes(`${last}:sets-out-of-range`), 'the finding at the end of a long log');
    const node = typeof process !== 'undefined' && Boolean(process.versions?.node);
    if (node) {
      assert.ok((api.parsedOffThread() ?? 0) > (before ?? 0) + 10, `the worker parsed the log (${before} -> ${api.parsedOffThread()})`);
    } else {
      assert.equal(api.parsedOffThread(), undefined, 'the web-worker host parses in its own thread');
    }
    const after = api.parsedOffThread();
    await editor.edit((e) => e.replace(new vscode.Range(last - 1, 16, last - 1, 17), '3'));
    await diagnostics(doc.uri, (d) => !summary(d).includes(`${last}:sets-out-of-range`), 'the finding gone after the edit');
    assert.equal(api.parsedOffThread(), after, 'an edit is parsed in the checking thread');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reports a guideline file outside the workspace instead of reading it', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\nathlete: Out\nguidelines: /etc/outside-guidelines.md\n---\n## Program\n- Chair Bridge: 3 x 10\n' });
    await vscode.window.showTextDocument(doc);
    const state = await api.checker.check(doc);
    const f = state?.result.findings.find((x) => x.ruleId === 'guideline-file-problem');
    assert.ok(f, JSON.stringify(state?.result.findings.map((x) => x.message)));
    assert.ok(/outside the workspace|not found|cannot be read/.test(f.message), f.message);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
