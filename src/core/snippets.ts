/**
 * Snippet text built from guidelines and templates: used by the generated snippets file, by exercise
 * completion and by the New Athlete Log command. Pure strings in VS Code's snippet syntax.
 */
import { formatSide, formatTiming } from './dosage/format.js';
import type { ProtocolInfo } from './guidelines/library.js';
import type { Guideline } from './guidelines/parse.js';
import type { Dosage, Span } from './model.js';

/** Escapes text for a snippet body (`$`, `}` and `\` are special). */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

class Stops {
  #n = 0;
  next(): number {
    return ++this.#n;
  }
}

/** A number or range as a tab stop: a choice list for small ranges (default the lower bound). */
function stop(s: Span, stops: Stops, scale = 1): string {
  const min = s.min / scale;
  const max = s.max / scale;
  const n = stops.next();
  if (min === max || !Number.isInteger(min) || !Number.isInteger(max)) {
    return `\${${n}:${min}}`;
  }
  if (max - min <= 5) {
    const values: number[] = [];
    for (let v = min; v <= max; v++) {
      values.push(v);
    }
    return `\${${n}|${values.join(',')}|}`;
  }
  return `\${${n}:${min}}`;
}

/** A guideline's dosage as a snippet, every number a tab stop; its default text is inside the guideline. */
export function dosageSnippet(d: Dosage, stops = new Stops()): string {
  const parts: string[] = [];
  if (d.sets && d.reps) {
    parts.push(`${stop(d.sets, stops)} x ${stop(d.reps, stops)}`);
  } else if (d.sets) {
    parts.push(`${stop(d.sets, stops)} sets`);
  } else if (d.reps) {
    parts.push(`${stop(d.reps, stops)} reps`);
  }
  if (d.holdSeconds) {
    parts.push(`hold ${stop(d.holdSeconds, stops)} s`);
  }
  if (d.bouts && d.boutSeconds) {
    parts.push(`${stop(d.bouts, stops)} bouts x ${stop(d.boutSeconds, stops)} s`);
  } else if (d.bouts) {
    parts.push(`${stop(d.bouts, stops)} bouts`);
  } else if (d.boutSeconds) {
    parts.push(`${stop(d.boutSeconds, stops)} s`);
  }
  if (d.steps) {
    parts.push(`${stop(d.steps, stops)} steps each leg`);
  }
  if (d.perDay) {
    parts.push(`${stop(d.perDay, stops)}x daily`);
  }
  if (d.perWeek) {
    parts.push(`${stop(d.perWeek, stops)}x/week`);
  }
  if (d.perRun) {
    parts.push('per run');
  }
  if (d.timing) {
    parts.push(formatTiming(d.timing.value));
  }
  if (d.side) {
    parts.push(formatSide(d.side.value));
  }
  return parts.join(', ');
}

/** `Chair Bridge: ${1|2,3|} x ${2:10}, ...` (no list marker: the coach has typed `- ` already). */
export function exerciseSnippet(g: Guideline): string {
  const name = escapeSnippet(g.name);
  return g.dosage && g.dosage.components.length > 0 ? `${name}: ${dosageSnippet(g.dosage)}` : `${name}: \${1}`;
}

/**
 * The assessment template: every sign of the column's three causes (check the ones found), then the red
 * flags to screen for (Finucane et al. 2020), which the `red-flag` rule reports when checked.
 */
export const ASSESSMENT_CHECKLIST: readonly string[] = [
  'Loss of range in straight-knee and bent-knee raise',
  'Sore spot along the hamstring',
  'Pain at end-range stretch or with resisted testing',
  'Pain with pressure on the SI joint (the bumps just below the waistband)',
  'Pain with straight-leg raise, much less with bent-knee stretch',
  'No pain with bent-knee testing',
  'No sore spot can be found in the back of the thigh',
  'Resisted testing does not hurt',
  'Tingling, buzzing, electric feelings or ache at rest down the leg',
  'Red flag: numbness in the saddle area, or a change in bladder or bowel control',
  'Red flag: weakness lifting the foot or rising on the toes, or symptoms in both legs',
];

