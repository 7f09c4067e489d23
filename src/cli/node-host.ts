/** Node host for the core: files from disk, the built-in library from the package's guidelines/ folder. */
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createAthleteLogService, type AthleteLogService, type GuidelineSource } from '../core/index.js';
import { decodeFile } from '../node/encoding.js';
import { FileProblem, describeError, readRegularFile } from '../node/files.js';
import { createOffThreadParser, type OffThreadParser } from '../node/offThread.js';

/** The package root: dist/cli.js lives one folder down; sources (under tsx) two. */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'guidelines'))) {
      return dir;
    }
    dir = path.dirname(dir);
  }
  return path.resolve(__dirname, '..');
}

export function builtinGuidelines(root = packageRoot()): GuidelineSource[] {
  const dir = path.join(root, 'guidelines');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ path: `built-in:${f}`, text: readFileSync(path.join(dir, f), 'utf8') }));
}

/** The parse worker's script: next to the bundle, or the package's dist/ when running from sources. */
export function parseWorkerFile(): string {
  const beside = path.join(__dirname, 'parse-worker.js');
  return existsSync(beside) ? beside : path.join(packageRoot(), 'dist', 'parse-worker.js');
}

/** Largest guideline file read (the built-in library is a few tens of KB). */
export const MAX_GUIDELINE_BYTES = 4 * 1024 * 1024;
/** Time after which reading a guideline file is given up. */
export const GUIDELINE_TIMEOUT_MS = 10000;

/** Folders whose presence marks a workspace's root (a repository, a VS Code folder). */
const WORKSPACE_MARKERS = ['.git', '.vscode', '.hg'];

/**
 * The workspace a log belongs to: the nearest folder above it that holds `.git`, `.vscode` or `.hg`;
 * without one, the log's own folder.
 */
export async function workspaceOf(logFile: string): Promise<string> {
  const start = path.dirname(await fs.realpath(logFile).catch(() => path.resolve(logFile)));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (WORKSPACE_MARKERS.some((m) => existsSync(path.join(dir, m)))) {
      return dir;
    }
    if (path.dirname(dir) === dir) {
      return start;
    }
  }
}

function inside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export interface NodeServiceOptions {
  /** Folders a log's `guidelines:` may read from besides the log's workspace. */
  readonly allowedFolders?: readonly string[];
}

/**
 * Reads a guideline file: a regular file (no device, pipe or folder), at most MAX_GUIDELINE_BYTES, within
 * GUIDELINE_TIMEOUT_MS. When a log asks for it (`requester`), it must lie, after following links, inside
 * that log's workspace or an allowed folder: a log cannot pull other local files into a handout.
 */
export async function readGuideline(file: string, requester: string | undefined, allowedFolders: readonly string[] = []): Promise<string> {
  let real: string;
  try {
    real = await fs.realpath(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      // /dev/stdin and other links into /proc name pipes that have no path of their own.
      if (await fs.lstat(file).then(() => true, () => false)) {
        throw new FileProblem('not a regular file (a device, a pipe or a socket)', 'ENOTREG', e);
      }
      throw new Error('file not found', { cause: e });
    }
    throw new FileProblem(describeError(e), undefined, e);
  }
  if (requester !== undefined) {
    const folders = [await workspaceOf(requester), ...(await Promise.all(allowedFolders.map((f) => fs.realpath(f).catch(() => path.resolve(f)))))];
    if (!folders.some((f) => inside(real, f))) {
      throw new FileProblem('it is outside the log\'s workspace; allow its folder with --allow-guidelines', 'EOUTSIDE');
    }
  }
  try {
    return decodeFile(await readRegularFile(real, { maxBytes: MAX_GUIDELINE_BYTES, timeoutMs: GUIDELINE_TIMEOUT_MS })).text;
  } catch (e) {
    throw new FileProblem(describeError(e), undefined, e);
  }
}

/** One parse worker per process, started on first use, shared by its services. */
let sharedParser: OffThreadParser | undefined | null = null;

export function createNodeService(options: NodeServiceOptions = {}): AthleteLogService {
  if (sharedParser === null) {
    sharedParser = createOffThreadParser(parseWorkerFile());
  }
  const parser = sharedParser;
  return createAthleteLogService({
    builtinGuidelines: builtinGuidelines(),
    ...(parser ? { parser } : {}),
    workspace: { readFile: (p, requester) => readGuideline(p, requester, options.allowedFolders) },
    logger: { warn: (m) => process.stderr.write(`${m}\n`) },
  });
}
