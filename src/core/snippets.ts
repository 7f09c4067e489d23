/**
 * Snippet text built from guidelines and templates: used by the generated snippets file, by exercise
 * completion and by the New Athlete Log command. Pure strings in VS Code's snippet syntax.
 */
import { formatSide, formatTiming } from './dosage/format.js';
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

/** The checked-in snippets file, generated from the built-in library (scripts/generate-snippets.ts). */
export function snippetsFile(guidelines: readonly Guideline[]): Record<string, SnippetJson> {
  const out: Record<string, SnippetJson> = {};
  for (const t of TEMPLATE_SNIPPETS) {
    out[t.name] = { prefix: t.prefix, body: t.body, description: t.description };
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
  return body.join('\n')
    .replace('${1:Athlete Name}', escapeSnippet(athlete))
    .replace('# ${1}:', `# ${escapeSnippet(athlete)}:`)
    .replace('${3:Left hamstring strain}', `\${3:${escapeSnippet(condition)}}`);
}
