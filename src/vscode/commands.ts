/** Commands: Check All Logs in Workspace, New Athlete Log, Fix All in This Log. */
import { vscode } from './api.js';
import { newLogSnippet } from '../core/snippets.js';
import previewCss from '../../media/preview.css';
import { localToday } from '../shared/today.js';
import { fixAllEdit } from './codeActions.js';
import type { LogChecker } from './diagnostics.js';

export async function checkWorkspace(checker: LogChecker): Promise<{ logs: number; findings: number; cancelled: boolean }> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Athlete Log: checking logs', cancellable: true }, async (progress, token) => {
    const files = await vscode.workspace.findFiles('**/*.md', '{**/node_modules/**,**/.git/**}', undefined, token);
    const decoder = new TextDecoder('utf-8');
    let logs = 0;
    let findings = 0;
    for (const uri of files) {
      if (token.isCancellationRequested) {
        return { logs, findings, cancelled: true };
      }
      progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / files.length });
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : decoder.decode(await vscode.workspace.fs.readFile(uri));
      const n = await checker.checkUri(uri, text);
      if (n >= 0) {
        logs++;
        findings += n;
      }
    }
    return { logs, findings, cancelled: false };
  });
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
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  await editor.insertSnippet(new vscode.SnippetString(newLogSnippet(athlete.trim(), condition.trim() || 'Left hamstring strain')));
  return editor;
}

export async function fixAll(checker: LogChecker): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const state = editor ? checker.state(editor.document) ?? await checker.check(editor.document) : undefined;
  if (!editor || !state) {
    return false;
  }
  return vscode.workspace.applyEdit(fixAllEdit(editor.document, state.result.findings));
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
  // The renderer is loaded on first use; the log is read after the last wait, so it matches the text.
  const { handoutDocument, renderProgram } = await import('../core/render/index.js');
  const current = checker.state(document) ?? await checker.check(document);
  if (!current) {
    return undefined;
  }
  const { log, findings, library } = current.result;
  const body = renderProgram({ text: document.getText(), log, findings, library, today: localToday(), handout: true });
  const html = handoutDocument(`${log.athlete ?? 'Athlete'}: program`, body, previewCss);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  if (!args?.target) {
    void vscode.window.showInformationMessage(`Athlete Log: program exported to ${vscode.workspace.asRelativePath(target)}.`);
  }
  return target;
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
  }
  return text;
}
