/** Commands: Check All Logs in Workspace, New Athlete Log, Fix All in This Log, the handout's exports. */
import { vscode } from './api.js';
import { bulkFixes, heldBackInBulk, selectFixes } from '../core/index.js';
import { SETTING_DEFAULTS } from '../core/options.js';
import { logFileName, newLogSnippet } from '../core/snippets.js';
import previewCss from '../../media/preview.css';
import { localToday } from '../shared/today.js';
import { fixAllEdit } from './codeActions.js';
import { confirm } from './notify.js';
import type { LogChecker } from './diagnostics.js';
import { readSettings, SECTION } from './settings.js';

/** What Check All Logs found, for tests: the logs checked, and their findings to fix and notes apart. */
export interface WorkspaceCheck {
  logs: number;
  findings: number;
  toFix: number;
  notes: number;
  cancelled: boolean;
}

export async function checkWorkspace(checker: LogChecker): Promise<WorkspaceCheck> {
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Athlete Log: checking logs', cancellable: true }, async (progress, token) => {
    const files = await vscode.workspace.findFiles('**/*.md', '{**/node_modules/**,**/.git/**}', undefined, token);
    const decoder = new TextDecoder('utf-8');
    const done: WorkspaceCheck = { logs: 0, findings: 0, toFix: 0, notes: 0, cancelled: false };
    for (const uri of files) {
      if (token.isCancellationRequested) {
        return { ...done, cancelled: true };
      }
      progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
      const findings = await checker.checkUri(uri, text);
      if (findings) {
        done.logs++;
        done.findings += findings.length;
        done.toFix += findings.filter((f) => f.severity === 'error' || f.severity === 'warning').length;
      }
    }
    done.notes = done.findings - done.toFix;
    return done;
  });
  const logs = `${result.logs} ${result.logs === 1 ? 'log' : 'logs'}`;
  const found = result.findings === 0 ? 'nothing to fix' : `${result.toFix} to fix, ${result.notes} ${result.notes === 1 ? 'note' : 'notes'}`;
  confirm(result.cancelled ? `Athlete Log: stopped after ${logs}; ${found} so far.` : `Athlete Log: checked ${logs}; ${found}.`, result.findings === 0 ? undefined : {
    title: 'Show Problems', run: () => vscode.commands.executeCommand('workbench.actions.view.problems'),
  });
  return result;
}

/** Asks for the athlete and the condition (or takes them as arguments, for keybindings and tests). */
export async function newLog(args?: { athlete?: string; condition?: string }): Promise<vscode.TextEditor | undefined> {
  const athlete = args?.athlete ?? await vscode.window.showInputBox({
    title: 'New Athlete Log', prompt: "The athlete's name", placeHolder: 'Jane Runner',
    validateInput: (v) => (v.trim() === '' ? 'Enter a name' : undefined),
  });
  if (athlete === undefined) {
    return undefined;
  }
  const condition = args?.condition ?? await vscode.window.showInputBox({ title: 'New Athlete Log', prompt: 'The condition', placeHolder: 'Left hamstring strain' });
  if (condition === undefined) {
    return undefined;
  }
  const target = await newLogTarget(athlete);
  const doc = target ? await vscode.workspace.openTextDocument(target) : await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(newLogSnippet(athlete.trim(), condition.trim() || 'Left hamstring strain')));
  return editor;
}

/**
 * Where a new log is saved: an untitled document with the path `<workspace folder>/<athlete>.athlete.md`
 * (Save proposes that file), numbered when a file or an open document has the name. Without a workspace
 * folder, undefined (a plain Untitled document).
 */
async function newLogTarget(athlete: string): Promise<vscode.Uri | undefined> {
  const folder = vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : undefined;
  const root = (folder ?? vscode.workspace.workspaceFolders?.[0])?.uri;
  if (!root) {
    return undefined;
  }
  for (let n = 1; n < 100; n++) {
    const file = vscode.Uri.joinPath(root, logFileName(athlete.trim(), n));
    const untitled = file.with({ scheme: 'untitled' });
    const open = vscode.workspace.textDocuments.some((d) => d.uri.path === file.path && (d.uri.scheme === 'untitled' || d.uri.scheme === file.scheme));
    const exists = await vscode.workspace.fs.stat(file).then(() => true, () => false);
    if (!open && !exists) {
      return untitled;
    }
  }
  return undefined;
}

/** Rounds of Fix All before it stops (a fix can expose another; this bounds the loop). */
const FIX_PASSES = 5;

/**
 * Fix All: applies every fix that does not raise a dose, checks again and goes on while fixes apply (a
 * renamed exercise gets its own dosage fixes), then says what it changed. Resolves true for a log.
 */
export async function fixAll(checker: LogChecker): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  let state = document ? checker.state(document) ?? await checker.check(document) : undefined;
  if (!document || !state) {
    void vscode.window.showInformationMessage('Athlete Log: open an athlete log first.');
    return false;
  }
  let applied = 0;
  for (let pass = 0; pass < FIX_PASSES && state; pass++) {
    const fixes = selectFixes(bulkFixes(state.result.findings));
    if (fixes.length === 0 || !await vscode.workspace.applyEdit(fixAllEdit(document, fixes))) {
      break;
    }
    applied += fixes.length;
    state = await checker.check(document);
  }
  const name = document.uri.path.split('/').pop() ?? document.uri.path;
  const left = (state?.result.findings ?? []).filter((f) => heldBackInBulk(f) || (f.alternatives?.length ?? 0) > 0).length;
  const rest = left > 0 ? `; ${left} ${left === 1 ? 'fix raises a dose, changes a logged session or needs a choice' : 'fixes raise a dose, change a logged session or need a choice'}: pick ${left === 1 ? 'it' : 'them'} from the light bulb` : '';
  confirm(applied === 0 ? `No fixes to make in ${name}${rest}` : `${applied} ${applied === 1 ? 'fix' : 'fixes'} in ${name}${rest}`);
  return true;
}

