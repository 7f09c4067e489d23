/**
 * The workspace's caseload for the editor: a caseload summary (src/core/caseload) per athlete log, kept per
 * file and re-made only for the files that changed. The Athletes view and the caseload page read it.
 *
 * - Built in steps: one log at a time, the thread given back between logs (and inside a long log, through
 *   the check's pause), so 2,000 logs never hold the extension host; progress shows on the Athletes view.
 * - Cancellable: Stop (or a new build) ends the work after the current step; what was read stays listed.
 * - Kept fresh: a file watcher for Markdown files and open documents' edits queue only the files that
 *   changed. A summary is reused while its file's version (open) or modification time and size (closed),
 *   the date and the settings are the same. A guideline file that changed re-reads the logs that use it.
 * - Reads every file through `vscode.workspace.fs`, so it works on vscode.dev and virtual workspaces.
 */
import { vscode } from './api.js';
import { compareByAttention, type CaseloadSummary } from '../core/caseload/caseload.js';
import type { CheckRequest } from '../core/index.js';
import { Cancelled, slicer } from '../core/scheduler/slicer.js';
import { localToday } from '../shared/today.js';
import { checkOptions, readSettings, relativePath, SECTION } from './settings.js';

export const ATHLETES_VIEW = 'athleteLog.athletes';
/** Context key: true while logs are being read (shows the view's Stop button). */
const BUILDING_KEY = 'athleteLog.caseloadBuilding';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/**
 * How often, at most, listeners hear about a build in progress: the view and the page redraw every athlete
 * on each (a first measurement over 2,000 logs redrew the view 1,132 times at 250 ms).
 */
const NOTIFY_MS = 1000;
/** How long edits to an open log settle before it is summarized again. */
const EDIT_SETTLE_MS = 500;

/** The core's summary of one log; the service's `summarize` in the extension, a stand-in in tests. */
export type Summarize = (request: CheckRequest, today: string) => Promise<CaseloadSummary | undefined>;

export interface CaseloadEntry {
  readonly uri: vscode.Uri;
  readonly summary: CaseloadSummary;
}

interface FileState {
  readonly uri: vscode.Uri;
  /** The text's version: the editor's version when open, else modification time and size. */
  readonly version: string;
  /** What the summary was made from: the version, the date, the settings generation. */
  readonly stamp: string;
  /** Undefined for a Markdown file that is not an athlete log. */
  readonly summary: CaseloadSummary | undefined;
  /** The log's front matter names guideline files of its own. */
  readonly namesGuidelines: boolean;
}

export interface CaseloadProgress {
  readonly building: boolean;
  /** Files read in the current (or last) build, and how many it had to look at. */
  readonly done: number;
  readonly total: number;
  /** The last build was stopped before the end. */
  readonly stopped: boolean;
  /** Markdown files left unread because they are larger than athleteLog.maxFileSize. */
  readonly tooLarge: number;
}

const GUIDELINES_KEY = /^guidelines[ \t]*:/m;

function frontMatter(text: string): string {
  if (!text.startsWith('---')) {
    return '';
  }
  const end = text.indexOf('\n---', 3);
  return end < 0 ? '' : text.slice(0, end);
}

