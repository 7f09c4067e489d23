/**
 * Composition root: one core service, thin adapters registered in a flat list. No domain logic here.
 * The same file is bundled for the Node extension host (main) and the web-worker host (browser).
 */
import { vscode } from './api.js';
import { ADD_GUIDELINE_COMMAND, addGuidelineCommand } from './addGuideline.js';
import { AthletesView, pickGrouping } from './athletes.js';
import { Caseload } from './caseload.js';
import { CaseloadPanel } from './caseloadPanel.js';
import { AthleteLogCodeActions } from './codeActions.js';
import { checkWorkspace, copySummary, exportHtml, exportPdf, fixAll, newLog } from './commands.js';
import { AthleteLogCompletion, COMPLETION_TRIGGERS } from './completion.js';
import { LogChecker } from './diagnostics.js';
import { createVsCodeService } from './host.js';
import { onDidConfirm } from './notify.js';
import { AthleteLogHover } from './hover.js';
import { PREVIEW_VIEW_TYPE, ProgramPreview } from './preview.js';
import { SECTION } from './settings.js';
import { AthleteStatus } from './statusBar.js';
import { AthleteLogSymbols } from './symbols.js';

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export interface AthleteLogApi {
  readonly checker: LogChecker;
  readonly status: AthleteStatus;
  readonly preview: ProgramPreview;
  /** Every athlete log's caseload summary (the Athletes view and Open Caseload read it). */
  readonly caseload: Caseload;
  readonly athletes: AthletesView;
  readonly caseloadPanel: CaseloadPanel;
  /** Trees parsed on the worker thread so far; `undefined` where the host has no parse worker (the web). */
  readonly parsedOffThread: () => number | undefined;
  /** Fires with each confirmation a command shows (Check All Logs, Copy Summary, the exports, Fix All). */
  readonly onDidConfirm: vscode.Event<string>;
}

export function activate(context: vscode.ExtensionContext): AthleteLogApi {
  const output = vscode.window.createOutputChannel('Athlete Log');
  const host = createVsCodeService(output);
  const checker = new LogChecker(host.service, context.extensionUri);
  const status = new AthleteStatus(checker);
  const preview = new ProgramPreview(checker, context.extensionUri);
  const caseload = new Caseload((request, today) => host.service.summarize(request, today), (path) => host.service.forget(path));
  const athletes = new AthletesView(caseload);
  const caseloadPanel = new CaseloadPanel(caseload, context.extensionUri);
  const openPreview = (column: vscode.ViewColumn) => (uri?: vscode.Uri): void => {
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
    if (document) {
      preview.show(document, column);
    }
  };
  // The context key behind the editor-title button and the keybinding.
  const updateContext = (): void => {
    const doc = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', 'athleteLog.isLog', doc ? checker.isLog(doc) : false);
  };
  const recheckSoon = debounce(() => checker.recheckOpen(), 300);
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');

  context.subscriptions.push(
    output, host, checker, status, preview, watcher, caseload, athletes, caseloadPanel,
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    checker.onDidCheck(updateContext),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, preview),
    vscode.commands.registerCommand('athleteLog.openPreview', openPreview(vscode.ViewColumn.Active)),
    vscode.commands.registerCommand('athleteLog.openPreviewToSide', openPreview(vscode.ViewColumn.Beside)),
    vscode.commands.registerCommand('athleteLog.exportHtml', (args?: { target?: vscode.Uri }) => exportHtml(checker, args)),
    vscode.commands.registerCommand('athleteLog.exportPdf', (args?: { target?: vscode.Uri }) => exportPdf(checker, args)),
    vscode.commands.registerCommand('athleteLog.copySummary', () => copySummary(checker)),
    vscode.workspace.onDidOpenTextDocument((d) => {
      // A document just opened shares nothing with an earlier one of the same path (a new Untitled-1
      // after the last was closed, whose close may be reported later): start its check afresh.
      checker.service.forget(d.uri.path);
      checker.schedule(d, 0);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) {
        checker.schedule(e.document);
      }
    }),
    vscode.workspace.onDidCloseTextDocument((d) => checker.clear(d.uri)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) {
        checker.recheckOpen();
      }
    }),
    // A guideline file may have changed: re-check the open logs (cheap, and debounced).
    watcher.onDidChange(recheckSoon), watcher.onDidCreate(recheckSoon), watcher.onDidDelete(recheckSoon),
    vscode.workspace.onDidSaveTextDocument(recheckSoon),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new AthleteLogCodeActions(checker), { providedCodeActionKinds: AthleteLogCodeActions.providedCodeActionKinds }),
    vscode.languages.registerCompletionItemProvider(MARKDOWN, new AthleteLogCompletion(checker), ...COMPLETION_TRIGGERS),
    vscode.languages.registerHoverProvider(MARKDOWN, new AthleteLogHover(checker, context.extensionUri)),
    vscode.languages.registerDocumentSymbolProvider(MARKDOWN, new AthleteLogSymbols(checker), { label: 'Athlete Log' }),
    vscode.commands.registerCommand('athleteLog.checkWorkspace', () => checkWorkspace(checker)),
    vscode.commands.registerCommand('athleteLog.newLog', (args?: { athlete?: string; condition?: string }) => newLog(args)),
    vscode.commands.registerCommand('athleteLog.fixAll', () => fixAll(checker)),
    vscode.commands.registerCommand('athleteLog.openCaseload', () => caseloadPanel.show()),
    vscode.commands.registerCommand('athleteLog.refreshAthletes', () => caseload.refresh()),
    vscode.commands.registerCommand('athleteLog.stopReadingLogs', () => caseload.stop()),
    vscode.commands.registerCommand('athleteLog.groupAthletes', () => pickGrouping()),
    vscode.commands.registerCommand(ADD_GUIDELINE_COMMAND, (entry: Parameters<typeof addGuidelineCommand>[0], log: vscode.Uri) => addGuidelineCommand(entry, log)),
  );
  for (const d of vscode.workspace.textDocuments) {
    checker.schedule(d, 0);
  }
  updateContext();
  return { checker, status, preview, caseload, athletes, caseloadPanel, parsedOffThread: () => host.parser?.parsed, onDidConfirm };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function debounce(fn: () => void, ms: number): () => void {
  let t: ReturnType<typeof setTimeout> | undefined;
  return () => {
    if (t !== undefined) {
      clearTimeout(t);
    }
    t = setTimeout(fn, ms);
  };
}
