/**
 * The preview page around the rendered program: a strict Content-Security-Policy (`default-src 'none'`,
 * one nonce'd script, styles and images only from the extension), the stylesheet and the script. Pure, so
 * the hostile-input tests load exactly this page in a real browser. The page shell and its policy are the
 * core's (src/core/render/page.ts).
 */
import { htmlPage, webviewCsp } from '../core/render/page.js';

export interface PreviewShell {
  /** The webview's own origin for styles and images (`webview.cspSource`). */
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUri?: string;
  readonly scriptUri?: string;
  /** The document the page shows (its URI), echoed in every message. */
  readonly source: string;
  readonly body: string;
}

export function previewShell(p: PreviewShell): string {
  return htmlPage({
    title: 'Program preview', csp: webviewCsp(p.cspSource, p.nonce), bodyClass: 'athlete-log preview', bodyData: { source: p.source }, main: p.body,
    ...(p.styleUri ? { styleUri: p.styleUri } : {}),
    ...(p.scriptUri ? { script: { src: p.scriptUri, nonce: p.nonce } } : {}),
  });
}
