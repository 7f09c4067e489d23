/**
 * The caseload page (Athlete Log: Open Caseload): one table row per athlete in attention order, sortable by
 * any column, a click on a row opens that athlete's log. Pure, so unit tests read the HTML it makes.
 *
 * Security: the same Content-Security-Policy as the preview (`default-src 'none'`, one nonce'd script from
 * the extension, styles from the extension); every value from a log is escaped as text or attribute; the
 * page names a log only by the URI the extension gave it, and the extension opens only URIs it listed.
 */
import type { CaseloadSummary } from '../core/caseload/caseload.js';
import { esc } from '../core/render/html.js';
import { htmlPage, webviewCsp } from '../core/render/page.js';
import { adherenceWords, findingsWords, flagsLine, lastSessionWords, painWords, phaseWords } from './caseloadWords.js';

export interface CaseloadRow {
  /** The log's URI, echoed by the page when the row is clicked. */
  readonly uri: string;
  readonly summary: CaseloadSummary;
}

export interface CaseloadPageInput {
  readonly cspSource: string;
  readonly nonce: string;
  readonly styleUri?: string;
  readonly scriptUri?: string;
  readonly rows: readonly CaseloadRow[];
  /** A line above the table (the date the caseload is as of, a build still going on). */
  readonly note: string;
}

/** Page -> extension messages. */
export type FromCaseloadPage =
  | { readonly type: 'ready'; readonly rows: number; readonly first: string }
  | { readonly type: 'open'; readonly uri: string };

export function isFromCaseloadPage(m: unknown): m is FromCaseloadPage {
  if (typeof m !== 'object' || m === null) {
    return false;
  }
  const x = m as Record<string, unknown>;
  switch (x.type) {
    case 'ready':
      return typeof x.rows === 'number' && Number.isInteger(x.rows) && x.rows >= 0 && typeof x.first === 'string';
    case 'open':
      return typeof x.uri === 'string';
    default:
      return false;
  }
}

/** A table column: its heading, how a cell reads, and the key it sorts by (numbers sort as numbers). */
interface Column {
  readonly heading: string;
  readonly kind: 'text' | 'number';
  readonly cell: (s: CaseloadSummary, rank: number) => string;
  readonly key: (s: CaseloadSummary, rank: number) => string | number | undefined;
}

/** The rank: the only column that depends on the row's place, not on the summary alone. */
const RANK: Column = { heading: '#', kind: 'number', cell: (_, r) => String(r), key: (_, r) => r };

const COLUMNS: readonly Column[] = [
  RANK,
  { heading: 'Athlete', kind: 'text', cell: (s) => s.athlete, key: (s) => s.athlete },
  { heading: 'Flags', kind: 'number', cell: (s) => flagsLine(s), key: (s) => s.attention },
  { heading: 'Condition', kind: 'text', cell: (s) => s.condition ?? '', key: (s) => s.condition },
  { heading: 'Coach', kind: 'text', cell: (s) => s.coach ?? '', key: (s) => s.coach },
  { heading: 'Phase', kind: 'text', cell: (s) => phaseWords(s) ?? '', key: (s) => phaseWords(s) },
  { heading: 'Last session', kind: 'number', cell: (s) => lastSessionWords(s), key: (s) => s.daysSinceLastSession },
  { heading: 'Pain', kind: 'number', cell: (s) => painWords(s), key: (s) => s.lastPain },
  { heading: 'Adherence', kind: 'number', cell: (s) => adherenceWords(s) ?? '', key: (s) => s.adherenceThisWeek },
  { heading: 'Checks', kind: 'number', cell: (s) => findingsWords(s.findings), key: (s) => s.findings.error * 1e6 + s.findings.warning * 1e3 + s.findings.information + s.findings.hint },
];

function cell(c: Column, s: CaseloadSummary, rank: number): string {
  const key = c.key(s, rank);
  const sort = key === undefined ? '' : ` data-sort="${esc(String(key))}"`;
  return `<td${sort}>${esc(c.cell(s, rank))}</td>`;
}

/**
 * Each summary's cells after the rank, made once while the summary lives (the caseload keeps one summary
 * object per log until the log is read again): a redraw during a build writes only the new logs' cells.
 */
const CELLS = new WeakMap<CaseloadSummary, string>();

function row(r: CaseloadRow, rank: number): string {
  const s = r.summary;
  let cells = CELLS.get(s);
  if (cells === undefined) {
    cells = COLUMNS.filter((c) => c !== RANK).map((c) => cell(c, s, rank)).join('');
    CELLS.set(s, cells);
  }
  const urgent = s.flags[0] ? ` data-flag="${esc(s.flags[0])}"` : '';
  return `<tr tabindex="0" data-uri="${esc(r.uri)}"${urgent}>${cell(RANK, s, rank)}${cells}</tr>`;
}

/** The table alone (rows in the order given, which is attention order). */
export function caseloadTable(rows: readonly CaseloadRow[]): string {
  const head = COLUMNS.map((c, i) => `<th scope="col" data-column="${i}" data-kind="${c.kind}"><button type="button">${esc(c.heading)}</button></th>`).join('');
  return `<table class="caseload"><thead><tr>${head}</tr></thead><tbody>${rows.map((r, i) => row(r, i + 1)).join('')}</tbody></table>`;
}

export function caseloadPage(p: CaseloadPageInput): string {
  const body = p.rows.length === 0 ? '<p class="empty">No athlete logs in this workspace yet.</p>' : caseloadTable(p.rows);
  return htmlPage({
    title: 'Caseload', csp: webviewCsp(p.cspSource, p.nonce), bodyClass: 'athlete-log caseload',
    main: `<h1>Caseload</h1>\n<p class="note">${esc(p.note)}</p>\n${body}`,
    ...(p.styleUri ? { styleUri: p.styleUri } : {}),
    ...(p.scriptUri ? { script: { src: p.scriptUri, nonce: p.nonce } } : {}),
  });
}
