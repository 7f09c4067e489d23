/** Check options: what a user can configure, with defaults that work out of the box. */
import type { SeverityOption } from './model.js';

export interface CheckOptions {
  /** Severity per rule id; `off` turns a rule off. */
  readonly rules?: Readonly<Record<string, SeverityOption>>;
  /**
   * Highest acceptable logged pain on a 0-10 scale. The default, 5, follows the pain-monitoring model
   * (Silbernagel et al., 2007), which allows pain up to 5/10 during exercise.
   */
  readonly painThreshold?: number;
  /** Globs (posix, relative to the workspace) naming athlete logs; default `**\/*.athlete.md`. */
  readonly files?: readonly string[];
  /** The date the log is read on (YYYY-MM-DD): decides the current phase and the last complete week. */
  readonly today?: string;
  /** `ready-to-progress`: sessions in a row at the top of the range, and the highest pain they may have. */
  readonly readyToProgress?: { readonly sessions?: number; readonly maxPain?: number };
  /**
   * How numeric dates such as `04/05/2026` read when either number could be the month: `dmy` or `mdy`
   * (a log's `date-order` front matter wins). Unset, such dates get `ambiguous-date`.
   */
  readonly dateOrder?: string;
  /** `log-gap`: days without a logged session after which the log gets a note (default 7). */
  readonly logGapDays?: number;
}

export const DEFAULT_PAIN_THRESHOLD = 5;
export const DEFAULT_PROGRESS_SESSIONS = 3;
export const DEFAULT_PROGRESS_MAX_PAIN = 2;
/** `log-gap`: a week without a session is worth a check-in with the athlete. */
export const DEFAULT_LOG_GAP_DAYS = 7;
export const DEFAULT_LOG_FILES: readonly string[] = ['**/*.athlete.md'];
/** Logs larger than this many bytes (5 MB) are not checked as you type in the editor. */
export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

/**
 * The one place setting defaults live: every `athleteLog.*` setting (package.json `contributes`) and its
 * default, by the key after `athleteLog.`. The editor reads its settings with these defaults;
 * test/unit/settings.test.ts keeps package.json's defaults equal to them.
 */
export const SETTING_DEFAULTS = {
  files: DEFAULT_LOG_FILES,
  guidelineFiles: [] as readonly string[],
  rules: {} as Readonly<Record<string, SeverityOption>>,
  painThreshold: DEFAULT_PAIN_THRESHOLD,
  'readyToProgress.sessions': DEFAULT_PROGRESS_SESSIONS,
  'readyToProgress.maxPain': DEFAULT_PROGRESS_MAX_PAIN,
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
  /** The browser that prints a handout to PDF; empty: look for Chrome, Chromium or Edge. */
  browserPath: '',
  /** The handout's paper: `A4` or `Letter`. */
  paperSize: 'A4',
  /** How numeric dates such as `04/05/2026` read: `dmy`, `mdy`, or empty (`ambiguous-date` asks). */
  dateOrder: '',
  /** Days without a logged session before a log gets a log-gap note. */
  logGapDays: DEFAULT_LOG_GAP_DAYS,
  /** How the editor's Athletes view groups athletes: `none`, `condition` or `coach`. */
  'athletes.groupBy': 'none',
} as const;

export interface ResolvedOptions {
  readonly rules: Readonly<Record<string, SeverityOption>>;
  readonly painThreshold: number;
  readonly files: readonly string[];
  readonly today?: string;
  readonly readyToProgress: { readonly sessions: number; readonly maxPain: number };
  readonly logGapDays: number;
}

function inRange(v: number | undefined, lo: number, hi: number, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi ? v : fallback;
}

export function resolveOptions(o: CheckOptions = {}): ResolvedOptions {
  const today = typeof o.today === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.today) ? o.today : undefined;
  return {
    rules: o.rules ?? {},
    painThreshold: inRange(o.painThreshold, 0, 10, DEFAULT_PAIN_THRESHOLD),
    files: o.files && o.files.length > 0 ? o.files : DEFAULT_LOG_FILES,
    ...(today ? { today } : {}),
    readyToProgress: {
      sessions: Math.round(inRange(o.readyToProgress?.sessions, 1, 50, DEFAULT_PROGRESS_SESSIONS)),
      maxPain: inRange(o.readyToProgress?.maxPain, 0, 10, DEFAULT_PROGRESS_MAX_PAIN),
    },
    logGapDays: Math.round(inRange(o.logGapDays, 1, 365, DEFAULT_LOG_GAP_DAYS)),
  };
}
