/**
 * Guideline files (FORMAT.md, "Guideline files"): Markdown where each exercise is a heading and list items
 * under it give `Dosage`, `Aliases`, `Cues`, `Progression`, `Regression` and `Source`, and optionally
 * `Note` (the clinician's source note: where a fact comes from, what is this project's inference; shown
 * to the coach in hover and preview, never printed on the athlete's handout, which shows only `Cues`), and
 * `Schedule` (a nested list of `Week 1: dosage`, `Weeks 2-3: dosage`, `Phase 2 (weeks 2-5): dosage`,
 * `Weeks 11+: dosage`), one item per dosage part the field table gives a column (dosage/fields.ts:
 * `Rest`, `Intensity`, `Weeks` (the programme's length), `Distance`, `RPE`, `RIR`, `Every`, `Tempo`; each
 * read with the dosage grammar and added to the dosage, so the range rules check it), `Pain` (the highest acceptable pain, `3/10`), `Status` (how sure each
 * fact is: `dosage confirmed; schedule secondary`) and `Unconfirmed` (facts kept out of the ranges). A
 * heading with none of these (a file title, say) is not an exercise. The file's YAML front matter
 * describes the file (meta.ts). Problems are reported with their place, never thrown.
 */
import type { Heading, List, ListItem, RootContent } from 'mdast';
import { parseDosage } from '../dosage/parse.js';
import { DOSAGE_FIELDS, type DosageField, type FieldName } from '../dosage/fields.js';
import type { Dosage, Range, Span } from '../model.js';
import { FACT_STATUSES, protocolFromPath, readGuidelineMeta, type FactStatus, type GuidelineMeta } from './meta.js';
import { frontMatterEnd, scanBlocks } from '../markdown/blocks.js';
import { parseMarkdown, plainText } from '../markdown/parse.js';
import { runSteps, type Steps } from '../scheduler/steps.js';
import { LineIndex, normalizeName } from '../text.js';
import { pushAll } from '../lists.js';

/** One stage of a schedule: the weeks it covers (`max` is Infinity for `Weeks 11+`) and its dosage. */
export interface ScheduleStage {
  /** As written before the colon: `Week 1`, `Phase 2 (weeks 2-5)`. */
  readonly label: string;
  readonly weeks: Span;
  readonly dosage: Dosage;
  readonly dosageText: string;
  readonly range: Range;
}

export interface Guideline {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly dosage?: Dosage;
  readonly dosageText?: string;
  /** Athlete-facing cues: the handout prints these. */
  readonly cues: readonly string[];
  /** Clinician-facing source notes (`Note:`): for the coach only, never on the athlete's handout. */
  readonly notes: readonly string[];
  readonly progression: readonly string[];
  readonly regression: readonly string[];
  readonly source?: string;
  /** The file it came from: a path or URI, or `built-in:<name>.md` for the shipped library. */
  readonly file: string;
  readonly range: Range;
  /** Week-by-week dosages, in file order; the range rules compare with the stage of the line's week. */
  readonly schedule?: readonly ScheduleStage[];
  /** The programme's length in weeks. */
  readonly weeks?: Span;
  /** The highest acceptable pain (0-10): the entry's `Pain` line, else the file's `pain-threshold`. */
  readonly painThreshold?: number;
  /** How sure each fact is, by part (`dosage`, `schedule`, ...; `all` for the whole entry). */
  readonly status: Readonly<Record<string, FactStatus>>;
  /** Facts the entry names but does not check, because no readable source confirmed them. */
  readonly unconfirmed: readonly string[];
  /** The protocol (the file's `protocol:` or its name) and the file's own description. */
  readonly protocol: string;
  readonly meta: GuidelineMeta;
  /** When the guideline stands for one stage of its schedule: which (`week 3`, `weeks 2-5`). */
  readonly stage?: string;
  /** The checked parts the entry writes itself: `dosage`, `schedule`, `pain`, and its part items (`rest`, `intensity`, `weeks`, ...). */
  readonly parts: readonly string[];
}

