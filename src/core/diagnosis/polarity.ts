/**
 * Reading whether a written finding says a sign is there or not: "Tingling down the leg" says it is,
 * "Denies numbness, tingling", "SI joint pressure negative", "Cannot find a sore spot" say it is not.
 *
 * A finding is split into sentences (at `.`, `;`, `but`, `while`, `whereas`, `however`) and those into
 * clauses (at `,`, `: `, ` - `, ` / `). A clause is
 * negative when it holds a negation word (no, not, denies, negative, absent, without, none, nil, cannot
 * find, free of, pain-free, painless, full range) or a word of contrast (less, easier, fine, normal); an
 * explicit `positive`, `(+)` or `+ve` makes it positive whatever else it says. A clause that names no
 * topic, only a verdict ("all negative", "none", "(+)"), gives that verdict to its whole sentence;
 * a clause with no polarity word of its own continues the one before it ("Denies numbness, tingling").
 */

export type Polarity = 'present' | 'absent';

/** A topic (what a finding is about) and the clause text it was found in. */
export interface TopicHit<T extends string> {
  readonly topic: T;
  readonly polarity: Polarity;
}

const NEGATION = /\b(?:no|not|non|denies|denied|deny|denying|negative|neg|absent|without|none|nil|never|free of|cannot|can't|can not|could not|couldn't|unable to find|unremarkable|pain[- ]free|painless|full (?:range|rom))\b|\bn't\b|\(-\)|-ve\b/i;
const CONTRAST = /\b(?:less|easier|fine|normal|better|reduced pain|no worse)\b/i;
const POSITIVE = /\b(?:positive|pos|present|reproduces?|reproduced|yes)\b|\(\+\)|\+ve\b/i;
/** Words that give a clause a polarity of its own, so it does not continue the one before it. */
const OWN = /\b(?:pain|painful|hurts?|hurting|aches?|sore|tender|loss|lost|limited|reduced|decreased|worse|complains?|reports?|reported|has|with)\b/i;

const CLAUSE_SPLIT = /,|:\s|\s[-–—/]\s/;
/** A clause that is only a verdict: `negative`, `all negative`, `none`, `(+)`. */
const VERDICT = /^(?:all |both |each )?(?:(negative|neg|none|nil|absent|no|not present|-ve|\(-\))|(positive|pos|present|yes|\+ve|\(\+\)))$/i;
/** Sentences, and parts of one joined by `;` or a word of contrast: no reading carries across them. */
const SENTENCE_SPLIT = /[.!?](?:\s|$)|[;\n]|\bbut\b|\bwhile\b|\bwhereas\b|\bhowever\b|\balthough\b/i;

function clausePolarity(clause: string): Polarity | undefined {
  if (POSITIVE.test(clause) && !/\bnot (?:positive|present|reproduced)\b/i.test(clause)) {
    return 'present';
  }
  if (NEGATION.test(clause) || CONTRAST.test(clause)) {
    return 'absent';
  }
  return OWN.test(clause) ? 'present' : undefined;
}

/**
 * The topics a finding names, each with whether the finding says it is there. A topic named twice keeps
 * its first reading. `topics` maps each topic to the pattern that names it.
 */
export function readFinding<T extends string>(text: string, topics: Readonly<Record<T, RegExp>>): TopicHit<T>[] {
  const out = new Map<T, Polarity>();
  for (const sentence of text.split(SENTENCE_SPLIT)) {
    const clauses = sentence.split(CLAUSE_SPLIT).map((c) => c.trim()).filter((c) => c !== '');
    const named = clauses.map((c) => (Object.keys(topics) as T[]).filter((t) => topics[t].test(c)));
    // A verdict clause ("all negative", "none") with no topic of its own speaks for the whole sentence.
    let verdict: Polarity | undefined;
    clauses.forEach((c, i) => {
      const v = (named[i]?.length ?? 0) === 0 ? VERDICT.exec(c) : null;
      if (v) {
        verdict = v[1] !== undefined ? 'absent' : 'present';
      }
    });
    let carried: Polarity = 'present';
    clauses.forEach((c, i) => {
      const ts = named[i] ?? [];
      let last = clausePolarity(c);
      for (const t of ts) {
        // The topic's own words are left out: "cannot rise on the toes" names a weakness, not its absence.
        last = verdict ?? clausePolarity(c.replace(topics[t], ' ')) ?? carried;
        if (!out.has(t)) {
          out.set(t, last);
        }
      }
      carried = last ?? carried;
    });
  }
  return [...out].map(([topic, polarity]) => ({ topic, polarity }));
}
