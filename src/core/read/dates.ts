/**
 * Session heading dates (FORMAT.md v2, "Where exercise lines are found"): a heading is a session when its
 * text starts with a date. Accepted forms: ISO `2026-11-03`, compact `20261103`, `2026/11/03`,
 * `2026.11.03`; numeric day/month `10/29/2025` (the order from `date-order` when both numbers could be a
 * month); written months with an optional weekday and ordinal (`Wed Oct 29, 2025`, `29 October 2025`,
 * `October 29th, 2025`); wiki-link dates (`[[2025-10-29]]`); and written dates without a year (`Oct 29`),
 * which take a year from the log (the session before, or `started`).
 *
 * A regular expression only finds where a candidate date stands; date-fns `parse`, with one explicit
 * format per shape, decides whether it names a real day (no guessing from free text).
 */
import { isValid, parse } from 'date-fns';

export type DateOrder = 'dmy' | 'mdy';

/** What a heading's leading date says. Offsets are within the heading text. */
export interface HeadingDate {
  /** The date as written (without wiki-link brackets), and where it stands in the heading text. */
  readonly dateText: string;
  readonly start: number;
  /** ISO `YYYY-MM-DD` when the text names one real day. */
  readonly date?: string;
  /** For a date-like text that is not a valid date as written: the valid ISO form when it is clear. */
  readonly suggestion?: string;
  /** Numeric day/month where both could be the month, and no order was given: both readings, ISO. */
  readonly ambiguous?: { readonly mdy: string; readonly dmy: string };
  /** A written date without a year: month and day, the year to come from the log. */
  readonly noYear?: { readonly month: number; readonly day: number };
  /** Text after the date (separators trimmed), e.g. `Week 1 · HSR` or `(rest)`. */
  readonly label: string;
}

const REF = new Date(2000, 0, 1);

/** `2026-11-03`, `2026/11/03`, `2026.11.03`, `2026-11-3` (loose), `20261103`. */
const YMD = /^(\d{4})(?:([-/.])(\d{1,2})\2(\d{1,2})|(\d{2})(\d{2}))(?!\d)/;
/** `10/29/2025`, `29.10.2025`, `3-4-2025`. */
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)/;
const WEEKDAY = '(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\\.?,?\\s+';
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
/** `Wed Oct 29, 2025`, `October 29th, 2025`, `Oct 29`. */
const MONTH_FIRST = new RegExp(`^(?:${WEEKDAY})?${MONTH}\\s+${DAY}(?:,?\\s+(\\d{4}))?(?![\\w])`, 'i');
/** `29 October 2025`, `Wednesday 29th of October 2025`, `29 Oct`. */
const DAY_FIRST = new RegExp(`^(?:${WEEKDAY})?${DAY}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?(?![\\w])`, 'i');

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

/**
 * The ISO date for year, month and day when they name one real day. Numbers are checked with a calendar
 * sum (a log has thousands of ISO headings: this is on the hot path); written months go through date-fns.
 */
