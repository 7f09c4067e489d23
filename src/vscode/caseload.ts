/**
 * The workspace's caseload in the editor: the core's caseload store (src/core/caseload/store.ts: which files
 * to read again, the stepped build with Stop and progress, the attention order) with the editor as its host.
 * The Athletes view and the caseload page read it.
 *
 * What is the editor's here: files found with `workspace.findFiles` and read through `workspace.fs` (so it
 * works on vscode.dev and virtual workspaces), an open document's text and version instead of the file's,
 * the file watcher and document events that tell the store what changed (edits settle first), the
 * progress on the Athletes view and the context key that shows its Stop button.
 */
import { vscode } from './api.js';
import type { CaseloadSummary } from '../core/caseload/caseload.js';
import { CaseloadStore, type CaseloadEntry as StoreEntry, type CaseloadHost, type CaseloadProgress } from '../core/caseload/store.js';
import { localToday } from '../shared/today.js';
import { checkOptions, readSettings, relativePath, SECTION } from './settings.js';
import type { CheckRequest } from '../core/index.js';

export type { CaseloadProgress };

export const ATHLETES_VIEW = 'athleteLog.athletes';
/** Context key: true while logs are being read (shows the view's Stop button). */
const BUILDING_KEY = 'athleteLog.caseloadBuilding';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** How long edits to an open log settle before it is summarized again. */
const EDIT_SETTLE_MS = 500;

/** The core's summary of one log; the service's `summarize` in the extension. */
export type Summarize = (request: CheckRequest, today: string) => Promise<CaseloadSummary | undefined>;

export type CaseloadEntry = StoreEntry<vscode.Uri>;

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
}

/** Gives the thread back to the extension host (a macrotask), both in Node and in a web worker. */
function yieldThread(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The editor as the store's host. */
function editorHost(summarize: Summarize, forget: (path: string) => void): CaseloadHost<vscode.Uri> {
  return {
    list: async () => vscode.workspace.findFiles('**/*.md', EXCLUDE),
    key: (uri) => uri.toString(),
    async stat(uri) {
      const open = openDocument(uri);
      if (open) {
        return { version: `v${open.version}` };
      }
      try {
        const stat = await vscode.workspace.fs.stat(uri);
        return { version: `m${stat.mtime}:${stat.size}`, size: stat.size };
      } catch {
        return undefined;
      }
    },
    async read(uri) {
      return openDocument(uri)?.getText() ?? new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    },
    maxFileSize: (uri) => readSettings(uri).maxFileSize,
    async summarize(uri, text, today, pause) {
      const summary = await summarize({ text, path: uri.path, relativePath: relativePath(uri), options: { ...checkOptions(uri), today }, pause }, today);
      if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
        // Not open: keep its summary, not its parsed blocks (memory stays bounded over big workspaces).
        forget(uri.path);
      }
      return summary;
    },
    guidelineForEveryLog: (uri) => (checkOptions(uri).guidelineFiles ?? []).includes(uri.path),
    today: localToday,
    now: () => Date.now(),
    yieldThread,
    building(end) {
      void vscode.commands.executeCommand('setContext', BUILDING_KEY, true);
      void vscode.window.withProgress({ location: { viewId: ATHLETES_VIEW }, title: 'Reading athlete logs' }, () => end);
      void end.finally(() => vscode.commands.executeCommand('setContext', BUILDING_KEY, false));
    },
    failed(uri, error) {
      console.error(`athlete-log: caseload could not read ${uri.toString()}`, error);
    },
  };
}

export class Caseload implements vscode.Disposable {
  readonly #store: CaseloadStore<vscode.Uri>;
  readonly #editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #onDidChange = new vscode.EventEmitter<void>();
  readonly #subscriptions: vscode.Disposable[] = [];
  /** Fires when summaries or the progress changed (at most every second during a build). */
  readonly onDidChange = this.#onDidChange.event;

  constructor(summarize: Summarize, forget: (path: string) => void) {
    this.#store = new CaseloadStore(editorHost(summarize, forget), { onChange: () => this.#onDidChange.fire() });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.#subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => this.changed(uri)),
      watcher.onDidChange((uri) => this.changed(uri)),
      watcher.onDidDelete((uri) => this.#store.deleted(uri)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && e.document.languageId === 'markdown') {
          this.edited(e.document.uri);
        }
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.changed(d.uri)),
      // Closed: its summary came from the editor's text, which may not be the file's.
      vscode.workspace.onDidCloseTextDocument((d) => this.changed(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Which files are logs, the pain limit, the guideline files: every summary may differ.
        if (e.affectsConfiguration(SECTION) && !e.affectsConfiguration(`${SECTION}.athletes`)) {
          this.#store.settingsChanged();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
    );
  }

  /** The date the caseload is as of: today in the user's time zone unless set (tests, a review of a past day). */
  get today(): string {
    return this.#store.today;
  }

  /** Sets the date the caseload is as of (undefined: today); every summary is made again. */
  setToday(today: string | undefined): Promise<void> {
    return this.#store.setToday(today);
  }

  /** How many times a file was summarized since the start (unchanged files are not): for tests. */
  get summarized(): number {
    return this.#store.summarized;
  }

  get progress(): CaseloadProgress {
    return this.#store.progress;
  }

  /** The athletes read so far, in attention order (compareByAttention). */
  entries(): readonly CaseloadEntry[] {
    return this.#store.entries();
  }

  /** The log behind a URI the caseload lists (the page names logs by URI; nothing else is opened). */
  entry(uri: string): CaseloadEntry | undefined {
    return this.#store.entry(uri);
  }

  /** Starts the first build if none ran yet; resolves when the caseload is complete (or stopped). */
  ensure(): Promise<void> {
    return this.#store.ensure();
  }

  /** Looks for every Markdown file again; re-reads only the ones that changed; drops the ones gone. */
  refresh(): Promise<void> {
    return this.#store.refresh();
  }

  /** Stops the build after the current step; the logs read so far stay listed. */
  stop(): void {
    this.#store.stop();
  }

  /** Resolves when no build is running. */
  whenIdle(): Promise<void> {
    return this.#store.whenIdle();
  }

  private changed(uri: vscode.Uri): void {
    // Files of the workspace only: not Untitled documents, not files opened from elsewhere.
    if (uri.path.toLowerCase().endsWith('.md') && vscode.workspace.getWorkspaceFolder(uri)) {
      this.#store.changed(uri);
    }
  }

  private edited(uri: vscode.Uri): void {
    const key = uri.toString();
    const t = this.#editTimers.get(key);
    if (t !== undefined) {
      clearTimeout(t);
    }
    this.#editTimers.set(key, setTimeout(() => {
      this.#editTimers.delete(key);
      this.changed(uri);
    }, EDIT_SETTLE_MS));
  }

  dispose(): void {
    this.#store.stop();
    for (const t of this.#editTimers.values()) {
      clearTimeout(t);
    }
    this.#onDidChange.dispose();
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
