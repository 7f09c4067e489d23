/**
 * Whole pages around the program body. The exported handout is standalone: inline CSS, no script, and a
 * Content-Security-Policy that lets nothing load from anywhere (images only as data: URLs).
 *
 * `handoutPage` is the one handout builder: the CLI (`athlete-log render`, HTML and PDF) and the editor
 * (Export Program as HTML, Export Handout as PDF) both call it, so the athlete gets the same page from both.
 */
import { htmlPage, STANDALONE_CSP } from './page.js';
import { renderProgram, type RenderInput } from './program.js';

export function handoutDocument(title: string, body: string, css: string, kind: 'handout' | 'coach' | 'caseload' = 'handout'): string {
  return htmlPage({ title, csp: STANDALONE_CSP, bodyClass: `athlete-log ${kind}`, main: body, css, noReferrer: true });
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
