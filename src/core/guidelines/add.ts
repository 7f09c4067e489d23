/**
 * "Add a guideline for X": the entry a coach's own guideline file gains for an exercise no guideline
 * knows, with the dosage as prescribed for its range (the coach then adjusts it and cites a source).
 * The core only computes text; the editor decides which file it is and writes it.
 */
import { normalizeName } from '../text.js';

/** What `unknown-exercise` offers to add: the exercise, the dosage text for its range, and the entry. */
export interface NewGuideline {
  readonly exercise: string;
  readonly dosage: string;
  /** The Markdown entry, ending with a line break. */
  readonly markdown: string;
}

/** The default name of the workspace guideline file the entry goes to, when settings name none. */
export const DEFAULT_WORKSPACE_GUIDELINE_FILE = 'athlete-guidelines.md';

const HEADER = '# Our guidelines\n\nExercises this clinic prescribes that the built-in library does not know. Each entry\nstarts from the dosage first prescribed; adjust the range and cite your source.\n';

export function newGuideline(exercise: string, dosage: string): NewGuideline {
  const name = exercise.replace(/[\r\n]+/g, ' ').trim();
  const d = dosage.replace(/[\r\n]+/g, ' ').trim();
  const lines = [`## ${name}`];
  if (d !== '') {
    lines.push(`- Dosage: ${d}`);
  }
  lines.push('- Cues: (add cues for the athlete)', '- Source: (cite the guideline or paper this range comes from)');
  return { exercise: name, dosage: d, markdown: `${lines.join('\n')}\n` };
}

/** Whether a guideline file's text already has a heading for the exercise. */
export function hasGuideline(text: string, exercise: string): boolean {
  const key = normalizeName(exercise);
  return text.split(/\r\n|\r|\n/).some((l) => {
    const m = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    return m !== null && normalizeName(m[1] ?? '') === key;
  });
}

/**
 * The guideline file's text with the entry added at its end (a new file gets a short header first).
 * `undefined` when the file already has a guideline for that exercise.
 */
export function addGuideline(existing: string | undefined, entry: NewGuideline): string | undefined {
  if (existing === undefined || existing.trim() === '') {
    return `${HEADER}\n${entry.markdown}`;
  }
  if (hasGuideline(existing, entry.exercise)) {
    return undefined;
  }
  const eol = existing.includes('\r\n') ? '\r\n' : '\n';
  const body = existing.replace(/(?:\r\n|\r|\n)*$/, '');
  return `${body}${eol}${eol}${entry.markdown.replace(/\n/g, eol)}`;
}
