/**
 * Finding files under folders and by glob patterns: symlinks are followed, but every folder is entered
 * once (by its real path), so a symlink loop ends the walk instead of hanging it, and every file is
 * listed once, under the first path it was reached by. Unreadable folders are reported and skipped.
 */
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface WalkProblem {
  readonly path: string;
  readonly error: unknown;
}

export interface Walker {
  /** Files found so far, in the order found. */
  readonly files: string[];
  readonly problems: WalkProblem[];
  /** Adds `file` unless the same file (by real path) is already listed; false when it was. */
  add(file: string): Promise<boolean>;
  /** Adds the files under `dir` for which `accept(path)` holds, down to `maxDepth` folders deep. */
  walk(dir: string, accept: (file: string) => boolean, options?: { maxDepth?: number; ignore?: ReadonlySet<string> }): Promise<void>;
}

export function createWalker(): Walker {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();

  const add = async (file: string): Promise<boolean> => {
    const real = await fs.realpath(file).catch(() => path.resolve(file));
    if (seenFiles.has(real)) {
      return false;
    }
    seenFiles.add(real);
    files.push(file);
    return true;
  };

  const walk: Walker['walk'] = async (dir, accept, options = {}) => {
    const maxDepth = options.maxDepth ?? Infinity;
    // An explicit stack, not recursion: a deep tree cannot overflow it.
    const stack: { dir: string; depth: number }[] = [{ dir, depth: 0 }];
    while (stack.length > 0) {
      const top = stack.pop();
      if (!top) {
        break;
      }
      let real: string;
      let entries: Dirent[];
      try {
        real = await fs.realpath(top.dir);
        if (seenDirs.has(real)) {
          continue;
        }
        seenDirs.add(real);
        entries = await fs.readdir(top.dir, { withFileTypes: true });
      } catch (error) {
        // A glob's base that does not exist matches nothing; anything else is reported.
        if (!(top.depth === 0 && (error as NodeJS.ErrnoException).code === 'ENOENT')) {
          problems.push({ path: top.dir, error });
        }
        continue;
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const entry of entries) {
        const p = top.dir === '.' ? entry.name : path.join(top.dir, entry.name);
        let isDir = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          let broken: unknown;
          const st = await fs.stat(p).catch((e: NodeJS.ErrnoException) => {
            // A dangling link is no file; a link that cannot be followed (a loop) is reported.
            if (e.code !== 'ENOENT') {
              broken = e;
            }
            return undefined;
          });
          if (broken !== undefined && accept(p)) {
            problems.push({ path: p, error: broken });
          }
          isDir = st?.isDirectory() ?? false;
          isFile = st?.isFile() ?? false;
        }
        if (isDir) {
          if (!options.ignore?.has(entry.name) && top.depth + 1 < maxDepth) {
            subdirs.push(p);
          }
        } else if (isFile && accept(p)) {
          await add(p);
        }
      }
      // Pushed in reverse so folders are walked in name order.
      for (let i = subdirs.length - 1; i >= 0; i--) {
        stack.push({ dir: subdirs[i] ?? '', depth: top.depth + 1 });
      }
    }
  };

  return { files, problems, add, walk };
}

/** True when `arg` is a glob pattern rather than a plain path. */
export function isGlob(arg: string): boolean {
  return picomatch.scan(arg.replace(/\\/g, '/')).isGlob;
}

/** Walks the files a glob pattern matches (paths as the pattern spells them). */
export async function walkGlob(walker: Walker, pattern: string, ignore: ReadonlySet<string>): Promise<number> {
  const posix = pattern.replace(/\\/g, '/');
  const scan = picomatch.scan(posix);
  const base = scan.base === '' ? '.' : scan.base;
  const match = picomatch(posix, { dot: false });
  const before = walker.files.length;
  const maxDepth = scan.glob.includes('**') ? Infinity : scan.glob.split('/').length;
  await walker.walk(base, (file) => match(file.split(path.sep).join('/')), { maxDepth, ignore });
  return walker.files.length - before;
}
