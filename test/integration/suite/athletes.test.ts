/**
 * The Athletes view and the caseload page inside a real VS Code extension host (Node or web worker). The
 * suite writes the project's three example logs into the test workspace's examples/ folder first. The
 * caseload is read as of a fixed date, so the order does not depend on the day the suite runs. Every wait
 * is on an event, never a sleep.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AthleteNode } from '../../../src/vscode/athletes';
import type { AthleteLogApi } from '../../../src/vscode/extension';
import alex from '../../../examples/alex-progressing.athlete.md';
import jane from '../../../examples/jane-runner.athlete.md';
import sam from '../../../examples/sam-sprinter.athlete.md';
import { activateExtension, waitFor } from './wait';

const EXAMPLES: Record<string, string> = { 'alex-progressing.athlete.md': alex, 'jane-runner.athlete.md': jane, 'sam-sprinter.athlete.md': sam };
/** The workspace's own logs (jane, sam, unopened) and the three examples. */
const LOGS = 6;

const TODAY = '2026-12-01';
/** The three example athletes (examples/*.athlete.md) in attention order as of TODAY. */
const EXAMPLES_IN_ORDER = ['Sam Sprinter', 'Jane Runner', 'Alex Strider'];

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return folder.uri;
}

/** The folder of a listed log relative to the workspace ('' for the workspace root). */
function folderOf(uri: vscode.Uri): string {
  const rel = vscode.workspace.asRelativePath(uri, false);
  return rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
}

function athletes(nodes: readonly AthleteNode[]): Extract<AthleteNode, { kind: 'athlete' }>[] {
  return nodes.filter((n): n is Extract<AthleteNode, { kind: 'athlete' }> => n.kind === 'athlete');
}

