/**
 * The guideline library: every guideline file merged in order. Lookup is by name or alias, ignoring case,
 * dashes and spacing.
 *
 * Built-in files are protocols side by side: the same exercise (a heel raise, say) may have a guideline in
 * several of them, and which one applies depends on the log (`select`): the protocols a log names come
 * first, then the protocols whose condition matches the log's `condition:`, then the rest. Among equals a
 * guideline's own name beats an alias, a guideline with numbers beats one without, a workspace or log file
 * beats a built-in one, and a later file beats an earlier one. A workspace or log file that defines an
 * exercise by name replaces every earlier guideline of that name, aliases included.
 */
import { distance } from 'fastest-levenshtein';
import type { Dosage } from '../model.js';
import { normalizeName } from '../text.js';
import type { GuidelineMeta } from './meta.js';
import type { Guideline, GuidelineFile, GuidelineProblem } from './parse.js';

/** Built-in guideline files are labelled `built-in:<file name>`. */
export const BUILTIN_PREFIX = 'built-in:';

export function isBuiltinFile(file: string): boolean {
  return file === 'built-in' || file.startsWith(BUILTIN_PREFIX);
}

/** The built-in file's own name (`alfredson.md`), or the path as it is for any other file. */
export function guidelineFileName(file: string): string {
  return file.startsWith(BUILTIN_PREFIX) ? file.slice(BUILTIN_PREFIX.length) : file;
}

/** A protocol the library knows: its name, what its file says about itself, and the file. */
export interface ProtocolInfo {
  readonly protocol: string;
  readonly meta: GuidelineMeta;
  readonly file: string;
  readonly guidelines: readonly Guideline[];
}

interface Entry {
  readonly g: Guideline;
  readonly order: number;
  readonly builtin: boolean;
}

interface Candidate {
  readonly e: Entry;
  readonly isName: boolean;
}

export class GuidelineLibrary {
  readonly problems: readonly GuidelineProblem[];
  readonly files: readonly GuidelineFile[];
  /** The protocols this view prefers, named ones first (see `select`). */
  readonly active: readonly string[];
  readonly #named: number;
  readonly #entries: readonly Entry[];
  readonly #byKey: ReadonlyMap<string, readonly Candidate[]>;
  readonly #views: Map<string, GuidelineLibrary>;
  readonly #memo = new Map<string, Guideline | null>();
  #all: Guideline[] | undefined;

  constructor(files: readonly GuidelineFile[], active: { readonly named: readonly string[]; readonly matched: readonly string[] } = { named: [], matched: [] }, shared?: { entries: readonly Entry[]; byKey: ReadonlyMap<string, readonly Candidate[]>; views: Map<string, GuidelineLibrary> }) {
    this.files = files;
    this.problems = files.flatMap((f) => f.problems);
    this.active = [...active.named, ...active.matched.filter((p) => !active.named.includes(p))];
    this.#named = active.named.length;
    if (shared) {
      this.#entries = shared.entries;
      this.#byKey = shared.byKey;
      this.#views = shared.views;
      return;
    }
    let entries: Entry[] = [];
    files.forEach((f, order) => {
      const builtin = isBuiltinFile(f.file);
      for (const g of f.guidelines) {
        if (!builtin) {
          // The override replaces the whole guideline, aliases included, whichever files had it.
          const key = normalizeName(g.name);
          entries = entries.filter((e) => normalizeName(e.g.name) !== key);
        }
        entries.push({ g, order, builtin });
      }
    });
    const byKey = new Map<string, Candidate[]>();
    const add = (key: string, c: Candidate): void => {
      const list = byKey.get(key);
      if (list) {
        list.push(c);
      } else {
        byKey.set(key, [c]);
      }
    };
    for (const e of entries) {
      add(normalizeName(e.g.name), { e, isName: true });
      for (const alias of e.g.aliases) {
        const a = normalizeName(alias);
        if (a !== normalizeName(e.g.name)) {
          add(a, { e, isName: false });
        }
      }
    }
    this.#entries = entries;
    this.#byKey = byKey;
    this.#views = new Map();
  }

  /** The protocols the log names itself (the first `named` of `active`). */
  get named(): readonly string[] {
    return this.active.slice(0, this.#named);
  }

  /** How strongly this view prefers a protocol: named ones in order, then matched ones, then the rest. */
  #protocolRank(protocol: string): number {
    const at = this.active.indexOf(protocol);
    return at < 0 ? this.#named + 1 : Math.min(at, this.#named);
  }

