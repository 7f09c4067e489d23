/**
 * The one HTML page shell every page of the project is written with: the standalone handout and caseload
 * pages (no script, nothing loads: `STANDALONE_CSP`, inline CSS) and the editor's webviews, the preview and
 * the caseload page (`webviewCsp`: nothing by default, styles and images from the extension only, one
 * script that carries the page's nonce). Every value written into the head and the body's attributes is
 * escaped; the body is the caller's HTML, already escaped or sanitized.
 */
import { esc } from './html.js';

/** A standalone page: nothing loads from anywhere, inline styles only, images only as data: URLs. */
export const STANDALONE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;";

/**
 * A webview's policy: nothing by default; styles, images and fonts from the webview's own origin
 * (`webview.cspSource`); scripts only with the page's nonce; no forms, frames, plugins or base URL.
 */
export function webviewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; img-src ${cspSource} data:; script-src 'nonce-${nonce}'; font-src ${cspSource}; form-action 'none'; base-uri 'none'; frame-src 'none'; object-src 'none';`;
}

export interface PageShell {
  readonly title: string;
  /** The page's Content-Security-Policy: STANDALONE_CSP or webviewCsp(...). */
  readonly csp: string;
  /** The body's classes (`athlete-log handout`). */
  readonly bodyClass: string;
  /** More attributes of the body (`data-source`), escaped here. */
  readonly bodyData?: Readonly<Record<string, string>>;
  /** The page's content inside `<main>`, already safe HTML. */
  readonly main: string;
  /** A stylesheet to link (a webview's resource URI). */
  readonly styleUri?: string;
  /** Inline CSS (a standalone page). */
  readonly css?: string;
  /** No referrer for anything the page opens (standalone pages). */
  readonly noReferrer?: boolean;
  /** The one script, from `src`, allowed by `nonce` (webviewCsp). */
  readonly script?: { readonly src: string; readonly nonce: string };
}

export function htmlPage(p: PageShell): string {
  const head = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(p.csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...(p.noReferrer ? ['<meta name="referrer" content="no-referrer">'] : []),
    ...(p.styleUri ? [`<link rel="stylesheet" href="${esc(p.styleUri)}">`] : []),
    `<title>${esc(p.title)}</title>`,
    ...(p.css === undefined ? [] : ['<style>', p.css, '</style>']),
  ];
  const data = Object.entries(p.bodyData ?? {}).map(([k, v]) => ` data-${k}="${esc(v)}"`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    ...head,
    '</head>',
    `<body class="${esc(p.bodyClass)}"${data}>`,
    '<main>',
    p.main,
    '</main>',
    ...(p.script ? [`<script nonce="${esc(p.script.nonce)}" src="${esc(p.script.src)}"></script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
