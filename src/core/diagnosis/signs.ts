/**
 * The signs that tell three causes of posterior-thigh pain apart, restated from the column "Hamstrung:
 * Hamstring Strains and Posterior-Thigh Pain in Runners" (Joe Uhan, Stay the Course, iRunFar). This is
 * data for the `differential-diagnosis` rule: each sign is a pattern that a checked assessment item may
 * match, and the causes it points to. The first sign that matches an item wins, so negated signs
 * ("no sore spot") come before the plain ones.
 */

export type Cause = 'hamstring-strain' | 'si-joint' | 'sciatica';

export const CAUSE_NAMES: Readonly<Record<Cause, string>> = {
  'hamstring-strain': 'a hamstring strain',
  'si-joint': 'referred SI-joint pain',
  sciatica: 'sciatica (nerve tension)',
};

export interface Sign {
  readonly pattern: RegExp;
  readonly causes: readonly Cause[];
  readonly meaning: string;
}

export const SIGNS: readonly Sign[] = [
  {
    pattern: /\bno\b.*\b(sore|tender)|\bnot tender|without (a )?(sore|tender)/i,
    causes: ['si-joint', 'sciatica'],
    meaning: 'no sore spot in the back of the thigh',
  },
  {
    pattern: /\bno pain\b.*\bresist|\bresist\w*\b.*\b(pain[- ]free|no pain|painless)/i,
    causes: ['sciatica'],
    meaning: 'resisted testing does not hurt',
  },
  {
    pattern: /straight[- ]leg raise.*\b(not|less|no pain|fine|easier)\b.*bent[- ]knee|bent[- ]knee.*\b(not|less|no pain|fine|easier)\b/i,
    causes: ['sciatica'],
    meaning: 'straight-leg raise hurts but bent-knee stretching much less',
  },
  {
    pattern: /tingl|buzz|electric|numb|pins and needles|shooting|ache at rest|aching at rest|nerve/i,
    causes: ['sciatica'],
    meaning: 'nerve-like symptoms (tingling, buzzing, electric feelings, ache at rest)',
  },
  {
    pattern: /\bSI\b|\bS\.I\.|sacro-?iliac/i,
    causes: ['si-joint'],
    meaning: 'pressure on the SI joint is painful',
  },
  {
    pattern: /\b(sore|tender|painful)\s+(spot|point|area)|palpa|point[- ]tender|tender(ness)?\s+(along|in|on|over)/i,
    causes: ['hamstring-strain'],
    meaning: 'a sore spot along the hamstring',
  },
  {
    pattern: /\b(loss|lost|reduced|limited|decreased)\b.*\b(range|rom|motion)\b|(straight|bent)[- ]knee.*(both|and).*(straight|bent)[- ]knee/i,
    causes: ['hamstring-strain'],
    meaning: 'lost range in both straight-knee and bent-knee tests',
  },
  {
    pattern: /resist|end[- ]range|pain(ful)? (with|on|at) (the )?stretch/i,
    causes: ['hamstring-strain'],
    meaning: 'pain at end-range stretch or with resisted testing',
  },
];

export function classify(text: string): Sign | undefined {
  return SIGNS.find((s) => s.pattern.test(text));
}
