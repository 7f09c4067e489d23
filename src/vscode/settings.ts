/** The `athleteLog.*` settings, read for one document (they are resource-scoped). */
import { vscode } from './api.js';
import { SETTING_DEFAULTS, type CheckRequest, type SeverityOption } from '../core/index.js';
import { localToday } from '../shared/today.js';

export const SECTION = 'athleteLog';

export interface Settings {
  readonly files: string[];
  readonly guidelineFiles: string[];
  readonly rules: Record<string, SeverityOption>;
  readonly painThreshold: number;
  readonly readyToProgress: { sessions: number; maxPain: number };
  /** Logs larger than this many bytes are not checked as you type (one information message says so). */
  readonly maxFileSize: number;
  /** How numeric day/month dates read (`dmy`, `mdy`), or empty for "ask" (`ambiguous-date`). */
  readonly dateOrder: string;
  /** `log-gap`: days without a session before a log gets a note. */
  readonly logGapDays: number;
}

export function readSettings(uri?: vscode.Uri): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, uri);
  return {
    files: c.get<string[]>('files', [...SETTING_DEFAULTS.files]),
    guidelineFiles: c.get<string[]>('guidelineFiles', [...SETTING_DEFAULTS.guidelineFiles]),
    rules: c.get<Record<string, SeverityOption>>('rules', { ...SETTING_DEFAULTS.rules }),
    painThreshold: c.get<number>('painThreshold', SETTING_DEFAULTS.painThreshold),
    readyToProgress: {
      sessions: c.get<number>('readyToProgress.sessions', SETTING_DEFAULTS['readyToProgress.sessions']),
      maxPain: c.get<number>('readyToProgress.maxPain', SETTING_DEFAULTS['readyToProgress.maxPain']),
    },
    maxFileSize: c.get<number>('maxFileSize', SETTING_DEFAULTS.maxFileSize),
    dateOrder: c.get<string>('dateOrder', SETTING_DEFAULTS.dateOrder),
    logGapDays: c.get<number>('logGapDays', SETTING_DEFAULTS.logGapDays),
  };
}

/** Workspace guideline files as paths of the workspace's own URIs. */
function guidelinePaths(uri: vscode.Uri, files: readonly string[]): string[] {
  const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
  return files.map((f) => (f.startsWith('/') || !folder ? f : vscode.Uri.joinPath(folder.uri, f).path));
}

export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

export function checkOptions(uri: vscode.Uri): NonNullable<CheckRequest['options']> {
  const s = readSettings(uri);
  const today = localToday();
  return {
    files: s.files, rules: s.rules, painThreshold: s.painThreshold, readyToProgress: s.readyToProgress, logGapDays: s.logGapDays, today,
    guidelineFiles: guidelinePaths(uri, s.guidelineFiles),
    ...(s.dateOrder ? { dateOrder: s.dateOrder } : {}),
  };
}