export interface GuidelineProblem {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

export interface GuidelineFile {
  readonly file: string;
  readonly meta: GuidelineMeta;
  /** The file's protocol name: its `protocol:` front matter, or its file name. */
  readonly protocol: string;
  readonly guidelines: readonly Guideline[];
  readonly problems: readonly GuidelineProblem[];
}

type Key = 'dosage' | 'aliases' | 'cues' | 'notes' | 'progression' | 'regression' | 'source' | 'schedule' | 'pain' | 'status' | 'unconfirmed'
  | { readonly column: DosageField };

/** The list items every guideline reads; the dosage parts' own items (`Rest`, `Intensity`, ...) come from the field table. */
const KEYS: Readonly<Record<string, Key>> = {
  dosage: 'dosage', dose: 'dosage',
  aliases: 'aliases', alias: 'aliases', 'also called': 'aliases',
  cues: 'cues', cue: 'cues',
  note: 'notes', notes: 'notes', 'source note': 'notes', 'source notes': 'notes',
  progression: 'progression', progressions: 'progression', progress: 'progression',
  regression: 'regression', regressions: 'regression', regress: 'regression',
  source: 'source', sources: 'source',
  schedule: 'schedule',
  pain: 'pain', status: 'status', unconfirmed: 'unconfirmed', 'not checked': 'unconfirmed',
  ...Object.fromEntries(DOSAGE_FIELDS.flatMap((f) => (f.column ? f.column.names.map((n) => [n, { column: f }]) : []))),
};

/** The guideline list items that set one dosage part, as `Rest`, `Intensity`, ... (docs and completion). */
export const PART_COLUMNS: readonly { readonly name: string; readonly field: FieldName; readonly example: string }[] = DOSAGE_FIELDS.flatMap(
  (f) => (f.column ? [{ name: capitalize(f.column.names[0] ?? f.name), field: f.name, example: f.column.example }] : []),
);

function capitalize(s: string): string {
  return s.length <= 3 ? s.toUpperCase() : `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
}

/** `Week 1`, `Weeks 2-3`, `Weeks 11+`, `Phase 2 (weeks 2-5)`: the weeks a schedule stage covers. */
const STAGE_WEEKS = /\bweeks?\s+(\d+)\s*(?:(?:-|–|—|to)\s*(\d+)|(\+|and later|onward|on))?\s*\)?\s*$/i;

export function stageWeeks(label: string): Span | undefined {
  const m = STAGE_WEEKS.exec(label.trim());
  if (!m) {
    return undefined;
  }
  const min = Number(m[1]);
  const max = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? Number.POSITIVE_INFINITY : min;
  return max >= min && min >= 1 ? { min, max } : undefined;
}

/** The dosage with the parts of `extra` added (extra's parts win); text and components stay the base's. */
export function withParts(base: Dosage | undefined, extra: Dosage): Dosage {
  const out: Record<string, unknown> = { ...(base ?? { text: extra.text, components: [], problems: [] }) };
  for (const [k, v] of Object.entries(extra)) {
    if (k !== 'text' && k !== 'components' && k !== 'problems' && v !== undefined) {
      out[k] = v;
    }
  }
  return out as unknown as Dosage;
}

interface Draft {
  name: string;
  range: Range;
  aliases: string[];
  dosage?: Dosage;
  dosageText?: string;
  cues: string[];
  notes: string[];
  progression: string[];
  regression: string[];
  source?: string;
  keyed: boolean;
  schedule: ScheduleStage[];
  extras: Dosage[];
  extraParts: string[];
  weeks?: Span;
  pain?: number;
  status: Record<string, FactStatus>;
  unconfirmed: string[];
}

function splitList(value: string, separators: RegExp): string[] {
  return value.split(separators).map((s) => s.trim()).filter((s) => s !== '');
}

/** `Single-Leg Chair Bridge (same dosage)` names `Single-Leg Chair Bridge`. */
function exerciseRef(s: string): string {
  return s.replace(/\s*\(.*\)\s*$/, '').trim();
}

function freeze(d: Draft, file: string, meta: GuidelineMeta, protocol: string): Guideline {
  const status: Record<string, FactStatus> = meta.status ? { all: meta.status, ...d.status } : d.status;
  const g: { -readonly [K in keyof Guideline]: Guideline[K] } = {
    name: d.name, aliases: d.aliases, cues: d.cues, notes: d.notes, progression: d.progression, regression: d.regression, file, range: d.range,
    status, unconfirmed: d.unconfirmed, protocol, meta,
    parts: [
      ...(d.dosage ? ['dosage'] : []), ...(d.schedule.length > 0 ? ['schedule'] : []), ...d.extraParts,
      ...(d.pain !== undefined ? ['pain'] : []),
    ],
  };
  let dosage = d.dosage;
  for (const extra of d.extras) {
    dosage = withParts(dosage, extra);
  }
  if (dosage) {
    g.dosage = dosage;
  }
  if (d.schedule.length > 0) {
    g.schedule = d.schedule.map((st) => {
      let sd = withParts(d.dosage, st.dosage);
      for (const extra of d.extras) {
        sd = withParts(sd, extra);
      }
      return { ...st, dosage: withParts(sd, st.dosage) };
    });
  }
  if (d.weeks) {
    g.weeks = d.weeks;
  }
  const pain = d.pain ?? meta.painThreshold;
  if (pain !== undefined) {
    g.painThreshold = pain;
  }
  if (d.dosageText !== undefined) {
    g.dosageText = d.dosageText;
  }
  const source = d.source ?? meta.source;
  if (source !== undefined) {
    g.source = source;
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
  const { meta, problems: metaProblems } = readGuidelineMeta(text);
  for (const p of metaProblems) {
    problems.push({ file, range: index.range(p.start, p.end), message: p.message });
  }
  const protocol = meta.protocol ?? protocolFromPath(file);
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  /** Where the tree being walked starts in `text`. */
  let base = 0;

  /**
   * A list item that sets one dosage part (`- Rest: 60-90 s`, `- Intensity: 15RM`, `- Weeks: 12`): read
   * with the dosage grammar as written, else with the field table's words around it (`rest 60-90 s`,
   * `12 weeks`); only that part is taken. Anything else is a problem in place.
   */
  const readColumn = (f: DosageField, start: number, end: number, valueStart: number, value: string): void => {
    if (!current || !f.column) {
      return;
    }
    const { prefix, suffix } = f.column;
    const label = f.column.names[0] ?? f.name;
    const has = (d: Dosage): boolean => d[f.name] !== undefined && d.problems.length === 0;
    let d = parseDosage(value);
    let shift = 0;
    if (!has(d)) {
      const again = parseDosage(`${prefix}${value}${suffix}`);
      if (has(again) || again.problems.length < d.problems.length) {
        d = again;
        shift = prefix.length;
      }
    }
    if (!has(d)) {
      const p = d.problems[0];
      const a = p ? Math.min(value.length, Math.max(0, p.start - shift)) : 0;
      const b = p ? Math.min(value.length, Math.max(a, p.end - shift)) : value.length;
      problems.push({
        file, range: a < b ? index.range(start + valueStart + a, start + valueStart + b) : index.range(start, end),
        message: `Unexpected ${capitalize(label)} value \`${value}\`, expected a ${f.label} such as \`${capitalize(label)}: ${f.column.example}\``,
      });
      return;
    }
    current.extras.push({ text: d.text, components: [], problems: [], [f.name]: d[f.name] } as unknown as Dosage);
    current.extraParts.push(label);
    if (f.name === 'weeks' && d.weeks) {
      current.weeks = { min: d.weeks.min, max: d.weeks.max };
    }
  };

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
    if (typeof key === 'object') {
      readColumn(key.column, start, end, valueStart, value);
      return;
    }
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
        pushAll(current.aliases, splitList(plain, /[,;]/));
        break;
      case 'cues':
        pushAll(current.cues, splitList(plain, /;/));
        break;
      case 'notes':
        current.notes.push(plain);
        break;
      case 'progression':
        pushAll(current.progression, splitList(plain, /;/).map(exerciseRef));
        break;
      case 'regression':
        pushAll(current.regression, splitList(plain, /;/).map(exerciseRef));
        break;
      case 'source':
        current.source = plain;
        break;
      case 'pain': {
        const m = /^(\d+(?:\.\d+)?)\s*\/\s*10\b/.exec(plain);
        if (m && Number(m[1]) <= 10) {
          current.pain = Number(m[1]);
        } else {
          problems.push({ file, range: index.range(start, end), message: `Unexpected pain limit \`${plain}\`, expected the highest acceptable pain such as \`3/10\`` });
        }
        break;
      }
      case 'status':
        for (const piece of splitList(plain, /;/)) {
          const words = piece.toLowerCase().split(/\s+/);
          const last = words.pop() as FactStatus;
          if (!FACT_STATUSES.includes(last)) {
            problems.push({ file, range: index.range(start, end), message: `Unexpected status \`${piece}\`, expected a part followed by confirmed, secondary or unconfirmed` });
            continue;
          }
          current.status[words.length > 0 ? words.join(' ') : 'all'] = last;
        }
        break;
      case 'unconfirmed':
        current.unconfirmed.push(plain);
        break;
      case 'schedule': {
        const list = item.children.find((c): c is List => c.type === 'list');
        for (const stage of list?.children ?? []) {
          const sp = stage.children[0];
          if (sp?.type !== 'paragraph' || sp.position?.start.offset === undefined) {
            continue;
          }
          const s0 = base + sp.position.start.offset;
          const s1 = base + (sp.position.end.offset ?? sp.position.start.offset);
          const line = text.slice(s0, s1);
          const c = line.indexOf(':');
          const label = c > 0 ? line.slice(0, c).trim() : '';
          const weeks = stageWeeks(label);
          if (!weeks) {
            problems.push({ file, range: index.range(s0, s1), message: `Unexpected schedule line \`${line.trim()}\`, expected \`Week 1: dosage\`, \`Weeks 2-3: dosage\` or \`Phase 2 (weeks 2-5): dosage\`` });
            continue;
          }
          let at = c + 1;
          while (/\s/.test(line[at] ?? '') && at < line.length) {
            at++;
          }
          const dosageText = line.slice(at).replace(/\s+$/, '');
          const sd = parseDosage(dosageText);
          for (const p of sd.problems) {
            problems.push({ file, range: index.range(s0 + at + p.start, s0 + at + p.end), message: p.message });
          }
          current.schedule.push({ label, weeks, dosage: sd, dosageText, range: index.range(s0, s1) });
        }
        if (current.schedule.length === 0) {
          problems.push({ file, range: index.range(start, end), message: 'Unexpected empty schedule, expected nested items such as `Week 1: 2 x 5, 1x/week`' });
        }
        break;
      }
    }
  };

  const visit = (node: RootContent): void => {
    if (node.type === 'heading') {
      const h = node as Heading;
      current = {
        name: plainText(h),
        range: index.range(base + (h.position?.start.offset ?? 0), base + (h.position?.end.offset ?? 0)),
        aliases: [], cues: [], notes: [], progression: [], regression: [], keyed: false, schedule: [], extras: [], extraParts: [], status: {}, unconfirmed: [],
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
    guidelines.push(freeze(d, file, meta, protocol));
  }
  if (guidelines.length === 0) {
    problems.push({
      file, range: index.range(0, 0),
      message: 'No exercises in this guideline file; write each exercise as a ## heading with a - Dosage: item under it',
    });
  }
  return { file, meta, protocol, guidelines, problems };
}
