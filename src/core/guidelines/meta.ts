/**
 * What a guideline file says about itself, in its YAML front matter (FORMAT.md, "Guideline files"):
 *
 * ```yaml
 * title: Alfredson eccentric heel drops
 * protocol: alfredson              # the name a log uses (`protocol: alfredson`); default: the file's name
 * condition: [Achilles tendinopathy, Achilles]   # what a log's `condition:` is matched against
 * region: calf and Achilles tendon
 * source: Alfredson H et al. Am J Sports Med 1998;26(3):360-366
 * pain-threshold: 5                # highest acceptable pain (0-10) for this file's exercises
 * pain-rule: pain-monitoring model ...
 * status: confirmed                # default status of the file's facts (each entry may say its own)
 * fallback: strength               # the file's first guideline stands in for unknown loaded exercises
 * kind: test                       # the file's entries are tests, not exercises with a dosage
 * ```
 *
 * Every key is optional; unknown keys are reported, so a typo does not silently switch a setting off.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { frontMatterEnd } from '../markdown/blocks.js';

/** How sure a fact is: read in the paper, read in a restatement, or not found in a readable source. */
export type FactStatus = 'confirmed' | 'secondary' | 'unconfirmed';

export const FACT_STATUSES: readonly FactStatus[] = ['confirmed', 'secondary', 'unconfirmed'];

export interface GuidelineMeta {
  readonly title?: string;
  readonly protocol?: string;
  /** Lower-case condition names (the log's `condition:` is matched against them). */
  readonly conditions: readonly string[];
  readonly region?: string;
  readonly source?: string;
  readonly painThreshold?: number;
  readonly painRule?: string;
  readonly status?: FactStatus;
  readonly fallback?: 'strength';
  readonly kind?: 'test';
}

export interface MetaProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

const KNOWN = new Set(['title', 'protocol', 'condition', 'conditions', 'region', 'source', 'pain-threshold', 'pain-rule', 'status', 'fallback', 'kind']);

function str(v: unknown): string | undefined {
  if (typeof v === 'string') {
    return v.trim() === '' ? undefined : v.trim();
  }
  return typeof v === 'number' ? String(v) : undefined;
}

/** The protocol name a file has when its front matter gives none: its file name without folders and `.md`. */
export function protocolFromPath(file: string): string {
  const base = file.replace(/^built-in:/, '').split(/[\\/]/).pop() ?? file;
  return base.replace(/\.md$/i, '').toLowerCase();
}

/** Reads the front matter at the top of `text`, if any. Offsets in problems are offsets into `text`. */
export function readGuidelineMeta(text: string): { meta: GuidelineMeta; problems: MetaProblem[] } {
  const end = frontMatterEnd(text);
  const problems: MetaProblem[] = [];
  if (end === 0) {
    return { meta: { conditions: [] }, problems };
  }
  const open = text.indexOf('\n') + 1;
  const body = text.slice(open, end).replace(/(?:^|\n)(?:---|\.\.\.)[ \t]*\r?\n?$/, '');
  const doc = parseDocument(body, { uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) {
    problems.push({ start: open + (e.pos[0] ?? 0), end: open + (e.pos[1] ?? e.pos[0] ?? 0), message: `Unexpected front matter: ${e.message.split('\n')[0] ?? ''}` });
  }
  if (!isMap(doc.contents)) {
    return { meta: { conditions: [] }, problems };
  }
  const meta: { -readonly [K in keyof GuidelineMeta]: GuidelineMeta[K] } = { conditions: [] };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const at = isScalar(pair.key) ? pair.key.range : undefined;
    const where = { start: open + (at?.[0] ?? 0), end: open + (at?.[1] ?? 0) };
    const node = pair.value;
    const value: unknown = isScalar(node) ? node.value : isSeq(node) ? node.items.map((i) => (isScalar(i) ? i.value : undefined)) : undefined;
    if (!KNOWN.has(key)) {
      problems.push({ ...where, message: `Unexpected front matter key \`${key}\`, expected one of ${[...KNOWN].map((k) => `\`${k}\``).join(', ')}` });
      continue;
    }
    switch (key) {
      case 'title': case 'region': case 'source': case 'pain-rule': case 'protocol': {
        const s = str(value);
        if (s === undefined) {
          problems.push({ ...where, message: `Unexpected value for \`${key}\`, expected text` });
        } else if (key === 'title') {
          meta.title = s;
        } else if (key === 'region') {
          meta.region = s;
        } else if (key === 'source') {
          meta.source = s;
        } else if (key === 'pain-rule') {
          meta.painRule = s;
        } else {
          meta.protocol = s.toLowerCase();
        }
        break;
      }
      case 'condition': case 'conditions': {
        const list = Array.isArray(value) ? value.map(str) : [str(value)];
        meta.conditions = [...meta.conditions, ...list.filter((c): c is string => c !== undefined).map((c) => c.toLowerCase())];
        break;
      }
      case 'pain-threshold': {
        const n = typeof value === 'number' ? value : Number(str(value));
        if (!Number.isFinite(n) || n < 0 || n > 10) {
          problems.push({ ...where, message: 'Unexpected value for `pain-threshold`, expected a number from 0 to 10' });
        } else {
          meta.painThreshold = n;
        }
        break;
      }
      case 'status': {
        const s = str(value)?.toLowerCase();
        if (!FACT_STATUSES.includes(s as FactStatus)) {
          problems.push({ ...where, message: 'Unexpected value for `status`, expected confirmed, secondary or unconfirmed' });
        } else {
          meta.status = s as FactStatus;
        }
        break;
      }
      case 'fallback':
        if (str(value)?.toLowerCase() === 'strength') {
          meta.fallback = 'strength';
        } else {
          problems.push({ ...where, message: 'Unexpected value for `fallback`, expected `strength`' });
        }
        break;
      case 'kind':
        if (str(value)?.toLowerCase() === 'test') {
          meta.kind = 'test';
        } else {
          problems.push({ ...where, message: 'Unexpected value for `kind`, expected `test`' });
        }
        break;
    }
  }
  return { meta, problems };
}
