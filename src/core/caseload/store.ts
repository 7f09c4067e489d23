/**
 * The caseload of a workspace, kept up to date: a caseload summary (caseload.ts) per athlete log, kept per
 * file and made again only for the files that changed. The editor's Athletes view and caseload page read it
 * (src/vscode/caseload.ts is its host); bench/athletes-view.ts runs it with a Node host.
 *
 * - Built in steps: one log at a time, the thread given back (the host's `yieldThread`) whenever SLICE_MS
 *   have passed, between logs and inside a long log (the summary's `pause`), so 2,000 logs never hold the
 *   host's thread for more than SLICE_MS plus one step. Listeners hear of progress at most every
 *   `notifyMs`, each time on a slice of its own (their redraw is not added to a slice of reading).
 * - Cancellable: `stop` (or a new build) ends the work after the current step; what was read stays listed.
 * - Kept fresh: the host reports files that changed (`changed`, `deleted`); a summary is reused while its
 *   file's version (the host's: an open document's version, or modification time and size), the date and
 *   the settings generation are the same. A guideline file that changed re-reads the logs that use it.
 * - Sorted by attention (compareByAttention), then by the file's key.
 *
 * Pure: the host gives the files, their texts, the summary of one text, a clock and a way to give the
 * thread back (CaseloadHost).
 */
import { compareByAttention, type CaseloadSummary } from './caseload.js';
import { Cancelled, slicer } from '../scheduler/slicer.js';

/** Called between steps of a summary; a promise means "wait for it" (the thread is given back). */
export type Pause = () => Promise<void> | undefined;

/** What the store needs from its host; `F` is the host's name for a file (a URI, a path). */
export interface CaseloadHost<F> {
  /** Every Markdown file of the workspace. */
  list(): Promise<readonly F[]>;
  /** A file's identity (its URI or path as a string); files under a deleted folder start with `<folder key>/`. */
  key(file: F): string;
  /**
   * What the file's text is now: `version` changes whenever its text does (an open document's version,
   * else modification time and size); `size` in bytes for a text read from storage (none for an open
   * document, which is never too large to read). Undefined when the file is gone.
   */
  stat(file: F): Promise<{ readonly version: string; readonly size?: number } | undefined>;
  /** The file's text (an open document's, else the stored file's). */
  read(file: F): Promise<string>;
  /** The largest file, in bytes, read as a log (the setting athleteLog.maxFileSize). */
  maxFileSize(file: F): number;
  /** The summary of a text as of `today`, calling `pause` between its steps; undefined: not an athlete log. */
  summarize(file: F, text: string, today: string, pause: Pause): Promise<CaseloadSummary | undefined>;
  /** Whether `file` is a guideline file every log reads (the setting athleteLog.guidelineFiles). */
  guidelineForEveryLog(file: F): boolean;
  /** Today in the user's time zone (YYYY-MM-DD). */
  today(): string;
  /** A clock in milliseconds. */
  now(): number;
  /** Gives the thread back (a macrotask); the build goes on when it resolves. */
  yieldThread(): Promise<void>;
  /** A build starts; `end` resolves when it ends (the editor shows progress and a Stop button meanwhile). */
  building?(end: Promise<void>): void;
  /** A file could not be read or summarized (the build goes on with the others). */
  failed?(file: F, error: unknown): void;
}

export interface CaseloadEntry<F> {
  readonly file: F;
  readonly key: string;
  readonly summary: CaseloadSummary;
}

export interface CaseloadProgress {
  readonly building: boolean;
  /** Files read in the current (or last) build, and how many it had to look at. */
  readonly done: number;
  readonly total: number;
  /** The last build was stopped before the end. */
  readonly stopped: boolean;
  /** Markdown files left unread because they are larger than the host's maxFileSize. */
  readonly tooLarge: number;
}

export interface CaseloadStoreOptions {
  /** Called when summaries or the progress changed; during a build at most every `notifyMs`. */
  readonly onChange?: () => void;
  /**
   * How often, at most, listeners hear about a build in progress: the view and the page redraw every
   * athlete on each (a first measurement over 2,000 logs redrew the view 1,132 times at 250 ms).
   */
  readonly notifyMs?: number;
}

