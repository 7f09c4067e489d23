/**
 * The one facade the editor, the CLI and the tests use. Host capabilities (reading a file) are injected,
 * so the core runs unchanged in Node, in a web worker and in tests.
 */
import picomatch from 'picomatch/posix';
import { frontMatterEnd } from './markdown/blocks.js';
import type { CheckEngine, CheckResult } from './check.js';
import { summarizeLog, type CaseloadSummary } from './caseload/caseload.js';
import { coachingReport, type CoachingReport } from './coaching/coaching.js';
import { LogDocument } from './incremental/document.js';
import { parseDosage } from './dosage/parse.js';
import { applyFixAll, applyFixes, heldBackInBulk } from './fix.js';
import { GuidelineLibrary } from './guidelines/library.js';
import { parseGuidelineFile, parseGuidelineFileSteps, type GuidelineFile } from './guidelines/parse.js';
import { libraryForLog } from './guidelines/select.js';
import type { AthleteLog, Dosage, Finding } from './model.js';
import { resolveOptions, type CheckOptions } from './options.js';
import { runSteps, runStepsSliced, type Steps } from './scheduler/steps.js';
import { warmUp } from './incremental/warmUp.js';
import type { TreeParser } from './markdown/parse.js';
import { hasScheme, resolveFrom } from './paths.js';
import { dateOrderOf, type DateOrder } from './read/dates.js';
import type { GuidelineFileStatus } from './rules/rule.js';

/** What the host provides: reading a text file by path (or URI path). Rejects when it cannot. */
export interface IWorkspace {
  /**
   * `requester` is the path of the log whose front matter names the file (undefined for files the user
   * configured): a host refuses files outside that log's workspace, so a log cannot pull other local
   * files into a handout.
   */
  readFile(path: string, requester?: string): Promise<string>;
}

export interface ILogger {
  warn(message: string): void;
}

export interface GuidelineSource {
  /** Shown as the guideline's file; `built-in:<file name>` for the shipped library (`built-in:alfredson.md`). */
  readonly path: string;
  readonly text: string;
}

export interface ServiceOptions {
  /** The built-in library, as guideline files (the host reads guidelines/*.md from the package). */
  readonly builtinGuidelines: readonly GuidelineSource[];
  readonly workspace?: IWorkspace;
  readonly logger?: ILogger;
  /**
   * Where a cold check of a long log has its Markdown parsed (a worker thread in Node hosts): the
   * parsing then holds neither the thread nor its garbage collector here.
   */
  readonly parser?: TreeParser;
  /**
   * Makes the engine a document is checked with (one per path, kept while the document is). Default:
   * the accelerator (`LogDocument`), which re-checks only what an edit touched; tests pass `plainEngine`.
   */
  readonly engine?: (options: { readonly dateOrder?: DateOrder }) => CheckEngine;
}

export interface CheckRequest {
  readonly text: string;
  /** The log's path or URI path, for resolving `guidelines:` in front matter. */
  readonly path?: string;
  /** The path relative to the workspace, matched against `options.files`. */
  readonly relativePath?: string;
  readonly options?: CheckOptions & {
    /** Workspace guideline files (paths the workspace can read), applied after the built-in library. */
    readonly guidelineFiles?: readonly string[];
  };
  /**
   * Called between blocks and between rules; a returned promise is awaited (the editor gives its thread
   * back there), and a throw stops the check. Without it the check runs in one piece.
   */
  readonly pause?: () => Promise<void> | undefined;
}

/**
 * A model the service keeps working on: its positions are right until the next check of the same
 * document, which may move them (after an edit, the blocks that follow move with one loop, not one copy
 * each). Read what you need from it before checking the document again; findings are plain and stay.
 */
export type LiveAthleteLog = AthleteLog;

export interface LogCheck extends CheckResult {
  /** Live until the next check of the same document (see LiveAthleteLog). */
  readonly log: LiveAthleteLog;
  readonly library: GuidelineLibrary;
}

