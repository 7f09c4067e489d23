/**
 * The guideline library: every guideline file merged in order, a later definition of an exercise
 * replacing an earlier one. Lookup is by name or alias, ignoring case, dashes and spacing.
 */
import { distance } from 'fastest-levenshtein';
import { normalizeName } from '../text.js';
import type { Guideline, GuidelineFile, GuidelineProblem } from './parse.js';

export class GuidelineLibrary {
  readonly #byKey = new Map<string, Guideline>();
  readonly #guidelines = new Map<string, Guideline>();
  readonly problems: readonly GuidelineProblem[];
  readonly files: readonly GuidelineFile[];

  constructor(files: readonly GuidelineFile[]) {
    this.files = files;
    const problems: GuidelineProblem[] = [];
    for (const f of files) {
      problems.push(...f.problems);
      for (const g of f.guidelines) {
        const key = normalizeName(g.name);
        const previous = this.#byKey.get(key);
        if (previous) {
          // The override replaces the whole guideline, aliases included.
          this.#guidelines.delete(normalizeName(previous.name));
          for (const [k, v] of this.#byKey) {
            if (v === previous) {
              this.#byKey.delete(k);
            }
          }
        }
        this.#guidelines.set(key, g);
        for (const alias of g.aliases) {
          const a = normalizeName(alias);
          if (!this.#guidelines.has(a)) {
            this.#byKey.set(a, g);
          }
        }
        this.#byKey.set(key, g);
      }
    }
    this.problems = problems;
  }

  /** Every guideline, in name order. */
  all(): Guideline[] {
    return [...this.#guidelines.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  readonly #memo = new Map<string, Guideline | null>();

  /** By name or alias; remembered per name as written, since a log repeats the same names many times. */
  lookup(name: string): Guideline | undefined {
    const hit = this.#memo.get(name);
    if (hit !== undefined) {
      return hit ?? undefined;
    }
    const key = normalizeName(name);
    const g = this.#byKey.get(key) ?? (key.endsWith('s') ? this.#byKey.get(key.slice(0, -1)) : undefined);
    this.#memo.set(name, g ?? null);
    return g;
  }

  /**
   * The closest known name or alias when it is close enough to be a likely typo: at most a third of the
   * name's letters differ (and at most 4). Returns the guideline's own name.
   */
  suggest(name: string): string | undefined {
    const key = normalizeName(name);
    if (key === '') {
      return undefined;
    }
    let best: { d: number; g: Guideline } | undefined;
    for (const [k, g] of this.#byKey) {
      const d = distance(key, k);
      if (!best || d < best.d || (d === best.d && g.name.localeCompare(best.g.name) < 0)) {
        best = { d, g };
      }
    }
    const limit = Math.min(4, Math.max(1, Math.floor(key.length / 3)));
    return best && best.d <= limit ? best.g.name : undefined;
  }
}
