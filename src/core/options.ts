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
}

export const DEFAULT_PAIN_THRESHOLD = 5;
export const DEFAULT_LOG_FILES: readonly string[] = ['**/*.athlete.md'];

export interface ResolvedOptions {
  readonly rules: Readonly<Record<string, SeverityOption>>;
  readonly painThreshold: number;
  readonly files: readonly string[];
}

export function resolveOptions(o: CheckOptions = {}): ResolvedOptions {
  const pain = o.painThreshold;
  return {
    rules: o.rules ?? {},
    painThreshold: typeof pain === 'number' && Number.isFinite(pain) && pain >= 0 && pain <= 10 ? pain : DEFAULT_PAIN_THRESHOLD,
    files: o.files && o.files.length > 0 ? o.files : DEFAULT_LOG_FILES,
  };
}
