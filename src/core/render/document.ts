/**
 * Whole pages around the program body. The exported handout is standalone: inline CSS, no script, and a
 * Content-Security-Policy that lets nothing load from anywhere (images only as data: URLs).
 *
 * `handoutPage` is the one handout builder: the CLI (`athlete-log render`, HTML and PDF) and the editor
 * (Export Program as HTML, Export Handout as PDF) both call it, so the athlete gets the same page from both.
 */
import { esc } from './html.js';
import { renderProgram, type RenderInput } from './program.js';

export function handoutDocument(title: string, body: string, css: string, kind: 'handout' | 'coach' | 'caseload' = 'handout'): string {
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
<body class="athlete-log ${kind}">
<main>
${body}
</main>
</body>
</html>
`;
}

export type HandoutPageInput = Omit<RenderInput, 'handout' | 'linkFindings'>;

/** The athlete's handout as a standalone page: its title (for a file name or a window) and its HTML. */
export function handoutPage(input: HandoutPageInput, css: string): { title: string; html: string } {
  const title = `${input.log.athlete ?? 'Athlete'}: home exercise program`;
  return { title, html: handoutDocument(title, renderProgram({ ...input, handout: true }), css) };
}

/** The coach's preview as a standalone page (`render --view coach`): everything the preview shows. */
export function coachPage(input: HandoutPageInput, css: string): { title: string; html: string } {
  const title = `${input.log.athlete ?? 'Athlete'}: program (coach's view)`;
  return { title, html: handoutDocument(title, renderProgram({ ...input }), css, 'coach') };
}
