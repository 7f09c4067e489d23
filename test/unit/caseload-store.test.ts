/**
 * The caseload store (src/core/caseload/store.ts) with a fake host and a fake clock: the clock moves only
 * inside the fake read and summarize, so how long the store holds the thread between two pauses is
 * counted exactly, never timed. Also: Stop, what is read again, attention order, deletions, large files.
 */
import assert from 'node:assert/strict';
import type { CaseloadSummary } from '../../src/core/caseload/caseload.js';
import { CaseloadStore, type CaseloadHost, type Pause } from '../../src/core/caseload/store.js';
import { SLICE_MS } from '../../src/core/scheduler/slicer.js';

const NO_FINDINGS = { error: 0, warning: 0, information: 0, hint: 0 };

interface FakeFile {
  text: string;
  version: number;
  size?: number;
}

/** A workspace in memory. A log's text is `athlete: NAME` and `attention: N` lines; other texts are not logs. */
class FakeHost implements CaseloadHost<string> {
  readonly files = new Map<string, FakeFile>();
  /** The fake clock (ms). */
  clock = 0;
  /** Clock time a read takes; a summary takes `steps` steps of `stepMs`, calling pause after each when `pauses`. */
  readMs = 1;
  steps = 3;
  stepMs = 1;
  pauses = true;
  readonly reads: string[] = [];
  /** How long the thread was held before each time it was given back, and what was summarized by then. */
  readonly holds: { ms: number; summarized: number; inside: boolean }[] = [];
  #resumed = 0;
  #inside = false;
  #summarized = 0;
  /** Runs at the start of each summary's step (tests stop the build from here). */
  onStep: (file: string, step: number) => void = () => undefined;
  maxSize = 1000;
  everyLog = new Set<string>();

  add(path: string, text: string): void {
    const before = this.files.get(path);
    this.files.set(path, { text, version: (before?.version ?? 0) + 1 });
  }

  list(): Promise<readonly string[]> {
    return Promise.resolve([...this.files.keys()]);
  }

  key(file: string): string {
    return file;
  }

  stat(file: string): Promise<{ version: string; size: number } | undefined> {
    const f = this.files.get(file);
    return Promise.resolve(f && { version: String(f.version), size: f.size ?? f.text.length });
  }

  read(file: string): Promise<string> {
    this.reads.push(file);
    this.clock += this.readMs;
    return Promise.resolve(this.files.get(file)?.text ?? '');
  }

  maxFileSize(): number {
    return this.maxSize;
  }

  async summarize(file: string, text: string, _today: string, pause: Pause): Promise<CaseloadSummary | undefined> {
    this.#inside = true;
    try {
      for (let i = 0; i < this.steps; i++) {
        this.onStep(file, i);
        this.clock += this.stepMs;
        const wait = this.pauses ? pause() : undefined;
        if (wait) {
          await wait;
        }
      }
    } finally {
      this.#inside = false;
    }
    const athlete = /^athlete: (.+)$/m.exec(text)?.[1];
    if (athlete === undefined) {
      return undefined;
    }
    this.#summarized++;
    const attention = Number(/^attention: (\d+)$/m.exec(text)?.[1] ?? 9);
    return { path: file, athlete, painTrend: 'unknown', findings: NO_FINDINGS, flags: attention < 9 ? ['log-gap'] : [], attention };
  }

  guidelineForEveryLog(file: string): boolean {
    return this.everyLog.has(file);
  }

  today(): string {
    return '2026-12-01';
  }

  now(): number {
    return this.clock;
  }

