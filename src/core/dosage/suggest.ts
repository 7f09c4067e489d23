/**
 * "Did you mean ...": the notation closest to a fragment the grammar could not read. The fragment's words
 * are matched against each notation's keywords (edit distance, fastest-levenshtein); with no close word,
 * its shape (numbers as N) against each notation's shape. The fragment's own numbers fill the notation.
 */
import { distance } from 'fastest-levenshtein';

/** Notations the grammar reads, with N where a number goes. */
const NOTATIONS: readonly string[] = [
  'N x N', 'N reps', 'N sets', 'hold N s', 'N bouts x N s', 'N x N m', 'rest N s', 'Nx daily', 'Nx/week',
  'every other day', 'for N weeks', '@ N kg', '@ N lb', '@ N% 1RM', 'NRM', 'N% MVIC', 'RPE N', 'RIR N', 'tempo N-N-N',
  'pain N/10', 'pain ≤ N/10', 'N steps each leg', 'N x AMRAP', 'EMOM N min', 'N s', 'N min', 'N m', 'each side',
];

const KEYWORDS: readonly { notation: string; words: string[]; shape: string }[] = NOTATIONS.map((n) => ({
  notation: n,
  words: (n.toLowerCase().match(/\p{L}{2,}/gu) ?? []).filter((w) => w !== 'x'),
  shape: shapeOf(n),
}));

function shapeOf(s: string): string {
  return s.toLowerCase().replace(/\d+(?:\.\d+)?/g, 'N').replace(/\s+/g, ' ').trim();
}

function fill(notation: string, numbers: readonly string[]): string {
  let k = 0;
  return notation.replace(/N/g, () => {
    const n = numbers[k] ?? numbers[numbers.length - 1] ?? '1';
    k++;
    return n;
  });
}

/** Letters in another order: `hlod` is `hold` typed fast. */
function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

/**
 * Edit distance as a share of the longer word; half the word is close enough only for swapped letters
 * (`hlod` is `hold`; `hill` is not), and two letters off only in a long word (`latin` is not `pain`).
 */
function closeness(w: string, kw: string): number {
  const d = distance(w, kw);
  const share = d / Math.max(w.length, kw.length);
  if (sameLetters(w, kw)) {
    return share;
  }
  // Two or more letters off in a short word is another word (`latin` is not `pain`).
  return share >= 0.5 || (d >= 2 && share > 1 / 3) ? 1 : share;
}

/** The closest notation for an unreadable fragment, with its numbers, or undefined when nothing is close. */
export function suggestNotation(fragment: string): string | undefined {
  if (fragment.length > 60) {
    return undefined;
  }
  const numbers = fragment.match(/\d+(?:\.\d+)?/g) ?? [];
  const words = (fragment.toLowerCase().match(/\p{L}{2,}/gu) ?? []).filter((w) => w !== 'x');
  let best: { notation: string; score: number } | undefined;
  for (const k of KEYWORDS) {
    let score: number;
    if (words.length > 0 && k.words.length > 0) {
      // The closest pair of words, as a share of the longer word.
      score = Math.min(...words.flatMap((w) => k.words.map((kw) => closeness(w, kw))));
    } else if (words.length === 0 && k.words.length === 0) {
      score = distance(shapeOf(fragment), k.shape) / Math.max(fragment.length, k.shape.length, 1);
    } else {
      continue;
    }
    if (!best || score < best.score) {
      best = { notation: k.notation, score };
    }
  }
  return best && best.score <= 0.5 ? fill(best.notation, numbers) : undefined;
}
