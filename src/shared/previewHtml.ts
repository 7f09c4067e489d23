/**
 * The preview page around the rendered program: a strict Content-Security-Policy (`default-src 'none'`,
 * one nonce'd script, styles and images only from the extension), the stylesheet and the script. Pure, so
 * the hostile-input tests load exactly this page in a real browser.
 */

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

function attr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function previewCsp(cspSource: string, nonce: string): string {
  return `default-src 'none'; style-src ${cspSource}; img-src ${cspSource} data:; script-src 'nonce-${nonce}'; font-src ${cspSource}; form-action 'none'; base-uri 'none'; frame-src 'none'; object-src 'none';`;
}

export function previewShell(p: PreviewShell): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(previewCsp(p.cspSource, p.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${p.styleUri ? `<link rel="stylesheet" href="${attr(p.styleUri)}">` : ''}
<title>Program preview</title>
</head>
<body class="athlete-log preview" data-source="${attr(p.source)}">
<main>${p.body}</main>
${p.scriptUri ? `<script nonce="${attr(p.nonce)}" src="${attr(p.scriptUri)}"></script>` : ''}
</body>
</html>`;
}
