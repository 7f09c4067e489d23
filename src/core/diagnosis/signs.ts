/**
 * The signs that tell three causes of posterior-thigh pain apart, restated from the column "Hamstrung:
 * Hamstring Strains and Posterior-Thigh Pain in Runners" (Joe Uhan, Stay the Course, iRunFar). This is
 * data for the `differential-diagnosis` rule.
 *
 * A checked assessment item is read for the topics it names (the SI joint, a sore spot, resisted testing,
 * the straight-leg and bent-knee tests, nerve-like symptoms), each with whether the item says it is there
 * or not (polarity.ts: "No pain with bent-knee testing", "Hamstring not sore to palpation", "Denies
 * tingling"). A sign is a topic with a polarity, and points to the causes it supports:
 *
 * - a strain loses range or hurts in *both* the straight-leg and the bent-knee test; a straight-leg raise
 *   that hurts or is limited alone, or a bent-knee test that does not hurt, points to the SI joint or a
 *   nerve;
 * - a sore spot points to a strain; finding none points away from it (SI joint or nerve);
 * - painful resisted testing points to a strain; painless resisted testing to a nerve;
 * - pressure on the SI joint (the bumps just below the waistband at the back) that hurts points to it;
 * - nerve-like symptoms (tingling, buzzing, electric feelings, numbness, ache at rest) point to a nerve,
 *   and are always worth a note, since nerve tension often comes with a true strain.
 *
 * A negated sign that rules a cause out ("No tingling", "SI joint pressure negative") counts for nothing.
 * Red flags (red-flags.ts) are never counted here: they have their own rule.
 */
import { readFinding, type Polarity } from './polarity.js';

export type Cause = 'hamstring-strain' | 'si-joint' | 'sciatica';

export const CAUSE_NAMES: Readonly<Record<Cause, string>> = {
  'hamstring-strain': 'a hamstring strain',
  'si-joint': 'referred SI-joint pain',
  sciatica: 'sciatica (nerve tension)',
};

/** What a finding can be about. */
export type Topic = 'straight-leg' | 'bent-knee' | 'sore-spot' | 'resisted' | 'end-range' | 'si-joint' | 'nerve';

export const TOPICS: Readonly<Record<Topic, RegExp>> = {
  'straight-leg': /straight[- ]?(?:leg|knee)|\bSLR\b/i,
  'bent-knee': /bent[- ]?knee|knee[- ]bent/i,
  'sore-spot': /\b(?:sore|tender)\w*\s+(?:spot|point|area|to)|palpa|\btender(?:ness)?\b|point[- ]tender|\bsore spot/i,
  resisted: /resist/i,
  'end-range': /end[- ]range/i,
  'si-joint': /\bSI\b|\bS\.I\.|sacro-?iliac|\bPSIS\b|bumps?\b.*\bwaist(?:band|line)?|dimples? (?:at|of|in|above) the (?:low )?back/i,
  nerve: /tingl|buzz|electric|numb|pins and needles|shooting|ache at rest|aching at rest|aches? when resting|\bnerve/i,
};

/** A sign found in an item: the causes it supports and what it means, in plain words. */
export interface Sign {
  readonly causes: readonly Cause[];
  readonly meaning: string;
  /** Nerve-like symptoms: always noted, whatever the vote. */
  readonly nerve?: boolean;
}

/** The signs of single topics, by polarity (the knee tests are read together: see `signsOf`). */
const SINGLE: Readonly<Partial<Record<Topic, Partial<Record<Polarity, Sign>>>>> = {
  'sore-spot': {
    present: { causes: ['hamstring-strain'], meaning: 'a sore spot along the hamstring' },
    absent: { causes: ['si-joint', 'sciatica'], meaning: 'no sore spot in the back of the thigh' },
  },
  resisted: {
    present: { causes: ['hamstring-strain'], meaning: 'resisted testing hurts' },
    absent: { causes: ['sciatica'], meaning: 'resisted testing does not hurt' },
  },
  'end-range': {
    present: { causes: ['hamstring-strain'], meaning: 'pain at the end of a stretch' },
  },
  'si-joint': {
    present: { causes: ['si-joint'], meaning: 'pressure on the SI joint is painful' },
  },
  nerve: {
    present: { causes: ['sciatica'], meaning: 'nerve-like symptoms (tingling, buzzing, electric feelings, numbness, ache at rest)', nerve: true },
  },
};

const BOTH_TESTS: Sign = { causes: ['hamstring-strain'], meaning: 'lost range or pain in both the straight-leg and the bent-knee test' };
const STRAIGHT_ONLY: Sign = { causes: ['si-joint', 'sciatica'], meaning: 'the straight-leg raise hurts or is limited, the bent-knee test much less or not at all' };
const BENT_PAINFUL: Sign = { causes: ['hamstring-strain'], meaning: 'the bent-knee test hurts (SI-joint pain and sciatica usually spare it)' };

/** The signs one checked assessment item shows. */
export function signsOf(text: string): Sign[] {
  const hits = new Map(readFinding(text, TOPICS).map((h) => [h.topic, h.polarity]));
  const out: Sign[] = [];
  const slr = hits.get('straight-leg');
  const bk = hits.get('bent-knee');
  if (slr === 'present' && bk === 'present') {
    out.push(BOTH_TESTS);
  } else if (slr === 'present' || bk === 'absent') {
    out.push(STRAIGHT_ONLY);
  } else if (bk === 'present') {
    out.push(BENT_PAINFUL);
  }
  for (const [topic, polarity] of hits) {
    const s = SINGLE[topic]?.[polarity];
    if (s) {
      out.push(s);
    }
  }
  return out;
}
