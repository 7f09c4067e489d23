/** Node host for the core: files from disk, the built-in library from the package's guidelines/ folder. */
import { promises as fs, readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { createAthleteLogService, type AthleteLogService, type GuidelineSource } from '../core/index.js';
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

/** One parse worker per process, started on first use, shared by its services. */
let sharedParser: OffThreadParser | undefined | null = null;

export function createNodeService(): AthleteLogService {
  if (sharedParser === null) {
    sharedParser = createOffThreadParser(parseWorkerFile());
  }
  const parser = sharedParser;
  return createAthleteLogService({
    builtinGuidelines: builtinGuidelines(),
    ...(parser ? { parser } : {}),
    workspace: { readFile: (p) => fs.readFile(p, 'utf8') },
    logger: { warn: (m) => process.stderr.write(`${m}\n`) },
  });
}

/** Writes through a temporary file and a rename, so an interrupted run leaves the old or the new file. */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const mode = (await fs.stat(file)).mode;
    await fs.writeFile(tmp, text, { encoding: 'utf8', mode });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}
