/**
 * Printing the athlete's handout to PDF for the command line, with a browser already installed on the
 * machine (Chrome, Chromium or Edge), driven by playwright-core. Nothing is downloaded: playwright-core
 * never fetches a browser by itself, the browser starts with its background networking, component updates
 * and sync off, and every request the page makes is refused (the handout is standalone; its CSP lets
 * nothing load anyway). The search for a browser is printPdf.ts's (the editor prints through the
 * browser's own headless printing there, so the .vsix carries no playwright-core).
 * Bundled on its own (dist/pdf.js) and loaded only when a PDF is asked for.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { browserExecutables, NoBrowserError, noBrowserMessage, LAUNCH_ARGS, PDF_MARGIN, type Paper } from './printPdf.js';

export { BROWSER_ENV, BROWSER_PATHS, BROWSER_SETTING, CAN_PRINT, CHROMIUM_PATHS, LAUNCH_ARGS, NoBrowserError, noBrowserMessage, PDF_MARGIN, type Paper } from './printPdf.js';

/** A browser to try: an executable (found as printPdf.ts finds one). */
export interface BrowserCandidate {
  readonly executablePath: string;
  readonly why: string;
}

/**
 * The browsers to try, in order. `named` is the user's own choice (option or setting): when given, it is
 * the only candidate, and a missing file is an error that says so.
 */
export function browserCandidates(named: string | undefined, env: NodeJS.ProcessEnv = process.env, platform: string = process.platform, exists: (p: string) => boolean = existsSync): BrowserCandidate[] {
  return browserExecutables(named, env, platform, exists);
}

/** Launches the first candidate that starts. */
export async function launchBrowser(named?: string, env: NodeJS.ProcessEnv = process.env): Promise<{ browser: Browser; name: string }> {
  for (const c of browserCandidates(named, env)) {
    try {
      const browser = await chromium.launch({ executablePath: c.executablePath, args: LAUNCH_ARGS, timeout: 60000 });
      return { browser, name: c.executablePath };
    } catch (e) {
      if (named !== undefined && named.trim() !== '') {
        throw new NoBrowserError(`the browser at ${named} did not start: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      }
      // Not installed there (or it did not start): try the next one.
    }
  }
  throw new NoBrowserError(noBrowserMessage());
}

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
