/**
 * Which protocols apply to a log: the ones it names in front matter (`protocol: alfredson`, or a list),
 * then the ones whose `condition` list matches the log's `condition:` (`Left Achilles tendinopathy` matches
 * `Achilles tendinopathy` and `Achilles`). The library then prefers their guidelines (library.ts).
 */
import type { AthleteLog } from '../model.js';
import { normalizeName } from '../text.js';
import type { GuidelineLibrary } from './library.js';
import { pushAll } from '../lists.js';

export interface ProtocolChoice {
  /** Protocols the log names that the library knows, in the log's order. */
  readonly named: readonly string[];
  /** Protocols whose condition matches the log's condition. */
  readonly matched: readonly string[];
  /** Protocols the log names that the library does not know. */
  readonly unknown: readonly string[];
}

/** The protocol names a log's front matter gives (`protocol:` or `protocols:`, text or a list). */
export function namedProtocols(log: AthleteLog): string[] {
  const data = log.frontMatter?.data ?? {};
  const out: string[] = [];
  for (const key of ['protocol', 'protocols']) {
    const v = data[key];
    for (const item of Array.isArray(v) ? v : [v]) {
      if (typeof item === 'string') {
        pushAll(out, item.split(/[,;]/).map((s) => s.trim().toLowerCase()).filter((s) => s !== ''));
      }
    }
  }
  return out;
}

/** Whether a condition phrase stands in the log's condition as whole words. */
export function conditionMatches(logCondition: string, phrase: string): boolean {
  const a = ` ${normalizeName(logCondition).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const b = normalizeName(phrase).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return b !== '' && a.includes(` ${b} `);
}

export function chooseProtocols(library: GuidelineLibrary, log: AthleteLog): ProtocolChoice {
  const known = library.protocols();
  const named: string[] = [];
  const unknown: string[] = [];
  for (const p of namedProtocols(log)) {
    (known.some((k) => k.protocol === p) ? named : unknown).push(p);
  }
  const condition = log.condition ?? '';
  const matched = condition.trim() === '' ? [] : known
    .filter((k) => k.meta.conditions.some((c) => conditionMatches(condition, c)))
    .map((k) => k.protocol);
  return { named, matched, unknown };
}

/** The library as it applies to the log. */
export function libraryForLog(library: GuidelineLibrary, log: AthleteLog): GuidelineLibrary {
  const c = chooseProtocols(library, log);
  return library.select(c.named, c.matched);
}

/**
 * The protocol a log follows, as its checks cite it (the caseload names it): the first protocol the log
 * names; else, among the protocols its condition matches, the one whose guidelines its program's exercises
 * are looked up in (the same lookup whose guideline and source each finding cites), most exercises first,
 * ties in the library's order; else the first matched. `library` is the log's view (libraryForLog).
 */
export function followedProtocol(library: GuidelineLibrary, log: AthleteLog): string | undefined {
  const named = library.named[0];
  if (named !== undefined) {
    return named;
  }
  const counts = new Map<string, number>();
  for (const phase of log.phases) {
    for (const x of phase.prescriptions) {
      const g = library.lookup(x.name);
      if (g && library.active.includes(g.protocol)) {
        counts.set(g.protocol, (counts.get(g.protocol) ?? 0) + 1);
      }
    }
  }
  let best: string | undefined;
  let most = 0;
  for (const p of library.active) {
    const n = counts.get(p) ?? 0;
    if (n > most) {
      best = p;
      most = n;
    }
  }
  return best ?? library.active[0];
}

/** A protocol's pain rule, for the handout's stop rules: threshold (undefined: stop short of pain), words, source. */
export interface ProtocolPainRule {
  readonly threshold?: number;
  readonly text?: string;
  readonly source: string;
}

/**
 * The pain rule of the first protocol the log names whose file gives a `pain-threshold` or `pain-rule`;
 * `undefined` when none does (a condition alone may match protocols with different rules).
 */
export function protocolPainRule(library: GuidelineLibrary): ProtocolPainRule | undefined {
  for (const name of library.named) {
    const p = library.protocol(name);
    if (!p || (p.meta.painThreshold === undefined && p.meta.painRule === undefined)) {
      continue;
    }
    const t = p.meta.painThreshold;
    return {
      ...(t !== undefined && t > 0 ? { threshold: t } : {}),
      ...(p.meta.painRule !== undefined ? { text: p.meta.painRule } : {}),
      source: `${p.meta.title ?? p.protocol}${p.meta.source ? `: ${p.meta.source}` : ''}`,
    };
  }
  return undefined;
}
