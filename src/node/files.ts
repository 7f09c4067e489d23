/**
 * Reading and writing files for the CLI (and any Node host) without surprises:
 *
 * - `readRegularFile` opens without blocking (a FIFO or a terminal does not hang the open), then reads
 *   only a regular file, up to a size cap, within a time limit.
 * - `writeSafely` replaces a file's content the way an editor saves: the symlink's target is written and
 *   the link kept; a temp file is created exclusively (never following a link planted at its name) in the
 *   target's folder, given the target's mode and owner, synced, and renamed over the target; just before
 *   the rename the target is read again and nothing is written if it changed since it was read. A file
 *   with several hard links is written in place, so the links stay one file. Read-only files are refused
 *   unless asked. Temp files are removed on every error and when the process is interrupted.
 */
import { randomBytes } from 'node:crypto';
import { constants, promises as fs, unlinkSync } from 'node:fs';
import * as path from 'node:path';

/** A problem with a file, in words for the user (no stack, no absolute path unless it was given). */
export class FileProblem extends Error {
  constructor(message: string, readonly code?: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}

/** Short words for the usual system error codes. */
export function describeError(e: unknown): string {
  if (e instanceof FileProblem) {
    return e.message;
  }
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = {
    ENOENT: 'no such file or folder', EACCES: 'permission denied (EACCES)', EPERM: 'not permitted (EPERM)',
    EISDIR: 'is a folder', ENOTDIR: 'a part of the path is not a folder', ELOOP: 'too many symbolic links (ELOOP)',
    EROFS: 'read-only file system (EROFS)', ENOSPC: 'no space left on the device (ENOSPC)', EEXIST: 'already exists',
    ENXIO: 'no such device (ENXIO)', ABORT_ERR: 'reading took too long', ETIMEDOUT: 'reading took too long',
  };
  if (code && words[code]) {
    return words[code];
  }
  return code ?? (e instanceof Error ? e.message : String(e));
}

export interface ReadLimits {
  /** Largest size read, in bytes. */
  readonly maxBytes: number;
  /** Milliseconds before the read is given up. */
  readonly timeoutMs?: number;
}

/** The bytes of a regular file (see the module comment); throws FileProblem otherwise. */
export async function readRegularFile(file: string, limits: ReadLimits): Promise<Buffer> {
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const st = await handle.stat();
    if (!st.isFile()) {
      throw new FileProblem(st.isDirectory() ? 'is a folder' : 'not a regular file (a device, a pipe or a socket)', 'ENOTREG');
    }
    if (st.size > limits.maxBytes) {
      throw new FileProblem(`larger than ${formatSize(limits.maxBytes)} (${formatSize(st.size)})`, 'EFBIG');
    }
    const signal = AbortSignal.timeout(limits.timeoutMs ?? 10000);
    const bytes = await handle.readFile({ signal });
    if (bytes.length > limits.maxBytes) {
      throw new FileProblem(`larger than ${formatSize(limits.maxBytes)}`, 'EFBIG');
    }
    return bytes;
  } finally {
    await handle.close();
  }
}

