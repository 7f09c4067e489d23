/**
 * The caseload page's script (runs in the webview, bundled to dist/webview/caseload.js): sorts the table by
 * a clicked column (again: the other way), keeps that choice when the page reloads, and asks the extension
 * to open the log of a clicked row (or of the focused row on Enter).
 */
import type { FromCaseloadPage } from '../shared/caseloadPage.js';

interface SortState {
  readonly column: number;
  readonly descending: boolean;
}
interface VsCodeApi {
  postMessage(message: FromCaseloadPage): void;
  getState(): SortState | undefined;
  setState(state: SortState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const table = document.querySelector<HTMLTableElement>('table.caseload');
const body = table?.tBodies[0];
const headers = [...(table?.querySelectorAll<HTMLTableCellElement>('thead th') ?? [])];

function cellKey(row: HTMLTableRowElement, column: number): string | undefined {
  return row.cells[column]?.dataset.sort;
}

/** Sorts the rows; cells without a value go last either way; ties keep attention order (column 0). */
function sortBy(state: SortState): void {
  if (!body) {
    return;
  }
  const numeric = headers[state.column]?.dataset.kind === 'number';
  const rows = [...body.rows];
  const rank = (r: HTMLTableRowElement): number => Number(cellKey(r, 0));
  rows.sort((a, b) => {
    const x = cellKey(a, state.column);
    const y = cellKey(b, state.column);
    if (x === undefined || y === undefined) {
      return x === y ? rank(a) - rank(b) : x === undefined ? 1 : -1;
    }
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y, undefined, { sensitivity: 'base', numeric: true });
    return (state.descending ? -order : order) || rank(a) - rank(b);
  });
  body.append(...rows);
  headers.forEach((h, i) => {
    h.setAttribute('aria-sort', i === state.column ? (state.descending ? 'descending' : 'ascending') : 'none');
  });
}

headers.forEach((h, column) => {
  h.querySelector('button')?.addEventListener('click', () => {
    const now = vscode.getState();
    const state = { column, descending: now?.column === column ? !now.descending : false };
    vscode.setState(state);
    sortBy(state);
  });
});

function open(target: EventTarget | null): void {
  const row = target instanceof Element ? target.closest<HTMLTableRowElement>('tbody tr') : null;
  const uri = row?.dataset.uri;
  if (uri) {
    vscode.postMessage({ type: 'open', uri });
  }
}
body?.addEventListener('click', (e) => open(e.target));
body?.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open(e.target);
  }
});

const first = body?.rows[0]?.cells[1]?.textContent ?? '';
const saved = vscode.getState();
if (saved && saved.column < headers.length) {
  sortBy(saved);
}
vscode.postMessage({ type: 'ready', rows: body?.rows.length ?? 0, first });
