/**
 * Hovers: the content comes from the core (src/core/features/hover.ts); this file says where a guideline
 * file is, converts positions and registers.
 */
import { vscode } from './api.js';
import { guidelineFileName, isBuiltinFile, type Guideline } from '../core/index.js';
import { hoverAt, type GuidelineLink } from '../core/features/hover.js';
import { toRange } from './convert.js';
import type { LogChecker } from './diagnostics.js';
import { guidelineUri } from './host.js';

/** Where a guideline's card links to: its line in the built-in library or in the workspace file. */
function linkOf(g: Guideline, extensionUri: vscode.Uri): GuidelineLink {
  const where = guidelineUri(extensionUri, g.file);
  return {
    label: isBuiltinFile(g.file) ? `built-in library, ${guidelineFileName(g.file)}` : vscode.workspace.asRelativePath(where),
    target: where.with({ fragment: `L${g.range.start.line}` }).toString(),
  };
}

export class AthleteLogHover implements vscode.HoverProvider {
  constructor(private readonly checker: LogChecker, private readonly extensionUri: vscode.Uri) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const state = this.checker.state(document) ?? (this.checker.isLog(document) ? await this.checker.check(document) : undefined);
    if (!state) {
      return undefined;
    }
    const { log, library } = state.result;
    const hover = hoverAt(log, library, document.offsetAt(position), (g) => linkOf(g, this.extensionUri));
    return hover ? new vscode.Hover(new vscode.MarkdownString(hover.markdown), toRange(hover.range)) : undefined;
  }
}
