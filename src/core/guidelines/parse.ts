/**
 * Guideline files (FORMAT.md, "Guideline files"): Markdown where each exercise is a heading and list items
 * under it give `Dosage`, `Aliases`, `Cues`, `Progression`, `Regression` and `Source`. A heading with none
 * of these (a file title, say) is not an exercise. Problems are reported with their place, never thrown.
 */
import type { Heading, ListItem, RootContent } from 'mdast';
import { parseDosage } from '../dosage/parse.js';
import type { Dosage, Range } from '../model.js';
import { frontMatterEnd, scanBlocks } from '../markdown/blocks.js';
import { parseMarkdown, plainText } from '../markdown/parse.js';
import { runSteps, type Steps } from '../incremental/steps.js';
import { LineIndex, normalizeName } from '../text.js';

export interface Guideline {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly dosage?: Dosage;
  readonly dosageText?: string;
  readonly cues: readonly string[];
  readonly progression: readonly string[];
  readonly regression: readonly string[];
  readonly source?: string;
  /** The file it came from: a path or URI, or `built-in` for the shipped library. */
  readonly file: string;
  readonly range: Range;
}

export interface GuidelineProblem {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

export interface GuidelineFile {
  readonly file: string;
  readonly guidelines: readonly Guideline[];
  readonly problems: readonly GuidelineProblem[];
}

type Key = 'dosage' | 'aliases' | 'cues' | 'progression' | 'regression' | 'source';

const KEYS: Readonly<Record<string, Key>> = {
  dosage: 'dosage', dose: 'dosage',
  aliases: 'aliases', alias: 'aliases', 'also called': 'aliases',
  cues: 'cues', cue: 'cues',
  progression: 'progression', progressions: 'progression', progress: 'progression',
  regression: 'regression', regressions: 'regression', regress: 'regression',
  source: 'source', sources: 'source',
};

interface Draft {
  name: string;
  range: Range;
  aliases: string[];
  dosage?: Dosage;
  dosageText?: string;
  cues: string[];
  progression: string[];
  regression: string[];
  source?: string;
  keyed: boolean;
}

function splitList(value: string, separators: RegExp): string[] {
  return value.split(separators).map((s) => s.trim()).filter((s) => s !== '');
}

/** `Single-Leg Chair Bridge (same dosage)` names `Single-Leg Chair Bridge`. */
function exerciseRef(s: string): string {
  return s.replace(/\s*\(.*\)\s*$/, '').trim();
}

function freeze(d: Draft, file: string): Guideline {
  const g: { -readonly [K in keyof Guideline]: Guideline[K] } = {
    name: d.name, aliases: d.aliases, cues: d.cues, progression: d.progression, regression: d.regression, file, range: d.range,
  };
  if (d.dosage) {
    g.dosage = d.dosage;
  }
  if (d.dosageText !== undefined) {
    g.dosageText = d.dosageText;
  }
  if (d.source !== undefined) {
    g.source = d.source;
  }
  return g;
}

export function parseGuidelineFile(text: string, file: string): GuidelineFile {
  return runSteps(parseGuidelineFileSteps(text, file));
}

/**
 * The same, as steps: the file is parsed a block (an exercise heading and what follows) at a time, as
 * logs are, so that no step holds the thread for a whole file. A file with link definitions (`]:`, which
 * other blocks may use) is parsed in one piece.
 */
export function* parseGuidelineFileSteps(text: string, file: string): Steps<GuidelineFile> {
  const index = new LineIndex(text);
  const problems: GuidelineProblem[] = [];
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  /** Where the tree being walked starts in `text`. */
  let base = 0;

  const onItem = (item: ListItem): void => {
    if (!current) {
      return;
    }
    const para = item.children[0];
    if (para?.type !== 'paragraph' || para.position?.start.offset === undefined) {
      return;
    }
    const start = base + para.position.start.offset;
    const end = base + (para.position.end.offset ?? para.position.start.offset);
    const raw = text.slice(start, end);
    const colon = raw.indexOf(':');
    const key = colon > 0 ? KEYS[raw.slice(0, colon).trim().toLowerCase()] : undefined;
    if (!key) {
      return;
    }
    current.keyed = true;
    let valueStart = colon + 1;
    while (/\s/.test(raw[valueStart] ?? '') && valueStart < raw.length) {
      valueStart++;
    }
    const value = raw.slice(valueStart).replace(/\s+$/, '');
    const whole = plainText(para);
    const plain = whole.slice(whole.indexOf(':') + 1).trim();
    switch (key) {
      case 'dosage': {
        if (current.dosage) {
          problems.push({ file, range: index.range(start, end), message: `A second dosage for ${current.name}; a guideline gives one dosage` });
          break;
        }
        const d = parseDosage(value);
        for (const p of d.problems) {
          problems.push({ file, range: index.range(start + valueStart + p.start, start + valueStart + p.end), message: p.message });
        }
        current.dosage = d;
        current.dosageText = value;
        break;
      }
      case 'aliases':
        current.aliases.push(...splitList(plain, /[,;]/));
        break;
      case 'cues':
        current.cues.push(...splitList(plain, /;/));
        break;
      case 'progression':
        current.progression.push(...splitList(plain, /;/).map(exerciseRef));
        break;
      case 'regression':
        current.regression.push(...splitList(plain, /;/).map(exerciseRef));
        break;
      case 'source':
        current.source = plain;
        break;
    }
  };

  const visit = (node: RootContent): void => {
    if (node.type === 'heading') {
      const h = node as Heading;
      current = {
        name: plainText(h),
        range: index.range(base + (h.position?.start.offset ?? 0), base + (h.position?.end.offset ?? 0)),
        aliases: [], cues: [], progression: [], regression: [], keyed: false,
      };
      drafts.push(current);
      return;
    }
    if (node.type === 'list') {
      for (const item of node.children) {
        onItem(item);
      }
    }
  };
  const { blocks } = text.includes(']:') ? { blocks: [{ start: 0, text, kind: frontMatterEnd(text) > 0 ? 'front-matter' : 'body' } as const] } : yield* scanBlocks(text);
  for (const b of blocks) {
    base = b.start;
    parseMarkdown(b.text, b.kind === 'front-matter').children.forEach(visit);
    yield;
  }

  const guidelines: Guideline[] = [];
  const seen = new Map<string, Draft>();
  for (const d of drafts) {
    if (!d.keyed) {
      continue;
    }
    if (d.name === '') {
      problems.push({ file, range: d.range, message: 'An empty exercise heading; write the exercise name after the ##' });
      continue;
    }
    const key = normalizeName(d.name);
    const before = seen.get(key);
    if (before) {
      problems.push({
        file, range: d.range,
        message: `A second guideline for ${d.name} in one file (the first is on line ${before.range.start.line}); keep one`,
      });
      continue;
    }
    seen.set(key, d);
    guidelines.push(freeze(d, file));
  }
  if (guidelines.length === 0) {
    problems.push({
      file, range: index.range(0, 0),
      message: 'No exercises in this guideline file; write each exercise as a ## heading with a - Dosage: item under it',
    });
  }
  return { file, guidelines, problems };
}
