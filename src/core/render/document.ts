/**
 * Whole pages around the program body. The exported handout is standalone: inline CSS, no script, and a
 * Content-Security-Policy that lets nothing load from anywhere (images only as data: URLs).
 */
import { esc } from './html.js';

export function handoutDocument(title: string, body: string, css: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>
${css}
</style>
</head>
<body class="athlete-log handout">
<main>
${body}
</main>
</body>
</html>
`;
}