export interface AthleteLogService {
  /** Cheap: looks at the path and the front matter only. */
  classify(text: string, relativePath: string | undefined, options?: CheckOptions): { isLog: boolean; byPath: boolean };
  /** Checks a log; `undefined` when the text is not an athlete log. */
  check(request: CheckRequest): Promise<LogCheck | undefined>;
  /**
   * The coaching model behind `athlete-log report` (each exercise's history, pain trend and progression,
   * weekly adherence) as of `today`; `undefined` when the text is not an athlete log.
   */
  report(request: CheckRequest, today: string): Promise<CoachingReport | undefined>;
  /**
   * The log's line in the caseload as of `today` (athlete, phase, last session, pain, adherence, findings
   * and flags; src/core/caseload/caseload.ts); `undefined` when the text is not an athlete log. The
   * summary's `path` is the request's path (else its relative path).
   */
  summarize(request: CheckRequest, today: string): Promise<CaseloadSummary | undefined>;
  /** Applies every fix of `findings` once; text outside the fixes is untouched. */
  fix(text: string, findings: readonly Finding[]): { text: string; applied: number };
  /**
   * Fix-all (`check --fix`, fix on save): applies every fix of `findings` that does not raise a dose;
   * `heldBack` counts the fixes that would, which stay quick fixes for the coach to choose.
   */
  fixAll(text: string, findings: readonly Finding[]): { text: string; applied: number; heldBack: number };
  /**
   * Fix-all to the fixed point: checks, applies the bulk fixes, checks again, as long as fixes apply (at
   * most `maxPasses` rounds). One fix can expose another: "Skiping drill" renamed to "Skipping drill" gets
   * its dosage checked, and its range fix follows in the next round. `result` is the check of the final text.
   */
  fixAllUntilDone(request: CheckRequest, maxPasses?: number): Promise<{ text: string; applied: number; heldBack: number; result: LogCheck | undefined }>;
  /** Forgets what was cached for a document (closed, deleted). */
  forget(path: string): void;
  parseDosage(text: string): Dosage;
  /** The library that applies to a log: built-in, then workspace files, then the log's own. */
  library(request?: Pick<CheckRequest, 'path' | 'text' | 'options'>): Promise<GuidelineLibrary>;
  /** Parsed built-in guidelines (for snippets, completion and docs). */
  readonly builtin: readonly GuidelineFile[];
}

const ATHLETE_KEY = /^athlete[ \t]*:/m;
/** Rounds of fix-all before it stops: a fix exposes at most one more in practice; this bounds a loop. */
const FIX_PASSES = 5;

/** Parsed built-in guideline files by path and text: immutable, so every service of a process shares them. */
const PARSED_BUILTINS = new Map<string, GuidelineFile>();

