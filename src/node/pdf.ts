/**
 * Printing the athlete's handout to PDF with a browser already installed on the machine (Chrome, Chromium
 * or Edge), driven by playwright-core. Nothing is downloaded: playwright-core never fetches a browser by
 * itself, the browser starts with its background networking, component updates and sync off, and every
 * request the page makes is refused (the handout is standalone; its CSP lets nothing load anyway).
 *
 * Which browser, first found wins:
 *   1. the one the user names: `--browser PATH` (CLI) or the `athleteLog.browserPath` setting (editor);
 *   2. the environment variable ATHLETE_LOG_BROWSER, then CHROME_PATH;
 *   3. Google Chrome, then Microsoft Edge, where they install by default (playwright-core's `chrome` and
 *      `msedge` channels know those places on Linux, macOS and Windows);
 *   4. Chromium at its usual places (CHROMIUM_PATHS below).
 * Bundled on its own (dist/pdf.js) and loaded only when a PDF is asked for.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** This host can start a browser (the web-worker host's stand-in says false). */
export const CAN_PRINT = true;

export const BROWSER_ENV = 'ATHLETE_LOG_BROWSER';
export const BROWSER_SETTING = 'athleteLog.browserPath';

/** Where Chromium installs, per platform (Chrome and Edge are found through playwright-core's channels). */
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

export type Paper = 'A4' | 'Letter';

/** A browser to try: an executable, or a playwright-core channel (Chrome or Edge at its default place). */
export type BrowserCandidate = { readonly executablePath: string; readonly why: string } | { readonly channel: 'chrome' | 'msedge'; readonly why: string };

export class NoBrowserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoBrowserError';
  }
}

function expand(p: string, env: NodeJS.ProcessEnv): string {
  return p.replace(/%([A-Z_()0-9]+)%/g, (_, k: string) => env[k] ?? `%${k}%`);
}

/**
 * The browsers to try, in order. `named` is the user's own choice (option or setting): when given, it is
 * the only candidate, and a missing file is an error that says so.
 */
export function browserCandidates(named: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: string = process.platform, exists: (p: string) => boolean = existsSync): BrowserCandidate[] {
  if (named !== undefined && named.trim() !== '') {
    if (!exists(named)) {
      throw new NoBrowserError(`no browser at ${named} (the --browser option or the ${BROWSER_SETTING} setting names a file that does not exist)`);
    }
    return [{ executablePath: named, why: 'as named' }];
  }
  const out: BrowserCandidate[] = [];
  for (const key of [BROWSER_ENV, 'CHROME_PATH']) {
    const p = env[key];
    if (p && p.trim() !== '' && exists(p)) {
      out.push({ executablePath: p, why: `from ${key}` });
    }
  }
  out.push({ channel: 'chrome', why: 'Google Chrome' }, { channel: 'msedge', why: 'Microsoft Edge' });
  for (const p of CHROMIUM_PATHS[platform] ?? []) {
    const full = expand(p, env);
    if (!full.includes('%') && exists(full)) {
      out.push({ executablePath: full, why: 'Chromium' });
    }
  }
  return out;
}

export function noBrowserMessage(): string {
  return `no Chrome, Chromium or Edge found to print the PDF with. Install one, or name it with the ${BROWSER_SETTING} setting `
    + `(editor), the --browser option (command line) or the ${BROWSER_ENV} environment variable.`;
}

/** Launches the first candidate that starts. */
export async function launchBrowser(named?: string, env: NodeJS.ProcessEnv = process.env): Promise<{ browser: Browser; name: string }> {
  for (const c of browserCandidates(named, env)) {
    try {
      const browser = 'channel' in c
        ? await chromium.launch({ channel: c.channel, args: LAUNCH_ARGS, timeout: 60000 })
        : await chromium.launch({ executablePath: c.executablePath, args: LAUNCH_ARGS, timeout: 60000 });
      return { browser, name: 'channel' in c ? c.why : c.executablePath };
    } catch (e) {
      if (named !== undefined && named.trim() !== '') {
        throw new NoBrowserError(`the browser at ${named} did not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      // Not installed there (or it did not start): try the next one.
    }
  }
  throw new NoBrowserError(noBrowserMessage());
}

/** Page margins of the printed handout (media/preview.css `@page` says the same). */
export const PDF_MARGIN = { top: '12mm', bottom: '12mm', left: '13mm', right: '13mm' };

/** The options every handout PDF is printed with (the print tests use the same). */
export function pdfOptions(paper: Paper): { format: Paper; printBackground: boolean; margin: typeof PDF_MARGIN; preferCSSPageSize: boolean } {
  return { format: paper, printBackground: true, margin: PDF_MARGIN, preferCSSPageSize: false };
}

/**
 * Prints a standalone page to PDF bytes on A4 or Letter paper. Scripts are off and every request is
 * refused (`onRequest` hears of each one, for tests).
 */
export async function printToPdf(browser: Browser, html: string, paper: Paper, onRequest?: (url: string) => void): Promise<Uint8Array> {
  const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      onRequest?.(route.request().url());
      return route.abort();
    });
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf(pdfOptions(paper));
  } finally {
    await context.close();
  }
}

/** The whole job: find and start a browser, print, close it. Returns the PDF and the browser used. */
export async function htmlToPdf(html: string, options: { paper?: Paper; browserPath?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ pdf: Uint8Array; browser: string }> {
  const { browser, name } = await launchBrowser(options.browserPath, options.env);
  try {
    return { pdf: await printToPdf(browser, html, options.paper ?? 'A4'), browser: name };
  } finally {
    await browser.close();
  }
}