export interface TemplateSnippet {
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  readonly body: string[];
}

const TODAY = '${CURRENT_YEAR}-${CURRENT_MONTH}-${CURRENT_DATE}';

export const TEMPLATE_SNIPPETS: readonly TemplateSnippet[] = [
  {
    name: 'New athlete log',
    prefix: 'athlete-log',
    description: 'A whole athlete log: front matter, assessment, program and log.',
    body: [
      '---', 'athlete: ${1:Athlete Name}', 'coach: ${2:Coach Name}', 'condition: ${3:Left hamstring strain}',
      'side: ${4|left,right,both|}', `started: ${TODAY}`, '---', '', '# ${1}: ${5:return to run}', '',
      '## Assessment', ...ASSESSMENT_CHECKLIST.map((s) => `- [ ] ${s}`), '', '## Program', '',
      '### Phase 1: Strength (weeks 1-2)', '- ${6:Chair Bridge: 2 x 10, hold 3 s, 1x daily}', '', '## Log', '',
      `### ${TODAY}`, '- $0', '',
    ],
  },
  {
    name: 'Program phase',
    prefix: 'phase',
    description: 'A program phase with its week span.',
    body: ['### Phase ${1:1}: ${2:Strength} (weeks ${3:1}-${4:2})', '- $0'],
  },
  {
    name: 'Session for today',
    prefix: 'session',
    description: "A log session headed with today's date.",
    body: [`### ${TODAY}`, '- ${1:Exercise}: ${2:3 x 10}. Pain ${3:0}/10', '', '$0'],
  },
  {
    name: 'Assessment checklist',
    prefix: 'assessment',
    description: 'The findings that tell a hamstring strain from referred SI-joint pain and sciatica ("Hamstrung", J. Uhan, iRunFar).',
    body: ['## Assessment', ...ASSESSMENT_CHECKLIST.map((s) => `- [ ] ${s}`), '$0'],
  },
];

export interface SnippetJson {
  prefix: string[] | string;
  body: string[] | string;
  description: string;
}

/**
 * A protocol's whole program as a snippet: one phase per stage of its schedules (`### Weeks 2-3 (weeks
 * 2-3)`), each exercise with that stage's dosage; exercises without a schedule in the first phase; a
 * protocol without schedules in one phase. `undefined` for a protocol with no dosage at all (a test).
 */
export function protocolSnippet(p: ProtocolInfo): TemplateSnippet | undefined {
  const dosed = p.guidelines.filter((g) => g.dosageText !== undefined);
  if (dosed.length === 0) {
    return undefined;
  }
  const spans = new Map<string, { min: number; max: number; label: string }>();
  for (const g of dosed) {
    for (const st of g.schedule ?? []) {
      const key = `${st.weeks.min}-${st.weeks.max}`;
      if (!spans.has(key)) {
        spans.set(key, { min: st.weeks.min, max: st.weeks.max, label: st.label });
      }
    }
  }
  const phases = [...spans.entries()].sort((a, b) => a[1].min - b[1].min || a[1].max - b[1].max);
  const lines = ['## Program', ''];
  const line = (name: string, dosage: string): string => `- ${escapeSnippet(name)}: ${escapeSnippet(dosage)}`;
  if (phases.length === 0) {
    lines.push(`### ${escapeSnippet(p.meta.title ?? p.protocol)}`, ...dosed.map((g) => line(g.name, g.dosageText ?? '')), '');
  } else {
    phases.forEach(([key, span], i) => {
      const weeks = span.max === Number.POSITIVE_INFINITY ? '' : span.min === span.max ? ` (week ${span.min})` : ` (weeks ${span.min}-${span.max})`;
      const title = /^phase\b/i.test(span.label) ? span.label.replace(/\s*\(.*\)\s*$/, '') : span.max === Number.POSITIVE_INFINITY ? `From week ${span.min}` : span.min === span.max ? `Week ${span.min}` : `Weeks ${span.min}-${span.max}`;
      lines.push(`### ${escapeSnippet(title)}${weeks}`);
      for (const g of dosed) {
        const st = g.schedule?.find((x) => `${x.weeks.min}-${x.weeks.max}` === key);
        if (st) {
          lines.push(line(g.name, st.dosageText));
        } else if (!g.schedule && i === 0) {
          lines.push(line(g.name, g.dosageText ?? ''));
        }
      }
      lines.push('');
    });
  }
  lines.push('$0');
  return {
    name: `Protocol: ${p.meta.title ?? p.protocol}`,
    prefix: `protocol-${p.protocol}`,
    description: `The ${p.meta.title ?? p.protocol} program, phase by phase; add \`protocol: ${p.protocol}\` to the front matter${p.meta.source ? ` (${p.meta.source})` : ''}`,
    body: lines,
  };
}

