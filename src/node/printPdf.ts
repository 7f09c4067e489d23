/**
 * Printing the athlete's handout to PDF with a browser already installed on the machine (Chrome, Chromium
 * or Edge), through the browser's own headless printing (`--headless --print-to-pdf`), with no driver
 * library: the editor's Export Handout as PDF uses this, so the .vsix carries no browser driver. The
 * command line uses pdf.ts (playwright-core), which shares the search below.
 *
 * The handout is written to a fresh private temp folder (with the paper size as an `@page` rule; its CSP
 * already lets nothing load and no script run), the browser prints it there with a throw-away profile,
 * its background networking off and every host name unresolvable, and the folder is removed afterwards,
 * whatever happened. A browser that takes longer than the timeout is stopped, with its child processes.
 *
 * Which browser, first found wins:
 *   1. the one the user names: `--browser PATH` (CLI) or the `athleteLog.browserPath` setting (editor);
 *   2. the environment variable ATHLETE_LOG_BROWSER, then CHROME_PATH;
 *   3. Google Chrome, then Microsoft Edge, where they install by default (BROWSER_PATHS);
 *   4. Chromium at its usual places (CHROMIUM_PATHS).
 */
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** This host can start a browser (the web-worker host's stand-in says false). */
export const CAN_PRINT = true;

export const BROWSER_ENV = 'ATHLETE_LOG_BROWSER';
export const BROWSER_SETTING = 'athleteLog.browserPath';

/** Where Google Chrome, then Microsoft Edge, install by default, per platform. */
export const BROWSER_PATHS: Readonly<Record<string, readonly { readonly path: string; readonly why: string }[]>> = {
  linux: [
    { path: '/opt/google/chrome/chrome', why: 'Google Chrome' },
    { path: '/opt/microsoft/msedge/msedge', why: 'Microsoft Edge' },
  ],
  darwin: [
    { path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', why: 'Google Chrome' },
    { path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge', why: 'Microsoft Edge' },
  ],
  win32: [
    { path: '%LOCALAPPDATA%\\Google\\Chrome\\Application\\chrome.exe', why: 'Google Chrome' },
    { path: '%PROGRAMFILES%\\Google\\Chrome\\Application\\chrome.exe', why: 'Google Chrome' },
    { path: '%PROGRAMFILES(X86)%\\Google\\Chrome\\Application\\chrome.exe', why: 'Google Chrome' },
    { path: '%PROGRAMFILES(X86)%\\Microsoft\\Edge\\Application\\msedge.exe', why: 'Microsoft Edge' },
    { path: '%PROGRAMFILES%\\Microsoft\\Edge\\Application\\msedge.exe', why: 'Microsoft Edge' },
  ],
};

/** Where Chromium installs, per platform. */
export const CHROMIUM_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/lib/chromium/chromium'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
  win32: ['%LOCALAPPDATA%\\Chromium\\Application\\chrome.exe', '%PROGRAMFILES%\\Chromium\\Application\\chrome.exe'],
};

/** The flags every launch gets: no sandbox prompt, no GPU, and nothing that talks to the network by itself. */
export const LAUNCH_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];

/** Time after which a browser that has not printed is stopped. */
export const PRINT_TIMEOUT_MS = 60000;

export type Paper = 'A4' | 'Letter';

/** Page margins of the printed handout (media/preview.css `@page` says the same). */
export const PDF_MARGIN = { top: '12mm', bottom: '12mm', left: '13mm', right: '13mm' };

export class NoBrowserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoBrowserError';
  }
}

function expand(p: string, env: NodeJS.ProcessEnv): string {
  return p.replace(/%([A-Z_()0-9]+)%/g, (_, k: string) => env[k] ?? `%${k}%`);
}

function named(browserPath: string | undefined): browserPath is string {
  return browserPath !== undefined && browserPath.trim() !== '';
}

/**
 * The installed browsers to try, in order (see the module comment). `browserPath` is the user's own
 * choice (option or setting): when given, it is the only one, and a missing file is an error that says so.
 */
export function browserExecutables(browserPath: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: string = process.platform, exists: (p: string) => boolean = existsSync): { readonly executablePath: string; readonly why: string }[] {
  if (named(browserPath)) {
    if (!exists(browserPath)) {
      throw new NoBrowserError(`no browser at ${browserPath} (the --browser option or the ${BROWSER_SETTING} setting names a file that does not exist)`);
    }
    return [{ executablePath: browserPath, why: 'as named' }];
  }
  const out: { executablePath: string; why: string }[] = [];
  for (const key of [BROWSER_ENV, 'CHROME_PATH']) {
    const p = env[key];
    if (p && p.trim() !== '' && exists(p)) {
      out.push({ executablePath: p, why: `from ${key}` });
    }
  }
  const known = [...(BROWSER_PATHS[platform] ?? []), ...(CHROMIUM_PATHS[platform] ?? []).map((p) => ({ path: p, why: 'Chromium' }))];
  for (const k of known) {
    const full = expand(k.path, env);
    if (!full.includes('%') && exists(full) && !out.some((o) => o.executablePath === full)) {
      out.push({ executablePath: full, why: k.why });
    }
  }
  return out;
}