/** Gives the thread back to the extension host (a macrotask), both in Node and in a web worker. */
function yieldThread(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Caseload implements vscode.Disposable {
  readonly #files = new Map<string, FileState>();
  readonly #queue = new Map<string, vscode.Uri>();
  readonly #tooLarge = new Set<string>();
  readonly #editTimers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #onDidChange = new vscode.EventEmitter<void>();
  readonly #subscriptions: vscode.Disposable[] = [];
  readonly #summarize: Summarize;
  readonly #forget: (path: string) => void;
  #today: string | undefined;
  #generation = 0;
  #scanned: Promise<void> | undefined;
  /** The first build went through every file (a file that appears later is new to the workspace). */
  #complete = false;
  /** The last build was stopped: some files may not be read. */
  #stopped = false;
  #running: Promise<void> | undefined;
  #source: vscode.CancellationTokenSource | undefined;
  #progress: CaseloadProgress = { building: false, done: 0, total: 0, stopped: false, tooLarge: 0 };
  #lastNotify = 0;
  #summarized = 0;
  #sorted: CaseloadEntry[] | undefined;
  /** Fires when summaries or the progress changed (at most every NOTIFY_MS during a build). */
  readonly onDidChange = this.#onDidChange.event;

  constructor(summarize: Summarize, forget: (path: string) => void) {
    this.#summarize = summarize;
    this.#forget = forget;
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.#subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => this.changed(uri)),
      watcher.onDidChange((uri) => this.changed(uri)),
      watcher.onDidDelete((uri) => this.deleted(uri)),
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
          this.#generation++;
          this.requeueAll();
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.refresh()),
    );
  }

  /** The date the caseload is as of: today in the user's time zone unless set (tests, a review of a past day). */
  get today(): string {
    return this.#today ?? localToday();
  }

  /** Sets the date the caseload is as of (undefined: today); every summary is made again. */
  setToday(today: string | undefined): Promise<void> {
    this.#today = today;
    this.requeueAll();
    return this.whenIdle();
  }

  /** How many times a file was summarized since the start (unchanged files are not): for tests. */
  get summarized(): number {
    return this.#summarized;
  }

  get progress(): CaseloadProgress {
    return this.#progress;
  }

  /** The athletes read so far, in attention order (compareByAttention). */
  entries(): readonly CaseloadEntry[] {
    this.#sorted ??= [...this.#files.values()]
      .filter((f): f is FileState & { summary: CaseloadSummary } => f.summary !== undefined)
      .map((f) => ({ uri: f.uri, summary: f.summary }))
      .sort((a, b) => compareByAttention(a.summary, b.summary) || a.uri.toString().localeCompare(b.uri.toString()));
    return this.#sorted;
  }

  /** The log behind a URI the caseload lists (the page names logs by URI; nothing else is opened). */
  entry(uri: string): CaseloadEntry | undefined {
    return this.entries().find((e) => e.uri.toString() === uri);
  }

  /** Starts the first build if none ran yet; resolves when the caseload is complete (or stopped). */
  ensure(): Promise<void> {
    this.#scanned ??= this.refresh();
    return this.#scanned;
  }

  /** Looks for every Markdown file again; re-reads only the ones that changed; drops the ones gone. */
  async refresh(): Promise<void> {
    const found = await vscode.workspace.findFiles('**/*.md', EXCLUDE);
    const keep = new Set(found.map((u) => u.toString()));
    for (const key of [...this.#files.keys()]) {
      if (!keep.has(key)) {
        this.#files.delete(key);
        this.#sorted = undefined;
      }
    }
    this.#tooLarge.clear();
    this.#stopped = false;
    for (const uri of found) {
      this.enqueue(uri);
    }
    this.#scanned ??= Promise.resolve();
    await this.drain();
    if (!this.#stopped) {
      this.#complete = true;
    }
  }

  /** Stops the build after the current step; the logs read so far stay listed. */
  stop(): void {
    if (this.#queue.size > 0 || this.#running) {
      this.#stopped = true;
    }
    this.#queue.clear();
    this.#source?.cancel();
  }

  /** Resolves when no build is running. */
  async whenIdle(): Promise<void> {
    while (this.#running) {
      await this.#running;
    }
  }

  private requeueAll(): void {
    if (!this.#scanned) {
      return;
    }
    for (const f of this.#files.values()) {
      this.enqueue(f.uri);
    }
    void this.drain();
  }

  private enqueue(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.#queue.has(key)) {
      this.#queue.set(key, uri);
      if (this.#running) {
        this.#progress = { ...this.#progress, total: this.#progress.total + 1 };
      }
    }
  }

  private changed(uri: vscode.Uri): void {
    // Files of the workspace only: not Untitled documents, not files opened from elsewhere.
    if (this.#scanned && uri.path.toLowerCase().endsWith('.md') && vscode.workspace.getWorkspaceFolder(uri)) {
      this.enqueue(uri);
      void this.drain();
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

  private deleted(uri: vscode.Uri): void {
    const key = uri.toString();
    const folder = key.endsWith('/') ? key : `${key}/`;
    let any = false;
    for (const k of [...this.#files.keys()]) {
      if (k === key || k.startsWith(folder)) {
        this.#files.delete(k);
        any = true;
      }
    }
    this.#queue.delete(key);
    if (any) {
      this.#sorted = undefined;
      this.#onDidChange.fire();
    }
  }

  /** Reads the queued files one at a time until the queue is empty; one build at a time. */
  private drain(): Promise<void> {
    if (this.#running) {
      return this.whenIdle();
    }
    if (this.#queue.size === 0) {
      return Promise.resolve();
    }
    const run = this.build().finally(() => {
      this.#running = undefined;
      void vscode.commands.executeCommand('setContext', BUILDING_KEY, false);
      this.#onDidChange.fire();
      if (this.#queue.size > 0) {
        void this.drain();
      }
    });
    this.#running = run;
    return this.whenIdle();
  }

  private async build(): Promise<void> {
    const source = new vscode.CancellationTokenSource();
    this.#source = source;
    const token = source.token;
    this.#progress = { building: true, done: 0, total: this.#queue.size, stopped: this.#stopped, tooLarge: this.#tooLarge.size };
    this.#lastNotify = 0;
    void vscode.commands.executeCommand('setContext', BUILDING_KEY, true);
    try {
      await vscode.window.withProgress({ location: { viewId: ATHLETES_VIEW }, title: 'Reading athlete logs' }, async () => {
        const pause = slicer(() => token.isCancellationRequested);
        for (;;) {
          const next = this.#queue.entries().next();
          if (next.done || token.isCancellationRequested) {
            break;
          }
          const [key, uri] = next.value;
          this.#queue.delete(key);
          try {
            await this.update(uri, pause);
          } catch (e) {
            if (e instanceof Cancelled) {
              break;
            }
            // One unreadable file never stops the others.
            console.error(`athlete-log: caseload could not read ${uri.toString()}`, e);
          }
          this.#progress = { ...this.#progress, done: this.#progress.done + 1, tooLarge: this.#tooLarge.size };
          this.notify();
          await yieldThread();
        }
      });
    } finally {
      this.#progress = { ...this.#progress, building: false, stopped: this.#stopped, tooLarge: this.#tooLarge.size };
      source.dispose();
      if (this.#source === source) {
        this.#source = undefined;
      }
    }
  }

  private notify(): void {
    const now = Date.now();
    if (now - this.#lastNotify >= NOTIFY_MS) {
      this.#lastNotify = now;
      this.#onDidChange.fire();
    }
  }

  /** Summarizes one file again unless what its summary was made from is unchanged. */
  private async update(uri: vscode.Uri, pause: () => Promise<void> | undefined): Promise<void> {
    const key = uri.toString();
    const today = this.today;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    let version: string;
    if (open) {
      version = `v${open.version}`;
    } else {
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(uri);
      } catch {
        this.deleted(uri);
        return;
      }
      if (stat.size > readSettings(uri).maxFileSize) {
        this.#tooLarge.add(key);
        if (this.#files.delete(key)) {
          this.#sorted = undefined;
        }
        return;
      }
      version = `m${stat.mtime}:${stat.size}`;
    }
    this.#tooLarge.delete(key);
    const stamp = `${version}|${today}|${this.#generation}`;
    const before = this.#files.get(key);
    if (before?.stamp === stamp) {
      return;
    }
    const text = open ? open.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    const request: CheckRequest = { text, path: uri.path, relativePath: relativePath(uri), options: { ...checkOptions(uri), today }, pause };
    this.#summarized++;
    const summary = await this.#summarize(request, today);
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
      // Not open: keep its summary, not its parsed blocks (memory stays bounded over big workspaces).
      this.#forget(uri.path);
    }
    this.#files.set(key, { uri, version, stamp, summary, namesGuidelines: summary !== undefined && GUIDELINES_KEY.test(frontMatter(text)) });
    if (summary !== undefined || before?.summary !== undefined) {
      this.#sorted = undefined;
    }
    // A Markdown file that is not a log and whose text changed (or that is new since the first build).
    if (summary === undefined && before?.summary === undefined && (before ? before.version !== version : this.#complete)) {
      this.guidelineChanged(uri);
    }
  }

  /**
   * A Markdown file that is not a log changed: if it is a guideline file, the logs that use it read it
   * again. Workspace guideline files (the setting) apply to every log; others only to logs that name
   * guideline files in their front matter.
   */
  private guidelineChanged(uri: vscode.Uri): void {
    const configured = checkOptions(uri).guidelineFiles ?? [];
    const everyLog = configured.includes(uri.path);
    for (const f of this.#files.values()) {
      if (f.summary !== undefined && (everyLog || f.namesGuidelines)) {
        this.#files.set(f.uri.toString(), { ...f, stamp: '' });
        this.enqueue(f.uri);
      }
    }
  }

  dispose(): void {
    this.stop();
    for (const t of this.#editTimers.values()) {
      clearTimeout(t);
    }
    this.#onDidChange.dispose();
    vscode.Disposable.from(...this.#subscriptions).dispose();
  }
}
