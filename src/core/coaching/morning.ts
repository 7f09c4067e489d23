/**
 * Next-morning pain, the second part of the pain-monitoring model (Silbernagel et al., Am J Sports Med 2007,
 * as restated): pain after exercise is allowed but must have settled by the next morning. The handout's
 * tick sheet has a row for it; the coach writes it into the log under a session, in words such as
 *
 *   Morning pain 2/10            (this date's morning, before the session: on waking, on rising, this morning)
 *   Next morning: pain 4/10      (the morning after this session: next-morning pain, pain the following morning)
 *
 * as a note or as a list item of its own (a list item so written is a note, not an exercise: read/assemble.ts).
 * The pain score must stand right by the morning words, so "felt fresh this morning; bridges 2/10" is not one.
 */
import { dayNumber } from '../dates.js';
import type { Range, Session } from '../model.js';

/** A morning pain score: on which morning, the score, and where it is written. */
export interface MorningPain {
  /** The day number (dates.ts) of the morning. */
  readonly day: number;
  readonly score: number;
  readonly range: Range;
}

const NEXT = String.raw`next[- ]morning|(?:the\s+)?morning\s+after|(?:the\s+)?following\s+morning`;
const THIS = String.raw`(?:this\s+)?morning|on\s+waking|on\s+rising|first\s+thing`;
const PAIN = String.raw`pain|soreness|stiffness`;
const score = (k: string): string => String.raw`(?:was\s+|of\s+|at\s+)?(${k}\d{1,2}(?:\.\d+)?)\s*\/\s*10\b`;
// `Morning pain 2/10`, `next-morning soreness: 3/10`; `pain next morning 4/10`, `pain on waking was 2/10`;
// `Next morning: 3/10`, `Next morning: pain 3/10`. Named groups: n (next-morning words), s (the score).
const forms = (named: boolean): string[] => {
  const n = (i: number): string => (named ? `?<n${i}>` : '?:');
  const s = (i: number): string => (named ? `?<s${i}>` : '?:');
  return [
    String.raw`\b(?:(${n(1)}${NEXT})|${THIS})[\s:-]*(?:${PAIN})\s*(?:[:=]\s*)?${score(s(1))}`,
    String.raw`\b(?:${PAIN})\s+(?:(${n(2)}${NEXT})|${THIS})\s*(?:[:=]\s*)?${score(s(2))}`,
    String.raw`\b(?:(${n(3)}${NEXT})|${THIS})\s*:\s*(?:(?:${PAIN})\s*)?${score(s(3))}`,
  ];
};
const FORM = new RegExp(forms(true).join('|'), 'giu');
const WHOLE = new RegExp(String.raw`^\s*(?:${forms(false).join('|')})\s*(?:[.;,]\s*)?(?:\([^()]*\)\s*)?$`, 'iu');

/** The morning pain scores a note names: `next` is true for the morning after the session. */
export function morningScores(note: string): { score: number; next: boolean }[] {
  const out: { score: number; next: boolean }[] = [];
  for (const m of note.matchAll(FORM)) {
    const g = m.groups ?? {};
    const s = g['s1'] ?? g['s2'] ?? g['s3'];
    if (s === undefined) {
      continue;
    }
    const score = Number(s);
    if (score <= 10) {
      out.push({ score, next: (g['n1'] ?? g['n2'] ?? g['n3']) !== undefined });
    }
  }
  return out;
}

/** Whether a whole line (a list item's text) is a morning pain record and nothing else. */
export function isMorningPainLine(line: string): boolean {
  return WHOLE.test(line);
}

/** Every morning pain score of the log's dated sessions, by morning, in log order. */
export function morningPains(sessions: readonly Session[]): MorningPain[] {
  const out: MorningPain[] = [];
  for (const s of sessions) {
    const day = dayNumber(s.date);
    if (day === undefined) {
      continue;
    }
    s.notes.forEach((note, i) => {
      const range = s.noteRanges[i];
      if (!range) {
        return;
      }
      for (const m of morningScores(note)) {
        out.push({ day: m.next ? day + 1 : day, score: m.score, range });
      }
    });
  }
  return out;
}