function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(n % (1024 * 1024) === 0 ? 0 : 1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

// Temp files being written; removed when the process is interrupted (SIGINT, SIGTERM, SIGHUP).
const temps = new Set<string>();
let handlersInstalled = false;

function removeTempsNow(): void {
  for (const t of temps) {
    try {
      unlinkSync(t);
    } catch {
      // already gone
    }
  }
  temps.clear();
}

function installSignalHandlers(): void {
  if (handlersInstalled) {
    return;
  }
  handlersInstalled = true;
  const signals: [NodeJS.Signals, number][] = [['SIGINT', 2], ['SIGTERM', 15], ['SIGHUP', 1]];
  for (const [signal, number] of signals) {
    process.on(signal, () => {
      removeTempsNow();
      process.exit(128 + number);
    });
  }
  process.on('exit', removeTempsNow);
}

/** True when the file's mode bits let nobody in the runner's class write it (root: nobody at all). */
function isReadOnly(st: { mode: number; uid: number; gid: number }): boolean {
  const uid = process.getuid?.();
  if (uid === undefined) {
    return (st.mode & 0o200) === 0;
  }
  if (uid === 0) {
    return (st.mode & 0o222) === 0;
  }
  if (uid === st.uid) {
    return (st.mode & 0o200) === 0;
  }
  if (process.getgroups?.().includes(st.gid) || process.getgid?.() === st.gid) {
    return (st.mode & 0o020) === 0;
  }
  return (st.mode & 0o002) === 0;
}

export interface WriteOptions {
  /** The content the new bytes were made from: nothing is written if the file no longer holds it. */
  readonly expected?: Buffer;
  /** Write a read-only file too (it stays read-only). */
  readonly force?: boolean;
}

/** The file a path names after following every symlink; the path itself when it does not exist yet. */
export async function targetOf(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      // A dangling link names a file that does not exist yet; refuse rather than guess.
      const st = await fs.lstat(file).catch(() => undefined);
      if (st?.isSymbolicLink()) {
        throw new FileProblem('a symbolic link to a file that does not exist', 'EDANGLING');
      }
      return path.resolve(file);
    }
    throw e;
  }
}

/** Replaces the content of `file` with `data` (see the module comment). */
export async function writeSafely(file: string, data: Buffer, options: WriteOptions = {}): Promise<void> {
  const target = await targetOf(file);
  const st = await fs.stat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT' && options.expected === undefined) {
      return undefined;
    }
    throw e;
  });
  if (st && !st.isFile()) {
    throw new FileProblem('not a regular file (a device, a pipe, a socket or a folder)', 'ENOTREG');
  }
  if (st && !options.force && isReadOnly(st)) {
    throw new FileProblem('the file is read-only; nothing was written (pass --force to write it anyway)', 'EREADONLY');
  }
  const unchanged = async (): Promise<void> => {
    if (options.expected === undefined) {
      return;
    }
    const now = await fs.readFile(target);
    if (!now.equals(options.expected)) {
      throw new FileProblem('the file changed since it was read; nothing was written (run again)', 'ECHANGED');
    }
  };
  if (st && st.nlink > 1) {
    // A rename would split the hard links into two files: write in place instead.
    await unchanged();
    const handle = await fs.open(target, 'r+');
    try {
      await handle.write(data, 0, data.length, 0);
      await handle.truncate(data.length);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return;
  }
  installSignalHandlers();
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': O_CREAT | O_EXCL, which fails on any existing name, a planted symlink included.
  // A new file gets the usual 0666 less the umask; a replaced one gets its target's mode below.
  const handle = await fs.open(tmp, 'wx', st ? 0o600 : 0o666);
  temps.add(tmp);
  try {
    try {
      await handle.writeFile(data);
      if (st) {
        await handle.chmod(st.mode & 0o7777);
        await handle.chown(st.uid, st.gid).catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await unchanged();
    await fs.rename(tmp, target);
    temps.delete(tmp);
    await syncFolder(dir);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    temps.delete(tmp);
    throw e;
  }
}

async function syncFolder(dir: string): Promise<void> {
  try {
    const h = await fs.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // some systems cannot sync a folder; the rename itself is atomic
  }
}

/** True when `a` and `b` name the same existing file (through links, case folding, hard links). */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([fs.stat(a).catch(() => undefined), fs.stat(b).catch(() => undefined)]);
  return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Creates the missing folders of `dir` one by one (no recursive mkdir, which loops on paths like
 * /proc/x); each existing part must be a folder.
 */
export async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  let d = path.resolve(dir);
  for (;;) {
    const st = await fs.stat(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') {
        return undefined;
      }
      throw e;
    });
    if (st) {
      if (!st.isDirectory()) {
        throw new FileProblem(`${path.basename(d)} is not a folder`, 'ENOTDIR');
      }
      break;
    }
    missing.push(d);
    const up = path.dirname(d);
    if (up === d) {
      break;
    }
    d = up;
  }
  for (const m of missing.reverse()) {
    await fs.mkdir(m);
  }
}
