/**
 * The program preview beside the editor: one panel that follows the active athlete log, updates while
 * typing (throttled), keeps its scroll position, syncs scrolling both ways, reveals a clicked card's line
 * in the editor, and survives a window reload (serializer).
 *
 * Security: Content-Security-Policy `default-src 'none'` with a nonce for the one script; styles and the
 * script only from the extension (localResourceRoots); no forms; the page content is the core renderer's
 * escaped and sanitized HTML; links open only through VS Code's opener, and only web and mail links.
 */
import { vscode } from './api.js';
import { previewShell } from '../shared/previewHtml.js';
import { localToday } from '../shared/today.js';
import { isFromWebview, type RenderedMessage, type ToWebviewMessage } from '../shared/previewMessages.js';
import type { LogChecker } from './diagnostics.js';
import { nonce, webviewOptions, wirePanel } from './webview.js';

export const PREVIEW_VIEW_TYPE = 'athleteLog.preview';
const THROTTLE_MS = 300;
const LINK_SCHEMES = new Set(['http', 'https', 'mailto']);


export class ProgramPreview implements vscode.Disposable, vscode.WebviewPanelSerializer<{ uri?: string }> {
  #panel: vscode.WebviewPanel | undefined;
  #uri: vscode.Uri | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #editorScrollFromPreview = false;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #onDidRender = new vscode.EventEmitter<RenderedMessage>();
  /** Fires when the page shows new content (for tests and the status of the preview). */
  readonly onDidRender = this.#onDidRender.event;

  constructor(private readonly checker: LogChecker, private readonly extensionUri: vscode.Uri) {
    this.#subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.#uri && e.document.uri.toString() === this.#uri.toString()) {
          this.scheduleUpdate();
        }
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.#panel && editor && editor.document.uri.toString() !== this.#uri?.toString() && this.checker.isLog(editor.document)) {
          this.#uri = editor.document.uri;
          this.scheduleUpdate(0);
        }
      }),
      // A document that becomes a log while it is the active editor (New Athlete Log fills an empty one):
      // the preview follows it once it is checked.
      checker.onDidCheck((uri) => {
        const editor = vscode.window.activeTextEditor;
        if (this.#panel && editor && editor.document.uri.toString() === uri.toString() && uri.toString() !== this.#uri?.toString() && this.checker.isLog(editor.document)) {
          this.#uri = uri;
          this.scheduleUpdate(0);
        }
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.#panel || e.textEditor.document.uri.toString() !== this.#uri?.toString()) {
          return;
        }
        if (this.#editorScrollFromPreview) {
          this.#editorScrollFromPreview = false;
          return;
        }
        const line = (e.visibleRanges[0]?.start.line ?? 0) + 1;
        this.post({ type: 'scrollTo', source: this.#uri.toString(), line });
      }),
    );
  }

  get document(): vscode.Uri | undefined {
    return this.#uri;
  }

  /** Opens (or reveals) the preview for a document. */
  show(document: vscode.TextDocument, column: vscode.ViewColumn): void {
    this.#uri = document.uri;
    if (this.#panel) {
      this.#panel.reveal(column, true);
    } else {
      const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Program Preview', { viewColumn: column, preserveFocus: true }, webviewOptions(this.extensionUri));
      this.attach(panel);
    }
    this.scheduleUpdate(0);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: { uri?: string } | undefined): Promise<void> {
    panel.webview.options = webviewOptions(this.extensionUri);
    this.attach(panel);
    if (state?.uri) {
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri));
        this.#uri = doc.uri;
      } catch {
        this.#uri = undefined;
      }
    }
    this.scheduleUpdate(0);
  }

  attach(panel: vscode.WebviewPanel): void {
    this.#panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'preview-icon.svg');
    panel.webview.html = this.shell(panel.webview, '');
    wirePanel(panel, {
      disposed: () => {
        if (this.#panel === panel) {
          this.#panel = undefined;
        }
      },
      receive: (m) => this.receive(m),
      // Shown again, it starts from the empty shell, so the content is sent again.
      shown: () => {
        if (this.#panel === panel) {
          this.scheduleUpdate(0);
        }
      },
    }, this.#subscriptions);
  }

  /** The page around the content (src/shared/previewHtml.ts): CSP with a nonce, stylesheet and script. */
  shell(webview: vscode.Webview, body: string): string {
    return previewShell({
      cspSource: webview.cspSource,
      nonce: nonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'preview.js')).toString(),
      source: this.#uri?.toString() ?? '',
      body,
    });
  }

  scheduleUpdate(delay = THROTTLE_MS): void {
    if (this.#timer !== undefined) {
      return; // an update is already coming; it will read the newest text
    }
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.update();
    }, delay);
  }

  async update(): Promise<void> {
    const panel = this.#panel;
    const uri = this.#uri;
    if (!panel || !uri) {
      return;
    }
    // The renderer is loaded on first use (the checker starts without it).
    const { renderProgram } = await import('../core/render/index.js');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) ?? await vscode.workspace.openTextDocument(uri);
    const state = this.checker.state(document) ?? await this.checker.check(document);
    if (!state) {
      return;
    }
    const { log, findings, library } = state.result;
    const html = renderProgram({ text: document.getText(), log, findings, library, today: localToday(), linkFindings: true });
    const title = `${log.athlete ?? 'Athlete log'}: program`;
    panel.title = `Program Preview: ${log.athlete ?? vscode.workspace.asRelativePath(uri)}`;
    this.post({ type: 'update', source: uri.toString(), html, title });
  }

  post(message: ToWebviewMessage): void {
    void this.#panel?.webview.postMessage(message);
  }

  /** Handles a message from the page; public so tests can drive it exactly as the page does. */
  async receive(m: unknown): Promise<void> {
    if (isFromWebview(m) && m.type === 'ready') {
      this.scheduleUpdate(0); // a (re)loaded page: send it the current content, whatever it showed before
      return;
    }
    if (!isFromWebview(m) || m.source !== this.#uri?.toString()) {
      return; // malformed, or about another document
    }
    switch (m.type) {
      case 'rendered':
        this.#onDidRender.fire(m);
        return;
      case 'reveal':
      case 'scrolled': {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === m.source)
          ?? (m.type === 'reveal' ? await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.parse(m.source)), vscode.ViewColumn.One) : undefined);
        if (!editor) {
          return;
        }
        const line = Math.min(m.line - 1, editor.document.lineCount - 1);
        const range = new vscode.Range(line, 0, line, 0);
        if (m.type === 'reveal') {
          editor.selection = new vscode.Selection(range.start, range.start);
          editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
          await vscode.window.showTextDocument(editor.document, editor.viewColumn);
        } else {
          this.#editorScrollFromPreview = true;
          editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
        }
        return;
      }
      case 'openLink': {
        let target: vscode.Uri;
        try {
          target = vscode.Uri.parse(m.href, true);
        } catch {
          return;
        }
        if (LINK_SCHEMES.has(target.scheme)) {
          await vscode.env.openExternal(target);
        }
        return;
      }
    }
  }

  dispose(): void {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
    }
    this.#panel?.dispose();
    this.#onDidRender.dispose();
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
