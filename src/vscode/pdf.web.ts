/**
 * Stand-in for src/node/pdf.ts in the web-worker host (esbuild swaps it in): there is no browser to start
 * there, so Export Handout as PDF explains how to print the HTML export instead and never gets here.
 */
export const CAN_PRINT = false;

export class NoBrowserError extends Error {}

export function htmlToPdf(): Promise<{ pdf: Uint8Array; browser: string }> {
  return Promise.reject(new NoBrowserError('VS Code for the Web cannot start a browser to print a PDF.'));
}