export function isoOf(y: number, m: number, d: number): string | undefined {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) {
    return undefined;
  }
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** A cheap first look: could this heading text start with a date at all? */
function mayStartWithDate(c: number): boolean {
  // digits, `[` (wiki link), letters (weekday or month names)
  return (c >= 48 && c <= 57) || c === 91 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function labelAfter(text: string, end: number): string {
  return text.slice(end).replace(/^\s*[,;:·•|–—-]?\s*/, '').trim();
}

function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * Reads the date a heading's text starts with, or undefined when it does not start with one. `order`
 * decides numeric day/month dates where both numbers could be the month.
 */
export function readHeadingDate(text: string, order?: DateOrder): HeadingDate | undefined {
  if (text.length === 0 || !mayStartWithDate(text.charCodeAt(0))) {
    return undefined;
  }
  if (text.startsWith('[[')) {
    const close = text.indexOf(']]');
    if (close < 0) {
      return undefined;
    }
    const inner = readHeadingDate(text.slice(2, close), order);
    if (!inner || inner.label !== '') {
      return undefined;
    }
    return { ...inner, start: 2, label: labelAfter(text, close + 2) };
  }
  const ymd = YMD.exec(text);
  if (ymd) {
    const y = Number(ymd[1]);
    const mo = Number(ymd[3] ?? ymd[5]);
    const d = Number(ymd[4] ?? ymd[6]);
    const strict = ymd[2] === undefined || (ymd[3]?.length === 2 && ymd[4]?.length === 2);
    const iso = isoOf(y, mo, d);
    const base = { dateText: ymd[0], start: 0, label: labelAfter(text, ymd[0].length) };
    if (iso && strict) {
      return { ...base, date: iso };
    }
    return iso ? { ...base, suggestion: iso } : base;
  }
  const num = NUMERIC.exec(text);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[3]);
    const y = Number(num[4]);
    const mdy = isoOf(y, a, b);
    const dmy = isoOf(y, b, a);
    const base = { dateText: num[0], start: 0, label: labelAfter(text, num[0].length) };
    if (mdy && dmy && mdy !== dmy) {
      if (order) {
        return { ...base, date: order === 'mdy' ? mdy : dmy };
      }
      return { ...base, ambiguous: { mdy, dmy } };
    }
    const one = mdy ?? dmy;
    return one ? { ...base, date: one } : base;
  }
  const mf = MONTH_FIRST.exec(text);
  const df = mf ? null : DAY_FIRST.exec(text);
  const written = mf ?? df;
  if (written) {
    const monthName = mf ? mf[1] : df?.[2];
    const dayText = mf ? mf[2] : df?.[1];
    const month = monthNumber(monthName ?? '');
    const day = Number(dayText);
    const base = { dateText: written[0], start: 0, label: labelAfter(text, written[0].length) };
    const year = written[3];
    if (year === undefined) {
      return isoOf(2000, month, day) ? { ...base, noYear: { month, day } } : base;
    }
    // date-fns checks the written month and day as one day of that year (`Feb 30, 2026` is not one).
    const parsed = parse(`${year} ${MONTHS[month - 1] ?? ''} ${day}`, 'yyyy MMM d', REF);
    return isValid(parsed) ? { ...base, date: `${year}-${pad(month)}-${pad(day)}` } : base;
  }
  return undefined;
}

/** The ISO date for a year-less heading date in `year`, if that day exists then (29 February). */
export function withYear(noYear: { month: number; day: number }, year: number): string | undefined {
  return isoOf(year, noYear.month, noYear.day);
}

/** A date-order value from front matter or settings (`dmy`, `mdy`, also `DD/MM/YYYY` shapes). */
export function dateOrderOf(value: unknown): DateOrder | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  const v = value.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (v === 'dmy' || v === 'ddmmyyyy' || v === 'dmyyyy' || v === 'daymonthyear') {
    return 'dmy';
  }
  if (v === 'mdy' || v === 'mmddyyyy' || v === 'mdyyyy' || v === 'monthdayyear') {
    return 'mdy';
  }
  return undefined;
}

/** A week heading: `Week 46`, `Wk 2: deload`, `Week of 2026-11-02`, `2026-W20`. */
const WEEK_HEADING = /^(?:(?:week|wk)\.?\s*(\d{1,3})(?![\d\w])|week\s+of\s+(\S.*?)\s*$|(\d{4})-?w(\d{1,2})(?![\d\w]))/i;
/** A week named in a session heading's label: `— Week 1 · HSR`, `(wk 3)`. */
const WEEK_IN_LABEL = /(?:^|[^\w])(?:week|wk)\.?\s*(\d{1,3})(?![\d\w])/i;

/** The week a heading names, as a key to compare (`week 3`, `2026-w20`), or undefined. */
export function weekKey(title: string): string | undefined {
  const m = WEEK_HEADING.exec(title.trim());
  if (!m) {
    return undefined;
  }
  if (m[1] !== undefined) {
    return `week ${Number(m[1])}`;
  }
  if (m[2] !== undefined) {
    return `week of ${m[2].toLowerCase()}`;
  }
  return `${m[3] ?? ''}-w${Number(m[4])}`;
}

/** The week a session heading's label names (`Tue Nov 3, 2026 — Week 1`), as a key, or undefined. */
export function labelWeek(label: string): string | undefined {
  const m = WEEK_IN_LABEL.exec(label);
  return m?.[1] === undefined ? undefined : `week ${Number(m[1])}`;
}