export function createAthleteLogService(opts: ServiceOptions): AthleteLogService {
  // The built-in library is parsed on first use (the first check does it in steps), not when the host
  // starts: parsing it takes tens of milliseconds.
  let builtinFiles: GuidelineFile[] | undefined;
  function* builtinSteps(): Steps<readonly GuidelineFile[]> {
    if (!builtinFiles) {
      const files: GuidelineFile[] = [];
      for (const g of opts.builtinGuidelines) {
        // Services of one process share parsed built-in files (the same text gives the same file).
        const key = `${g.path}\u0000${g.text}`;
        let file = PARSED_BUILTINS.get(key);
        if (!file) {
          file = yield* parseGuidelineFileSteps(g.text, g.path);
          PARSED_BUILTINS.set(key, file);
        }
        files.push(file);
      }
      builtinFiles ??= files;
    }
    return builtinFiles;
  }
  const parsedFiles = new Map<string, { text: string; file: GuidelineFile }>();
  // One incremental document per path, so logs do not evict each other; checks of one path take turns.
  const documents = new Map<string, CheckEngine>();
  const newEngine = opts.engine ?? ((o: { readonly dateOrder?: DateOrder }): CheckEngine => new LogDocument(o));
  // The date order setting each document was read with: another one changes how dates read, so it starts afresh.
  const orders = new Map<string, DateOrder | undefined>();
  const turns = new Map<string, Promise<unknown>>();
  const inTurn = <T>(key: string, work: (doc: CheckEngine) => Promise<T>, dateOrder?: DateOrder): Promise<T> => {
    const before = turns.get(key) ?? Promise.resolve();
    const mine = before.catch(() => undefined).then(() => {
      let doc = documents.get(key);
      if (!doc || orders.get(key) !== dateOrder) {
        doc = newEngine(dateOrder ? { dateOrder } : {});
        orders.set(key, dateOrder);
        documents.set(key, doc);
      }
      return work(doc);
    });
    turns.set(key, mine);
    const done = (): void => {
      if (turns.get(key) === mine) {
        turns.delete(key);
      }
    };
    mine.then(done, done);
    return mine;
  };
  // The same guideline files give the same library object, so findings kept per block stay valid.
  let lastLibrary: { files: readonly GuidelineFile[]; library: GuidelineLibrary } | undefined;
  const libraryOf = (files: readonly GuidelineFile[]): GuidelineLibrary => {
    if (lastLibrary && lastLibrary.files.length === files.length && lastLibrary.files.every((f, i) => f === files[i])) {
      return lastLibrary.library;
    }
    lastLibrary = { files, library: new GuidelineLibrary(files) };
    return lastLibrary.library;
  };
  const matchers = new Map<string, (p: string) => boolean>();

  const matcher = (globs: readonly string[]): ((p: string) => boolean) => {
    const key = globs.join('\u0000');
    let m = matchers.get(key);
    if (!m) {
      m = picomatch([...globs], { dot: true });
      matchers.set(key, m);
    }
    return m;
  };

  async function readGuidelineFile(path: string, requester?: string): Promise<GuidelineFile> {
    if (!opts.workspace) {
      throw new Error('this host cannot read files');
    }
    const text = await opts.workspace.readFile(path, requester);
    const hit = parsedFiles.get(path);
    if (hit && hit.text === text) {
      return hit.file;
    }
    const file = parseGuidelineFile(text, path);
    parsedFiles.set(path, { text, file });
    return file;
  }

  async function statusOf(path: string, written: string, range: GuidelineFileStatus['range'], requester: string | undefined): Promise<GuidelineFileStatus> {
    if (hasScheme(written)) {
      return { path: written, range, error: 'only local guideline files are read, not URLs' };
    }
    try {
      return { path: written, range, file: await readGuidelineFile(path, requester) };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      return { path: written, range, error: /ENOENT|not found|FileNotFound|EntryNotFound/i.test(why) ? 'file not found' : `cannot be read (${why})` };
    }
  }

  async function gather(request: Pick<CheckRequest, 'path' | 'text' | 'options'> | undefined, logFiles: readonly { path: string; range: GuidelineFileStatus['range'] }[]): Promise<{ library: GuidelineLibrary; statuses: GuidelineFileStatus[] }> {
    const files: GuidelineFile[] = [...runSteps(builtinSteps())];
    for (const p of request?.options?.guidelineFiles ?? []) {
      try {
        files.push(await readGuidelineFile(p));
      } catch (e) {
        opts.logger?.warn(`athlete-log: guideline file ${p} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    const statuses: GuidelineFileStatus[] = [];
    for (const g of logFiles) {
      const resolved = request?.path ? resolveFrom(request.path, g.path) : g.path;
      const s = await statusOf(resolved, g.path, g.range, request?.path);
      statuses.push(s);
      if ('file' in s) {
        files.push(s.file);
      }
    }
    return { library: libraryOf(files), statuses };
  }

  const service: AthleteLogService = {
    get builtin() {
      return runSteps(builtinSteps());
    },
    classify(text, relativePath, options) {
      const fmEnd = frontMatterEnd(text);
      const byFrontMatter = fmEnd > 0 && ATHLETE_KEY.test(text.slice(0, fmEnd));
      const byPath = relativePath !== undefined && matcher(resolveOptions(options).files)(relativePath.replace(/\\/g, '/'));
      return { isLog: byFrontMatter || byPath, byPath: byPath && !byFrontMatter };
    },
    async check(request) {
      const { isLog, byPath } = service.classify(request.text, request.relativePath, request.options);
      if (!isLog) {
        return undefined;
      }
      // Parse once; the front matter names the extra guideline files the rules then use.
      const run = <T>(steps: Steps<T>): T | Promise<T> => (request.pause ? runStepsSliced(steps, request.pause) : runSteps(steps));
      return inTurn(request.path ?? request.relativePath ?? '', async (doc) => {
        await run(warmUp());
        await run(builtinSteps());
        const log = await (opts.parser ? runStepsSliced(doc.read(request.text, opts.parser), request.pause ?? (() => undefined)) : run(doc.read(request.text)));
        const gathered = await gather(request, log.guidelineFiles);
        const { statuses } = gathered;
        // The protocols the log names or its condition matches come first (guidelines/select.ts).
        const library = libraryForLog(gathered.library, log);
        const findings = await run(doc.check(log, {
          library, logByPath: byPath, guidelineFiles: statuses,
          ...(request.options ? { options: request.options } : {}),
        }));
        return { log, findings, library };
      }, dateOrderOf(request.options?.dateOrder));
    },
    async report(request, today) {
      const result = await service.check({ ...request, options: { ...request.options, today } });
      return result && coachingReport(result.log, result.library, resolveOptions({ ...request.options, today }), today);
    },
    async summarize(request, today) {
      const options = { ...request.options, today };
      const result = await service.check({ ...request, options });
      if (!result) {
        return undefined;
      }
      const resolved = resolveOptions(options);
      // Read at once: the model is live until the next check of the same document.
      const report = coachingReport(result.log, result.library, resolved, today);
      return summarizeLog({
        path: request.path ?? request.relativePath ?? '', log: result.log, findings: result.findings, library: result.library,
        report, options: resolved, today,
      });
    },
    fix(text, findings) {
      return applyFixes(text, findings);
    },
    fixAll(text, findings) {
      return applyFixAll(text, findings);
    },
    async fixAllUntilDone(request, maxPasses = FIX_PASSES) {
      let text = request.text;
      let applied = 0;
      let result = await service.check(request);
      for (let pass = 0; result && pass < maxPasses; pass++) {
        const out = applyFixAll(text, result.findings);
        if (out.applied === 0 || out.text === text) {
          break;
        }
        text = out.text;
        applied += out.applied;
        result = await service.check({ ...request, text });
      }
      const heldBack = (result?.findings ?? []).filter(heldBackInBulk).length;
      return { text, applied, heldBack, result };
    },
    forget(path) {
      documents.delete(path);
      orders.delete(path);
    },
    parseDosage,
    async library(request) {
      return (await gather(request, [])).library;
    },
  };
  return Object.freeze(service);
}