/** The checked-in snippets file, generated from the built-in library (scripts/generate-snippets.ts). */
export function snippetsFile(guidelines: readonly Guideline[], protocols: readonly ProtocolInfo[] = []): Record<string, SnippetJson> {
  const out: Record<string, SnippetJson> = {};
  for (const t of TEMPLATE_SNIPPETS) {
    out[t.name] = { prefix: t.prefix, body: t.body, description: t.description };
  }
  for (const p of protocols) {
    const t = protocolSnippet(p);
    if (t) {
      out[t.name] = { prefix: t.prefix, body: t.body, description: t.description };
    }
  }
  for (const g of guidelines) {
    const prefixes = [g.name.toLowerCase(), ...g.aliases.map((a) => a.toLowerCase())];
    out[g.name] = {
      prefix: [...new Set(prefixes)],
      body: exerciseSnippet(g),
      description: `${g.name}${g.dosageText ? `: ${g.dosageText}` : ''}${g.source ? ` (${g.source})` : ''}`,
    };
  }
  return out;
}

/** A new log for the New Athlete Log command, as a snippet. */
export function newLogSnippet(athlete: string, condition: string): string {
  const body = TEMPLATE_SNIPPETS[0]?.body ?? [];
  // The side the condition names comes first in the choice, so "Right hamstring strain" writes `side: right`.
  const side = sideOf(condition);
  const sides = ['left', 'right', 'both'].sort((a, b) => Number(b === side) - Number(a === side));
  return body.join('\n')
    .replace('${1:Athlete Name}', escapeSnippet(athlete))
    .replace('# ${1}:', `# ${escapeSnippet(athlete)}:`)
    .replace('${3:Left hamstring strain}', `\${3:${escapeSnippet(condition)}}`)
    .replace('${4|left,right,both|}', `\${4|${sides.join(',')}|}`);
}

/** The side a condition names (`Right hamstring strain`), if it names one. */
export function sideOf(condition: string): 'left' | 'right' | 'both' | undefined {
  if (/\b(both|bilateral)\b/i.test(condition)) {
    return 'both';
  }
  if (/\bright\b/i.test(condition)) {
    return 'right';
  }
  return /\bleft\b/i.test(condition) ? 'left' : undefined;
}

/**
 * The file a new log is saved as, named after the athlete: `Jane Runner` gives `jane-runner.athlete.md`
 * (accents dropped, anything but letters and digits made a hyphen); `n` > 1 gives `jane-runner-2.athlete.md`
 * for when the first name is taken. A name with no letter or digit gives `athlete`.
 */
export function logFileName(athlete: string, n = 1): string {
  const slug = athlete.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '') || 'athlete';
  return `${slug}${n > 1 ? `-${n}` : ''}.athlete.md`;
}