interface FileState<F> {
  readonly file: F;
  /** The text's version (the host's). */
  readonly version: string;
  /** What the summary was made from: the version, the date, the settings generation. */
  readonly stamp: string;
  /** Undefined for a Markdown file that is not an athlete log. */
  readonly summary: CaseloadSummary | undefined;
  /** The log's front matter names guideline files of its own. */
  readonly namesGuidelines: boolean;
}

const NOTIFY_MS = 1000;
const GUIDELINES_KEY = /^guidelines[ \t]*:/m;

function frontMatter(text: string): string {
  if (!text.startsWith('---')) {
    return '';
  }
  const end = text.indexOf('\n---', 3);
  return end < 0 ? '' : text.slice(0, end);
}

export class CaseloadStore<F> {
  readonly #host: CaseloadHost<F>;
  readonly #onChange: () => void;
  readonly #notifyMs: number;
  readonly #files = new Map<string, FileState<F>>();
  readonly #queue = new Map<string, F>();
  readonly #tooLarge = new Set<string>();
  #today: string | undefined;
  #generation = 0;
  #scanned: Promise<void> | undefined;
  /** The first build went through every file (a file that appears later is new to the workspace). */
  #complete = false;
  /** The last build was stopped: some files may not be read. */
  #stopped = false;
  #running: Promise<void> | undefined;
  /** The running build's stop flag. */
  #run: { cancelled: boolean } | undefined;
  #progress: CaseloadProgress = { building: false, done: 0, total: 0, stopped: false, tooLarge: 0 };
  #lastNotify = -Infinity;
  #summarized = 0;
  #sorted: CaseloadEntry<F>[] | undefined;

  constructor(host: CaseloadHost<F>, options: CaseloadStoreOptions = {}) {
    this.#host = host;
    this.#onChange = options.onChange ?? (() => undefined);
    this.#notifyMs = options.notifyMs ?? NOTIFY_MS;
  }

  /** The date the caseload is as of: today unless set (tests, a review of a past day). */
  get today(): string {
    return this.#today ?? this.#host.today();
  }

  /** Sets the date the caseload is as of (undefined: today); every summary is made again. */
  setToday(today: string | undefined): Promise<void> {
    this.#today = today;
    this.requeueAll();
    return this.whenIdle();
  }

  /** How many times a file was read and summarized since the start (unchanged files are not). */
  get summarized(): number {
    return this.#summarized;
  }

  get progress(): CaseloadProgress {
    return this.#progress;
  }

