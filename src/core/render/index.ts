/** The renderer: one model, three outputs (preview body, standalone handout, plain-text summary). */
export { renderProgram, prescriptionFor, type RenderInput } from './program.js';
export { handoutDocument } from './document.js';
export { renderSummary } from './text.js';
export { renderMarkdown } from './markdown.js';