async function activeLog(checker: LogChecker): Promise<{ document: vscode.TextDocument; state: NonNullable<ReturnType<LogChecker['state']>> } | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  const state = document ? checker.state(document) ?? await checker.check(document) : undefined;
  if (!document || !state) {
    void vscode.window.showInformationMessage('Athlete Log: open an athlete log first.');
    return undefined;
  }
  return { document, state };
}

/**
 * The athlete's handout for a document, through the core's one handout builder (the CLI calls the same).
 * The renderer is loaded on first use; the log is read after the last wait, so it matches the text.
 */
async function handoutHtml(checker: LogChecker, document: vscode.TextDocument): Promise<{ title: string; html: string } | undefined> {
  const { handoutPage } = await import('../core/render/index.js');
  const current = checker.state(document) ?? await checker.check(document);
  if (!current) {
    return undefined;
  }
  const { log, findings, library } = current.result;
  const s = readSettings(document.uri);
  return handoutPage({
    text: document.getText(), log, findings, library, today: localToday(), painThreshold: s.painThreshold, readyToProgress: s.readyToProgress,
  }, previewCss);
}

/** A standalone handout: inline CSS, no script, nothing that loads from anywhere. */
export async function exportHtml(checker: LogChecker, args?: { target?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const active = await activeLog(checker);
  if (!active) {
    return undefined;
  }
  const { document } = active;
  const base = document.uri.path.replace(/\.(athlete\.)?md$/i, '');
  const target = args?.target ?? await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: `${base}.html` }), filters: { 'Web page': ['html'] }, title: 'Export Program as HTML',
  });
  if (!target) {
    return undefined;
  }
  const page = await handoutHtml(checker, document);
  if (!page) {
    return undefined;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(page.html));
  confirm(`Athlete Log: handout saved as ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}

export const PRINT_HTML_INSTEAD = 'Athlete Log: VS Code in a browser cannot start another browser to print a PDF. Use Export Program as HTML, '
  + 'open the file in your browser and print it (Ctrl+P, or Cmd+P on a Mac) with "Save as PDF" as the printer.';

/**
 * The handout as PDF, printed by a locally installed Chrome, Chromium or Edge (src/node/printPdf.ts finds it;
 * `athleteLog.browserPath` names one). In VS Code for the Web it says how to print the HTML export instead.
 * Returns the file written, or a message when nothing was written (for tests).
 */
export async function exportPdf(checker: LogChecker, args?: { target?: vscode.Uri }): Promise<{ target?: vscode.Uri; message?: string }> {
  // The browser's own headless printing (no driver library); the web-worker host has a stand-in.
  const pdf = await import('../node/printPdf.js');
  if (!pdf.CAN_PRINT) {
    void vscode.window.showInformationMessage(PRINT_HTML_INSTEAD, 'Export Program as HTML').then((pick) => {
      if (pick) {
        void vscode.commands.executeCommand('athleteLog.exportHtml');
      }
    });
    return { message: PRINT_HTML_INSTEAD };
  }
  const active = await activeLog(checker);
  if (!active) {
    return {};
  }
  const { document } = active;
  const base = document.uri.path.replace(/\.(athlete\.)?md$/i, '');
  const target = args?.target ?? await vscode.window.showSaveDialog({
    defaultUri: document.uri.with({ path: `${base}.pdf` }), filters: { PDF: ['pdf'] }, title: 'Export Handout as PDF',
  });
  if (!target) {
    return {};
  }
  const page = await handoutHtml(checker, document);
  if (!page) {
    return {};
  }
  const config = vscode.workspace.getConfiguration(SECTION, document.uri);
  const browserPath = config.get<string>('browserPath', SETTING_DEFAULTS.browserPath).trim();
  const paper = config.get<string>('paperSize', SETTING_DEFAULTS.paperSize) === 'Letter' ? 'Letter' : 'A4';
  try {
    const done = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Athlete Log: printing the handout to PDF' }, () =>
      pdf.htmlToPdf(page.html, { paper, ...(browserPath ? { browserPath } : {}) }));
    await vscode.workspace.fs.writeFile(target, done.pdf);
  } catch (e) {
    const message = `Athlete Log: ${e instanceof pdf.NoBrowserError ? e.message : `the PDF could not be printed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`}`;
    if (!args?.target) {
      void vscode.window.showErrorMessage(message, 'Open Settings').then((pick) => {
        if (pick) {
          void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.browserPath`);
        }
      });
    }
    return { message };
  }
  confirm(`Athlete Log: handout saved as ${vscode.workspace.asRelativePath(target)}.`);
  return { target };
}

/** A plain-text summary on the clipboard, for a health record. */
export async function copySummary(checker: LogChecker): Promise<string | undefined> {
  const { renderSummary } = await import('../core/render/index.js');
  const active = await activeLog(checker);
  if (!active) {
    return undefined;
  }
  const { log, findings, library } = active.state.result;
  const text = renderSummary(log, findings, library, localToday());
  try {
    await vscode.env.clipboard.writeText(text);
  } catch (e) {
    void vscode.window.showWarningMessage(`Athlete Log: the clipboard is not available here (${e instanceof Error ? e.message : String(e)}).`);
    return text;
  }
  confirm(`Athlete Log: the summary of ${log.athlete ?? 'this log'} is copied to the clipboard.`);
  return text;
}
