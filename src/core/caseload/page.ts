/**
 * The caseload as a page: one table row per log, in the order given (sort with `compareByAttention`
 * first). The standalone page (`athlete-log caseload --format html`) has the handout's security: every
 * value escaped (`esc`), no script, and the handout's Content-Security-Policy, which lets nothing load
 * (`handoutDocument`). The cells' words are shared with the terminal table (`caseloadCells`).
 */
import { esc } from '../render/html.js';
import { handoutDocument } from '../render/document.js';
import { CASELOAD_FLAG_LABELS, caseloadCells, CASELOAD_COLUMNS, type CaseloadSummary } from './caseload.js';

const CSS = `
:root { --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --border: #d1d9e0; --error: #cf222e; --warn: #9a6700; --ok: #1a7f37; --note: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --border: #3d444d; --error: #ff7b72; --warn: #d29922; --ok: #3fb950; --note: #4493f8; } }
body.athlete-log { color: var(--fg); background: var(--bg); font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
main { padding: 1rem 1.5rem 2rem; }
h1 { font-size: 1.5rem; margin: 0.3rem 0; }
.meta { color: var(--muted); margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
th, td { border-bottom: 1px solid var(--border); padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
th { color: var(--muted); font-weight: 600; white-space: nowrap; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
.path { color: var(--muted); font-size: 0.8rem; display: block; overflow-wrap: anywhere; }
.flag { display: inline-block; border-radius: 3px; padding: 0 0.3rem; margin: 0 0.2rem 0.2rem 0; border: 1px solid currentColor; white-space: nowrap; }
.flag.red-flag { color: var(--error); font-weight: 700; }
.flag.pain-above-threshold, .flag.rising-pain, .flag.consider-regression { color: var(--error); }
.flag.log-gap { color: var(--warn); }
.flag.ready-to-progress { color: var(--ok); }
.flag.unreadable-lines { color: var(--note); }
tr.attention-0 > :first-child { border-left: 4px solid var(--error); }
tr.attention-1 > :first-child { border-left: 4px solid var(--error); }
tr.attention-2 > :first-child { border-left: 4px solid var(--warn); }
tr.attention-3 > :first-child { border-left: 4px solid var(--ok); }
@media print { body.athlete-log { color: #000; background: #fff; } }
`;

/** The table alone (for a page or a webview): escaped, with a class per flag and per attention rank. */
export function caseloadTable(summaries: readonly CaseloadSummary[]): string {
  const head = `<thead><tr>${CASELOAD_COLUMNS.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`;
  const rows = summaries.map((s) => {
    const cells = caseloadCells(s);
    const flags = s.flags.length === 0 ? '-' : s.flags.map((f) => `<span class="flag ${esc(f)}">${esc(CASELOAD_FLAG_LABELS[f])}</span>`).join('');
    const td = cells.map((c, i) => {
      switch (i) {
        case 0:
          return `<th scope="row">${esc(c)}<span class="path">${esc(s.path)}</span></th>`;
        case 1:
          return `<td>${flags}</td>`;
        case 2: case 3: case 4: case 6: case 7:
          return `<td class="num">${esc(c)}</td>`;
        default:
          return `<td>${esc(c)}</td>`;
      }
    }).join('');
    return `<tr class="attention-${s.attention}">${td}</tr>`;
  });
  return `<table class="caseload">${head}<tbody>\n${rows.join('\n')}\n</tbody></table>`;
}

/** The caseload as a standalone page: no script, nothing loaded from anywhere. */
export function caseloadPage(summaries: readonly CaseloadSummary[], today: string): { title: string; html: string } {
  const title = `Caseload on ${today}`;
  const body = `<h1>${esc(title)}</h1>\n<p class="meta">${summaries.length} ${summaries.length === 1 ? 'log' : 'logs'}, what needs attention first: red flags, then pain, then log gaps, then ready to progress.</p>\n${caseloadTable(summaries)}`;
  return { title, html: handoutDocument(title, body, CSS, 'caseload') };
}
