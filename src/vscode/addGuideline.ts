/**
 * "Add a guideline for X" (on `unknown-exercise`): writes the entry the core computed (guidelines/add.ts)
 * to the workspace guideline file, the first of `athleteLog.guidelineFiles` or athlete-guidelines.md,
 * creating it when missing and adding it to the setting, then opens it at the new entry for the coach to
 * adjust the range and cite a source.
 */
import { vscode } from './api.js';
import { addGuideline, DEFAULT_WORKSPACE_GUIDELINE_FILE, type GuidelineEntry } from '../core/index.js';
import { SECTION } from './settings.js';

export const ADD_GUIDELINE_COMMAND = 'athleteLog.addGuideline';

/** The code action for a finding that carries an entry to add. */
export function addGuidelineAction(title: string, entry: GuidelineEntry, log: vscode.Uri, diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  a.command = { title: a.title, command: ADD_GUIDELINE_COMMAND, arguments: [entry, log] };
  if (diagnostic) {
    a.diagnostics = [diagnostic];
  }
  return a;
}

export async function addGuidelineCommand(entry: GuidelineEntry, log: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(log) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage('Open a folder to keep your own guideline file in it.');
    return undefined;
  }
  const config = vscode.workspace.getConfiguration(SECTION, folder.uri);
  const files = config.get<string[]>('guidelineFiles', []);
  const relative = files[0] ?? DEFAULT_WORKSPACE_GUIDELINE_FILE;
  const uri = vscode.Uri.joinPath(folder.uri, relative);
  let existing: vscode.TextDocument | undefined;
  try {
    await vscode.workspace.fs.stat(uri);
    existing = await vscode.workspace.openTextDocument(uri);
  } catch {
    existing = undefined;
  }
  const text = addGuideline(existing?.getText(), entry);
  if (text === undefined) {
    void vscode.window.showInformationMessage(`${relative} already has a guideline for ${entry.exercise}.`);
  } else {
    const edit = new vscode.WorkspaceEdit();
    if (existing) {
      edit.replace(uri, new vscode.Range(existing.positionAt(0), existing.positionAt(existing.getText().length)), text);
    } else {
      edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(text) });
    }
    await vscode.workspace.applyEdit(edit);
  }
  if (!files.includes(relative)) {
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    await config.update('guidelineFiles', [...files, relative], multiRoot ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace);
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  const at = doc.getText().lastIndexOf(`## ${entry.exercise}`);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  if (at >= 0) {
    const pos = doc.positionAt(at);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos));
  }
  return uri;
}
