/**
 * The VS Code host for the core service: files through `vscode.workspace.fs` (so it works on vscode.dev
 * and in virtual workspaces too), and the built-in library bundled into the extension.
 */
import { vscode } from './api.js';
import { BUILTIN_PREFIX, createAthleteLogService, type AthleteLogService } from '../core/index.js';
import builtinLibrary from 'athlete-log:builtin-guidelines';
import type { OffThreadParser } from '../node/offThread.js';
import { offThreadParser } from './offThread.js';

/** The package folder the built-in guideline files ship in. */
export const BUILTIN_GUIDELINE_FOLDER = 'guidelines';

/** The URI for a path the core knows: the same scheme and authority as the workspace (or the log). */
export function uriForPath(path: string, like?: vscode.Uri): vscode.Uri {
  const base = like ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  return base ? base.with({ path, query: '', fragment: '' }) : vscode.Uri.file(path);
}

/** The service, its parse worker (when the host has one) and what stops that worker. */
export function createVsCodeService(output: vscode.OutputChannel): { service: AthleteLogService; parser: OffThreadParser | undefined; dispose(): void } {
  const decoder = new TextDecoder('utf-8');
  const parser = offThreadParser();
  const service = createAthleteLogService({
    builtinGuidelines: builtinLibrary,
    ...(parser ? { parser } : {}),
    workspace: {
      readFile: async (path) => {
        const uri = uriForPath(path);
        // Guideline files are read from the open folders only; a path that climbs out is refused.
        const folders = vscode.workspace.workspaceFolders ?? [];
        if (folders.length > 0 && !vscode.workspace.getWorkspaceFolder(uri)) {
          throw new Error('outside the workspace');
        }
        return decoder.decode(await vscode.workspace.fs.readFile(uri));
      },
    },
    logger: { warn: (m) => output.appendLine(m) },
  });
  return { service, parser, dispose: () => parser?.dispose() };
}

/** The rule's own documentation page, shipped with the extension (docs/rules/<id>.md). */
export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

/** Where a guideline lives, for "related information" and hovers. */
export function guidelineUri(extensionUri: vscode.Uri, file: string): vscode.Uri {
  return file.startsWith(BUILTIN_PREFIX) ? vscode.Uri.joinPath(extensionUri, BUILTIN_GUIDELINE_FOLDER, file.slice(BUILTIN_PREFIX.length)) : uriForPath(file);
}
