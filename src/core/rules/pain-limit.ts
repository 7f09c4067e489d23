/**
 * The highest acceptable pain for an exercise, for `pain-above-threshold` and `consider-regression`: the
 * guideline's own (its `Pain` line, or its file's `pain-threshold`), else the setting
 * `athleteLog.painThreshold` (default 5/10, the pain-monitoring model for tendinopathy). The limit is data,
 * never a number here: an acute hamstring strain (pain-free loading) and an Achilles tendinopathy (up to
 * 5/10) get their own, each message names where its limit comes from.
 */
import type { GuidelineLibrary } from '../guidelines/library.js';
import type { ResolvedOptions } from '../options.js';
import { shortSource } from './rule.js';

export interface PainLimit {
  readonly limit: number;
  /** Where the limit comes from, as the second half of a message: `the pain-monitoring model allows ...`. */
  readonly says: string;
  /** Whether the guideline set it (else the setting, read as the pain-monitoring model). */
  readonly fromGuideline: boolean;
}

export function painLimit(library: GuidelineLibrary, options: ResolvedOptions, name: string): PainLimit {
  const g = library.lookup(name);
  if (g?.painThreshold !== undefined) {
    const words = g.painThreshold === 0 ? 'no pain during it' : `pain up to ${g.painThreshold}/10`;
    const rule = g.meta.painRule ? `: ${g.meta.painRule}` : '';
    return { limit: g.painThreshold, says: `the ${g.name} guideline allows ${words}${rule} (${shortSource(g)})`, fromGuideline: true };
  }
  return {
    limit: options.painThreshold,
    says: `the pain-monitoring model allows up to ${options.painThreshold}/10 (Silbernagel et al. 2007)`,
    fromGuideline: false,
  };
}
