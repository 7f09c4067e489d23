/**
 * Athlete Log: Open Caseload: the caseload as a table in a webview (src/shared/caseloadPage.ts), the same
 * athletes and order as the Athletes view, sortable by any column; a click on a row opens the log beside.
 * The page follows the caseload as it is read and as logs change.
 *
 * Security: Content-Security-Policy `default-src 'none'` with a nonce for the one script; style and
 * script only from the extension (localResourceRoots); no forms, no command links; every value escaped.
 * The page asks for a log by URI, and only a URI the caseload lists is opened.
 */
import { vscode } from './api.js';
import { caseloadPage, isFromCaseloadPage } from '../shared/caseloadPage.js';
import type { Caseload } from './caseload.js';
import { nonce, webviewOptions, wirePanel } from './webview.js';

export const CASELOAD_VIEW_TYPE = 'athleteLog.caseload';
/** While logs are being read, the page (a table of every athlete) is drawn again at most this often. */
const REDRAW_WHILE_READING_MS = 1000;

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export class CaseloadPanel implements vscode.Disposable {
  #panel: vscode.WebviewPanel | undefined;
  #drawn = 0;
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #onDidRender = new vscode.EventEmitter<{ rows: number; first: string }>();
  /** Fires when the page has loaded a table: its number of rows and the first athlete (for tests). */
  readonly onDidRender = this.#onDidRender.event;

  constructor(private readonly caseload: Caseload, private readonly extensionUri: vscode.Uri) {
    this.#subscriptions.push(caseload.onDidChange(() => {
      if (!caseload.progress.building || Date.now() - this.#drawn >= REDRAW_WHILE_READING_MS) {
        this.render();
      }
    }));
  }

  /** Opens (or reveals) the page and reads the caseload if it was not read yet. */
  show(): void {
    if (this.#panel) {
      this.#panel.reveal(undefined, false);
    } else {
      const panel = vscode.window.createWebviewPanel(CASELOAD_VIEW_TYPE, 'Caseload', vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
      this.#panel = panel;
      wirePanel(panel, {
        disposed: () => {
          if (this.#panel === panel) {
            this.#panel = undefined;
          }
        },
        receive: (m) => this.receive(m),
        // Drawn from the caseload as it is now.
        shown: () => this.render(),
      }, this.#subscriptions);
    }
    this.render();
    void this.caseload.ensure();
  }

  private note(): string {
    const p = this.caseload.progress;
    const n = this.caseload.entries().length;
    const head = `${count(n, 'athlete')} as of ${this.caseload.today}, most urgent first. Click a column to sort, a row to open the log.`;
    if (p.building) {
      return `${head} Reading logs: ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} files.`;
    }
    return p.stopped ? `${head} Stopped before every log was read.` : head;
  }

  private render(): void {
    const panel = this.#panel;
    if (!panel?.visible) {
      return;
    }
    const webview = panel.webview;
    this.#drawn = Date.now();
    panel.webview.html = caseloadPage({
      cspSource: webview.cspSource,
      nonce: nonce(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'caseload.css')).toString(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview', 'caseload.js')).toString(),
      rows: this.caseload.entries().map((e) => ({ uri: e.key, summary: e.summary })),
      note: this.note(),
    });
  }

  /** Handles a message from the page; public so tests can drive it exactly as the page does. */
  async receive(m: unknown): Promise<void> {
    if (!isFromCaseloadPage(m)) {
      return;
    }
    if (m.type === 'ready') {
      this.#onDidRender.fire({ rows: m.rows, first: m.first });
      return;
    }
    const entry = this.caseload.entry(m.uri);
    if (entry) {
      await vscode.window.showTextDocument(entry.file, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }
  }

  dispose(): void {
    this.#panel?.dispose();
    this.#onDidRender.dispose();
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