export function noBrowserMessage(): string {
  return `no Chrome, Chromium or Edge found to print the PDF with. Install one, or name it with the ${BROWSER_SETTING} setting `
    + `(editor), the --browser option (command line) or the ${BROWSER_ENV} environment variable.`;
}

/** The handout with its paper size and margins as an `@page` rule (the page's CSP allows inline styles). */
export function withPaper(html: string, paper: Paper): string {
  const m = PDF_MARGIN;
  const rule = `<style>@page { size: ${paper}; margin: ${m.top} ${m.right} ${m.bottom} ${m.left}; }</style>`;
  const at = html.search(/<\/head>/i);
  return at < 0 ? `${rule}${html}` : `${html.slice(0, at)}${rule}${html.slice(at)}`;
}

/** Runs the browser until it exits; stops it (and what it started) after `timeoutMs`. */
function runBrowser(executable: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | null; timedOut: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout stops its helper processes too.
    const group = process.platform !== 'win32';
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: group, windowsHide: true });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      if (stderr.length < 64 * 1024) {
        stderr += d;
      }
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (group && child.pid !== undefined) {
          process.kill(-child.pid, 'SIGKILL');
        } else {
          child.kill('SIGKILL');
        }
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, stderr });
    });
  });
}

/** The last line of the browser's own complaint worth showing (it logs much noise about D-Bus and GPUs). */
function complaint(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !/dbus|gpu|sandbox|mojo|bytes written/i.test(l));
  return lines[lines.length - 1]?.slice(0, 300) ?? '';
}

/**
 * The whole job: find a browser, print `html` on A4 or Letter paper, clean up. Returns the PDF and the
 * browser used. Throws NoBrowserError when no browser is found or the named one cannot print, and an
 * Error when a browser ran past the timeout.
 */
export async function htmlToPdf(html: string, options: { paper?: Paper; browserPath?: string; env?: NodeJS.ProcessEnv; platform?: string; timeoutMs?: number } = {}): Promise<{ pdf: Uint8Array; browser: string }> {
  const candidates = browserExecutables(options.browserPath, options.env ?? process.env, options.platform ?? process.platform);
  if (candidates.length === 0) {
    throw new NoBrowserError(noBrowserMessage());
  }
  const timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'athlete-log-print-'));
  try {
    const page = path.join(dir, 'handout.html');
    await fs.writeFile(page, withPaper(html, options.paper ?? 'A4'), { flag: 'wx', mode: 0o600 });
    let failed = '';
    for (const [i, c] of candidates.entries()) {
      const out = path.join(dir, `handout-${i}.pdf`);
      const args = [
        ...LAUNCH_ARGS, '--no-pdf-header-footer', '--host-resolver-rules=MAP * ~NOTFOUND',
        `--user-data-dir=${path.join(dir, `profile-${i}`)}`, `--print-to-pdf=${out}`, pathToFileURL(page).href,
      ];
      let run: Awaited<ReturnType<typeof runBrowser>>;
      try {
        run = await runBrowser(c.executablePath, args, timeoutMs);
      } catch (e) {
        failed = `the browser at ${c.executablePath} did not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
        if (named(options.browserPath)) {
          throw new NoBrowserError(failed);
        }
        continue;
      }
      if (run.timedOut) {
        throw new Error(`the browser at ${c.executablePath} had not printed the handout after ${Math.round(timeoutMs / 1000)} s and was stopped`);
      }
      const pdf = await fs.readFile(out).catch(() => undefined);
      if (pdf && pdf.subarray(0, 5).toString('latin1') === '%PDF-') {
        return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), browser: c.executablePath };
      }
      const why = complaint(run.stderr);
      failed = `the browser at ${c.executablePath} printed no PDF (exit code ${run.code ?? 'none'}${why ? `: ${why}` : ''})`;
      if (named(options.browserPath)) {
        throw new NoBrowserError(failed);
      }
    }
    throw new NoBrowserError(failed ? `${failed}; ${noBrowserMessage()}` : noBrowserMessage());
  } finally {
    await fs.rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