  /** The athletes read so far, in attention order (compareByAttention), then by key. */
  entries(): readonly CaseloadEntry<F>[] {
    this.#sorted ??= [...this.#files.entries()]
      .filter((e): e is [string, FileState<F> & { summary: CaseloadSummary }] => e[1].summary !== undefined)
      .map(([key, f]) => ({ file: f.file, key, summary: f.summary }))
      .sort((a, b) => compareByAttention(a.summary, b.summary) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return this.#sorted;
  }

  /** The listed log of a key (a page names logs by key; nothing else is opened). */
  entry(key: string): CaseloadEntry<F> | undefined {
    return this.entries().find((e) => e.key === key);
  }

  /** Starts the first build if none ran yet; resolves when the caseload is complete (or stopped). */
  ensure(): Promise<void> {
    this.#scanned ??= this.refresh();
    return this.#scanned;
  }

  /** Lists every file again; re-reads only the ones that changed; drops the ones gone. */
  async refresh(): Promise<void> {
    const found = await this.#host.list();
    const keep = new Set(found.map((f) => this.#host.key(f)));
    for (const key of [...this.#files.keys()]) {
      if (!keep.has(key)) {
        this.#files.delete(key);
        this.#sorted = undefined;
      }
    }
    this.#tooLarge.clear();
    this.#stopped = false;
    for (const file of found) {
      this.enqueue(file);
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
    if (this.#run) {
      this.#run.cancelled = true;
    }
  }

  /** Resolves when no build is running. */
  async whenIdle(): Promise<void> {
    while (this.#running) {
      await this.#running;
    }
  }

  /** A file of the workspace was created or its text changed: it is read again (after the first build). */
  changed(file: F): void {
    if (this.#scanned) {
      this.enqueue(file);
      void this.drain();
    }
  }

  /** A file or folder was deleted: its logs leave the caseload. */
  deleted(file: F): void {
    const key = this.#host.key(file);
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
      this.#onChange();
    }
  }

  /** Settings that change summaries changed (which files are logs, the pain limit, guideline files): all are made again. */
  settingsChanged(): void {
    this.#generation++;
    this.requeueAll();
  }

  private requeueAll(): void {
    if (!this.#scanned) {
      return;
    }
    for (const f of this.#files.values()) {
      this.enqueue(f.file);
    }
    void this.drain();
  }

  private enqueue(file: F): void {
    const key = this.#host.key(file);
    if (!this.#queue.has(key)) {
      this.#queue.set(key, file);
      if (this.#running) {
        this.#progress = { ...this.#progress, total: this.#progress.total + 1 };
      }
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
    // The last notice (a redraw) on a slice of its own too.
    const run = this.build().then(() => this.#host.yieldThread()).finally(() => {
      this.#running = undefined;
      this.#onChange();
      if (this.#queue.size > 0) {
        void this.drain();
      }
    });
    this.#running = run;
    this.#host.building?.(run);
    return this.whenIdle();
  }

  private async build(): Promise<void> {
    const run = { cancelled: false };
    this.#run = run;
    this.#progress = { building: true, done: 0, total: this.#queue.size, stopped: this.#stopped, tooLarge: this.#tooLarge.size };
    this.#lastNotify = -Infinity;
    const host = this.#host;
    const pause = slicer(() => run.cancelled, () => host.now(), () => host.yieldThread());
    try {
      for (;;) {
        const next = this.#queue.entries().next();
        if (next.done || run.cancelled) {
          break;
        }
        const [key, file] = next.value;
        this.#queue.delete(key);
        try {
          await this.update(key, file, pause);
        } catch (e) {
          if (e instanceof Cancelled) {
            break;
          }
          // One unreadable file never stops the others.
          host.failed?.(file, e);
        }
        this.#progress = { ...this.#progress, done: this.#progress.done + 1, tooLarge: this.#tooLarge.size };
        if (this.#host.now() - this.#lastNotify >= this.#notifyMs) {
          // The listeners redraw every athlete: on a slice of the thread of their own (the pause after
          // it gives the thread back, as the redraw spent the slice).
          await host.yieldThread();
          this.#lastNotify = host.now();
          this.#onChange();
        }
        if (run.cancelled) {
          break;
        }
        // Between logs too: the thread goes back once SLICE_MS have passed since it last did.
        await pause();
      }
    } finally {
      this.#progress = { ...this.#progress, building: false, stopped: this.#stopped, tooLarge: this.#tooLarge.size };
      if (this.#run === run) {
        this.#run = undefined;
      }
    }
  }

  /** Summarizes one file again unless what its summary was made from is unchanged. */
  private async update(key: string, file: F, pause: Pause): Promise<void> {
    const host = this.#host;
    const today = this.today;
    const stat = await host.stat(file);
    if (!stat) {
      this.deleted(file);
      return;
    }
    if (stat.size !== undefined && stat.size > host.maxFileSize(file)) {
      this.#tooLarge.add(key);
      if (this.#files.delete(key)) {
        this.#sorted = undefined;
      }
      return;
    }
    this.#tooLarge.delete(key);
    const stamp = `${stat.version}|${today}|${this.#generation}`;
    const before = this.#files.get(key);
    if (before?.stamp === stamp) {
      return;
    }
    const text = await host.read(file);
    this.#summarized++;
    const summary = await host.summarize(file, text, today, pause);
    this.#files.set(key, { file, version: stat.version, stamp, summary, namesGuidelines: summary !== undefined && GUIDELINES_KEY.test(frontMatter(text)) });
    if (summary !== undefined || before?.summary !== undefined) {
      this.#sorted = undefined;
    }
    // A Markdown file that is not a log and whose text changed (or that is new since the first build).
    if (summary === undefined && before?.summary === undefined && (before ? before.version !== stat.version : this.#complete)) {
      this.guidelineChanged(file);
    }
  }

  /**
   * A Markdown file that is not a log changed: if it is a guideline file, the logs that use it read it
   * again. Workspace guideline files (the setting) apply to every log; others only to logs that name
   * guideline files in their front matter.
   */
  private guidelineChanged(file: F): void {
    const everyLog = this.#host.guidelineForEveryLog(file);
    for (const [key, f] of this.#files) {
      if (f.summary !== undefined && (everyLog || f.namesGuidelines)) {
        this.#files.set(key, { ...f, stamp: '' });
        this.enqueue(f.file);
      }
    }
  }
}