  #better(a: Candidate, b: Candidate): boolean {
    const pa = this.#protocolRank(a.e.g.protocol);
    const pb = this.#protocolRank(b.e.g.protocol);
    if (pa !== pb) {
      return pa < pb;
    }
    if (a.isName !== b.isName) {
      return a.isName;
    }
    const da = a.e.g.dosage !== undefined || a.e.g.schedule !== undefined;
    const db = b.e.g.dosage !== undefined || b.e.g.schedule !== undefined;
    if (da !== db) {
      return da;
    }
    if (a.e.builtin !== b.e.builtin) {
      return !a.e.builtin;
    }
    return a.e.order > b.e.order;
  }

  #best(list: readonly Candidate[] | undefined): Guideline | undefined {
    let best: Candidate | undefined;
    for (const c of list ?? []) {
      if (!best || this.#better(c, best)) {
        best = c;
      }
    }
    return best?.e.g;
  }

  /**
   * The same guidelines, preferring the `named` protocols (in order, as a log names them) and then the
   * `matched` ones (whose condition matches the log). Views are shared: the same choice gives the same
   * object, so findings kept for a block stay valid.
   */
  select(named: readonly string[], matched: readonly string[] = []): GuidelineLibrary {
    if (named.length === 0 && matched.length === 0 && this.active.length === 0) {
      return this;
    }
    const key = `${named.join(',')}|${matched.join(',')}`;
    let view = this.#views.get(key);
    if (!view) {
      view = new GuidelineLibrary(this.files, { named, matched }, { entries: this.#entries, byKey: this.#byKey, views: this.#views });
      this.#views.set(key, view);
    }
    return view;
  }

  /** Every protocol (guideline file) the library knows, in file order; a later file of one name wins. */
  protocols(): ProtocolInfo[] {
    const out = new Map<string, ProtocolInfo>();
    for (const f of this.files) {
      out.set(f.protocol, { protocol: f.protocol, meta: f.meta, file: f.file, guidelines: f.guidelines });
    }
    return [...out.values()];
  }

  /** The protocol of that name, if the library has it. */
  protocol(name: string): ProtocolInfo | undefined {
    const key = name.trim().toLowerCase();
    return this.protocols().find((p) => p.protocol === key);
  }

  /** Every guideline, one per name (the one this view prefers), in name order. */
  all(): Guideline[] {
    if (!this.#all) {
      const names = new Map<string, Candidate[]>();
      for (const e of this.#entries) {
        const key = normalizeName(e.g.name);
        const list = names.get(key) ?? [];
        list.push({ e, isName: true });
        names.set(key, list);
      }
      this.#all = [...names.values()].map((list) => this.#best(list)).filter((g): g is Guideline => g !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name));
    }
    return this.#all;
  }

  /** By name or alias; remembered per name as written, since a log repeats the same names many times. */
  lookup(name: string): Guideline | undefined {
    const hit = this.#memo.get(name);
    if (hit !== undefined) {
      return hit ?? undefined;
    }
    const key = normalizeName(name);
    const g = this.#best(this.#byKey.get(key)) ?? (key.endsWith('s') ? this.#best(this.#byKey.get(key.slice(0, -1))) : undefined);
    this.#memo.set(name, g ?? null);
    return g;
  }

  /**
   * The fallback guideline for an exercise no guideline names: the first guideline of a file with
   * `fallback: strength` (ACSM defaults), for a dosage with a load in kg or lb, or an intensity (RM, %1RM).
   */
  fallback(dosage: Dosage): Guideline | undefined {
    // A share of full effort or speed (`6 x 100m @ 70%`) is a run's, not a lift's.
    const loaded = (dosage.load !== undefined && dosage.load.unit !== 'bodyweight') || (dosage.intensity !== undefined && dosage.intensity.unit !== '%effort');
    if (!loaded) {
      return undefined;
    }
    for (let i = this.files.length - 1; i >= 0; i--) {
      const f = this.files[i];
      if (f?.meta.fallback === 'strength' && f.guidelines[0]) {
        return f.guidelines[0];
      }
    }
    return undefined;
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
    const limit = Math.min(4, Math.max(1, Math.floor(key.length / 3)));
    let best: { d: number; g: Guideline } | undefined;
    for (const [k, list] of this.#byKey) {
      // Keys whose lengths differ by more than the limit cannot be within it.
      if (Math.abs(k.length - key.length) > limit) {
        continue;
      }
      const d = distance(key, k);
      if (d > limit || (best && d > best.d)) {
        continue;
      }
      const g = this.#best(list);
      if (g && (!best || d < best.d || g.name.localeCompare(best.g.name) < 0)) {
        best = { d, g };
      }
    }
    return best?.g.name;
  }
}