  yieldThread(): Promise<void> {
    this.holds.push({ ms: this.clock - this.#resumed, summarized: this.#summarized, inside: this.#inside });
    return Promise.resolve().then(() => {
      this.#resumed = this.clock;
    });
  }

  building(end: Promise<void>): void {
    this.#resumed = this.clock;
    void end.then(() => {
      // The stretch from the last pause to the end of the build.
      this.holds.push({ ms: this.clock - this.#resumed, summarized: this.#summarized, inside: false });
    });
  }

  longestHold(): number {
    return Math.max(0, ...this.holds.map((h) => h.ms));
  }
}

function workspaceOf(files: Readonly<Record<string, string>>): FakeHost {
  const host = new FakeHost();
  for (const [path, text] of Object.entries(files)) {
    host.add(path, text);
  }
  return host;
}

function workspace(count: number): FakeHost {
  const host = new FakeHost();
  for (let i = 0; i < count; i++) {
    host.add(`/ws/log-${String(i).padStart(3, '0')}.md`, `athlete: Athlete ${i}\nattention: ${i % 10}\n`);
  }
  return host;
}

describe('caseload store', () => {
  it('gives the thread back between logs, never holding it longer than SLICE_MS plus one step', async () => {
    // Logs with no pause inside their summary: only the store's pause between logs gives the thread back.
    const host = workspace(40);
    host.pauses = false;
    host.steps = 2;
    const store = new CaseloadStore(host);
    await store.ensure();
    assert.equal(store.entries().length, 40);
    const log = host.readMs + host.steps * host.stepMs;
    assert.ok(host.holds.length >= Math.floor((40 * log) / (SLICE_MS + log)), `${host.holds.length} pauses`);
    assert.ok(host.holds.every((h) => !h.inside), 'every pause between two logs');
    assert.ok(host.longestHold() <= SLICE_MS + log, `held ${host.longestHold()} ms`);
    // And not after every log either: a pause costs a macrotask, so a few quick logs share one slice.
    assert.ok(host.holds.length < 40, `${host.holds.length} pauses for 40 logs`);
  });

  it('gives the thread back inside a long log through the summary\'s pause', async () => {
    const host = workspace(5);
    host.steps = 40;
    const store = new CaseloadStore(host);
    await store.ensure();
    assert.equal(store.entries().length, 5);
    assert.ok(host.holds.some((h) => h.inside), 'pauses inside a summary');
    // A step is one read or one step of a summary: 1 ms on the fake clock.
    assert.ok(host.longestHold() <= SLICE_MS + 1, `held ${host.longestHold()} ms`);
    assert.ok(host.holds.length >= (5 * 41) / (SLICE_MS + 1) - 1, `${host.holds.length} pauses`);
  });

  it('stops after the current step, keeping the logs read before it', async () => {
    const host = workspace(10);
    const store = new CaseloadStore(host);
    host.onStep = (file, step) => {
      if (file === '/ws/log-003.md' && step === 1) {
        store.stop();
      }
    };
    await store.ensure();
    assert.deepEqual(host.reads, ['/ws/log-000.md', '/ws/log-001.md', '/ws/log-002.md', '/ws/log-003.md'], 'nothing read after Stop');
    assert.deepEqual(store.entries().map((e) => e.key).sort(), ['/ws/log-000.md', '/ws/log-001.md', '/ws/log-002.md']);
    assert.deepEqual(store.progress, { building: false, done: 3, total: 10, stopped: true, tooLarge: 0 });
    // Refresh reads the rest, and only the rest.
    host.onStep = () => undefined;
    await store.refresh();
    assert.equal(host.reads.length, 4 + 7);
    assert.equal(store.entries().length, 10);
    assert.equal(store.progress.stopped, false);
  });

  it('does not read an unchanged file again; reads a changed one, and all on a new date or settings', async () => {
    const host = workspace(6);
    const store = new CaseloadStore(host);
    await store.ensure();
    assert.equal(host.reads.length, 6);
    await store.refresh();
    store.changed('/ws/log-002.md');
    await store.whenIdle();
    assert.equal(host.reads.length, 6, 'nothing changed, nothing read');
    host.add('/ws/log-002.md', 'athlete: Renamed\nattention: 0\n');
    store.changed('/ws/log-002.md');
    await store.whenIdle();
    assert.deepEqual(host.reads.slice(6), ['/ws/log-002.md']);
    assert.equal(store.entry('/ws/log-002.md')?.summary.athlete, 'Renamed');
    await store.setToday('2026-12-02');
    assert.equal(host.reads.length, 7 + 6);
    store.settingsChanged();
    await store.whenIdle();
    assert.equal(host.reads.length, 13 + 6);
    assert.equal(store.summarized, 19);
  });

  it('lists logs in attention order, then by file; drops deleted files and folders, skips files too large', async () => {
    const host = workspaceOf({
      '/ws/b.md': 'athlete: Bo\nattention: 9\n', '/ws/a.md': 'athlete: Al\nattention: 9\n',
      '/ws/team/c.md': 'athlete: Cy\nattention: 0\n', '/ws/team/d.md': 'athlete: Di\nattention: 4\n',
      '/ws/notes.md': 'not a log\n', '/ws/huge.md': 'athlete: Huge\nattention: 0\n',
    });
    const huge = host.files.get('/ws/huge.md');
    assert.ok(huge);
    huge.size = host.maxSize + 1;
    const store = new CaseloadStore(host);
    await store.ensure();
    assert.deepEqual(store.entries().map((e) => e.summary.athlete), ['Cy', 'Di', 'Al', 'Bo']);
    assert.equal(store.progress.tooLarge, 1);
    assert.equal(store.entry('/ws/b.md')?.summary.athlete, 'Bo');
    assert.equal(store.entry('/ws/notes.md'), undefined, 'a Markdown file that is not a log is not listed');
    host.files.delete('/ws/team/c.md');
    host.files.delete('/ws/team/d.md');
    store.deleted('/ws/team');
    assert.deepEqual(store.entries().map((e) => e.summary.athlete), ['Al', 'Bo']);
    host.files.delete('/ws/a.md');
    await store.refresh();
    assert.deepEqual(store.entries().map((e) => e.summary.athlete), ['Bo']);
  });

  it('reads again the logs that use a guideline file when it changes', async () => {
    const host = workspaceOf({
      '/ws/own.md': '---\nathlete: Own\nguidelines: [protocol.md]\n---\nattention: 9\n', '/ws/plain.md': 'athlete: Plain\nattention: 9\n',
      '/ws/protocol.md': '# a guideline file\n', '/ws/shared.md': '# a workspace guideline file\n',
    });
    host.everyLog.add('/ws/shared.md');
    const store = new CaseloadStore(host);
    await store.ensure();
    const reads = (): string[] => host.reads.splice(0);
    reads();
    host.add('/ws/protocol.md', '# the guideline file, changed\n');
    store.changed('/ws/protocol.md');
    await store.whenIdle();
    assert.deepEqual(reads().sort(), ['/ws/own.md', '/ws/protocol.md'], 'only the log that names guideline files');
    host.add('/ws/shared.md', '# the workspace guideline file, changed\n');
    store.changed('/ws/shared.md');
    await store.whenIdle();
    assert.deepEqual(reads().sort(), ['/ws/own.md', '/ws/plain.md', '/ws/shared.md'], 'every log');
  });

  it('gives the listener\'s redraw a slice of its own: the thread goes back right before and right after it', async () => {
    const host = workspace(300);
    host.pauses = false;
    host.steps = 1;
    const redrawMs = 30;
    const store = new CaseloadStore(host, {
      notifyMs: 100,
      onChange: () => {
        host.clock += redrawMs;
      },
    });
    await store.ensure();
    const log = host.readMs + host.steps * host.stepMs;
    const redraws = host.holds.filter((h) => h.ms >= redrawMs);
    assert.ok(redraws.length >= 5, `${redraws.length} redraws`);
    // A stretch with a redraw in it holds the redraw alone, never a slice of reading as well.
    assert.ok(host.holds.every((h) => h.ms <= Math.max(redrawMs, SLICE_MS + log)), host.holds.map((h) => h.ms).join(' '));
  });

  it('tells its listener about a build in progress at most every notifyMs', async () => {
    const host = workspace(500);
    host.steps = 1;
    let heard = 0;
    const store = new CaseloadStore(host, { notifyMs: 100, onChange: () => heard++ });
    await store.ensure();
    // 500 logs of 2 ms on the fake clock: 1,000 ms, so about 10 notices in the build and one at its end.
    assert.equal(host.clock, 1000);
    assert.ok(heard >= 10 && heard <= 12, `${heard} notices`);
    assert.equal(store.progress.done, 500);
  });
});