describe('Athletes view and caseload page', function () {
  this.timeout(90000);
  let api: AthleteLogApi;

  before(async () => {
    api = await activateExtension();
    await api.caseload.setToday(TODAY);
    await api.caseload.ensure();
    for (const [name, text] of Object.entries(EXAMPLES)) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root(), 'examples', name), new TextEncoder().encode(text));
    }
    // A build of the whole workspace sees them (the file watcher may report them as well).
    await api.caseload.refresh();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the example logs in attention order, with their flags, icon and tooltip', () => {
    const nodes = athletes(api.athletes.getChildren());
    const examples = nodes.filter((n) => folderOf(n.entry.file) === 'examples');
    assert.deepStrictEqual(examples.map((n) => n.entry.summary.athlete), EXAMPLES_IN_ORDER);
    // Every log of the workspace is listed, and nothing that is not a log.
    const files = nodes.map((n) => vscode.workspace.asRelativePath(n.entry.file, false)).sort();
    for (const f of ['jane.athlete.md', 'sam.athlete.md', 'unopened.athlete.md', 'examples/alex-progressing.athlete.md']) {
      assert.ok(files.includes(f), `${f} among ${files.join(', ')}`);
    }
    assert.ok(!files.includes('README.md') && !files.includes('clinic.md'), 'only athlete logs');
    assert.strictEqual(nodes.length, LOGS, files.join(', '));
    const first = nodes[0];
    assert.ok(first);
    const item = api.athletes.getTreeItem(first);
    assert.strictEqual(item.label, first.entry.summary.athlete);
    assert.ok(typeof item.description === 'string' && item.description.length > 0);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    assert.ok(typeof item.tooltip === 'string' && item.tooltip.includes('Last session: '), String(item.tooltip));
  });

  it('opens a log when its item is clicked', async () => {
    const node = athletes(api.athletes.getChildren()).find((n) => n.entry.summary.athlete === 'Jane Runner' && folderOf(n.entry.file) === 'examples');
    assert.ok(node);
    const command = api.athletes.getTreeItem(node).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), node.entry.key);
  });

  it('groups athletes by condition or coach on the setting, in attention order within a group', async () => {
    const config = vscode.workspace.getConfiguration('athleteLog');
    try {
      await config.update('athletes.groupBy', 'coach', vscode.ConfigurationTarget.Workspace);
      const groups = api.athletes.getChildren().filter((n) => n.kind === 'group');
      assert.deepStrictEqual(groups.map((g) => api.athletes.getTreeItem(g).label).sort(), ['Alex Coach', 'No coach', 'Sam Coach']);
      const sam = groups.find((g) => g.group.label === 'Sam Coach');
      assert.ok(sam);
      const inGroup = api.athletes.getChildren(sam).map((n) => (n.kind === 'athlete' ? n.entry.file.toString() : ''));
      await config.update('athletes.groupBy', 'none', vscode.ConfigurationTarget.Workspace);
      const order = athletes(api.athletes.getChildren()).map((n) => n.entry.file.toString());
      assert.deepStrictEqual(inGroup, order.filter((u) => inGroup.includes(u)), 'the view\'s order within the group');
    } finally {
      await config.update('athletes.groupBy', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('reads a new log, and only it, when it appears; drops it when it is deleted', async () => {
    const uri = vscode.Uri.joinPath(root(), 'new-athlete.athlete.md');
    const before = api.caseload.summarized;
    const listed = (): boolean => api.caseload.entries().some((e) => e.key === uri.toString());
    const added = waitFor(api.caseload.onDidChange, listed, 'the new log to be listed');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\nathlete: Nova Newcomer\n---\n\n## Log\n\n### 2026-11-30\n- Chair Bridge: 3 x 10. Pain 1/10\n'));
    await added;
    await api.caseload.whenIdle();
    assert.strictEqual(api.caseload.summarized - before, 1, 'one file read again, not the whole workspace');
    assert.ok(athletes(api.athletes.getChildren()).some((n) => n.entry.summary.athlete === 'Nova Newcomer'));
    const gone = waitFor(api.caseload.onDidChange, () => !listed(), 'the deleted log to go');
    await vscode.workspace.fs.delete(uri);
    await gone;
  });

  it('stops reading logs on Stop, keeps what it read, and reads the rest on Refresh', async () => {
    const progress = (): string => JSON.stringify(api.caseload.progress);
    const started = waitFor(api.caseload.onDidChange, () => api.caseload.progress.building && api.caseload.progress.done >= 1, 'the build to start');
    // Another date: every log is read again, in steps.
    const build = api.caseload.setToday('2026-12-02');
    await started;
    await vscode.commands.executeCommand('athleteLog.stopReadingLogs');
    await build;
    assert.ok(api.caseload.progress.stopped, progress());
    assert.ok(api.caseload.progress.done < api.caseload.progress.total, progress());
    assert.strictEqual(athletes(api.athletes.getChildren()).length, LOGS, 'the logs read before stay listed');
    await api.caseload.setToday(TODAY);
    await vscode.commands.executeCommand('athleteLog.refreshAthletes');
    assert.ok(!api.caseload.progress.stopped, progress());
    assert.strictEqual(athletes(api.athletes.getChildren()).length, LOGS);
  });

  it('opens the caseload page with the same athletes in the same order, and a row opens its log', async () => {
    const entries = api.caseload.entries();
    const shown = waitFor(api.caseloadPanel.onDidRender, (e) => e.rows === entries.length && e.first === entries[0]?.summary.athlete, 'the caseload page');
    await vscode.commands.executeCommand('athleteLog.openCaseload');
    await shown;
    const target = entries.find((e) => e.summary.athlete === 'Alex Strider');
    assert.ok(target);
    await api.caseloadPanel.receive({ type: 'open', uri: target.key });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.key);
    // A URI the caseload does not list is not opened.
    await api.caseloadPanel.receive({ type: 'open', uri: vscode.Uri.joinPath(root(), 'README.md').toString() });
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), target.key);
  });
});
