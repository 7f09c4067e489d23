/**
 * The renderer: one model, three outputs (preview body, standalone handout, plain-text summary). Not part
 * of the core's index: the editor loads it when a preview or an export first needs it, so the checker
 * starts without it (rehype, hast and their tables).
 */
export { renderProgram, prescriptionFor, type RenderInput } from './program.js';
export { coachPage, handoutDocument, handoutPage, type HandoutPageInput } from './document.js';
export { buildHandout, handoutChoices, stopRules, PAIN_MONITORING_SOURCE, type Handout, type HandoutCard, type HandoutChoices, type PainRule } from './handout.js';
export { renderSummary } from './text.js';
export { renderMarkdown } from './markdown.js';
export { caseloadPage, caseloadTable } from '../caseload/page.js';
