/**
 * Red flags: findings that may mean serious pathology behind back or leg pain, which need a doctor the
 * same day rather than a dosage check. Data for the `red-flag` rule; never counted by the
 * `differential-diagnosis` rule.
 *
 * The list restates the cauda-equina and serious-pathology flags of the international framework for red
 * flags for potential serious spinal pathologies (Finucane LM et al., J Orthop Sports Phys Ther 2020):
 * numbness in the saddle area, a change in bladder or bowel control, loss of strength or feeling that is
 * in both legs or getting worse (foot drop among it), and, for other serious causes, a history of cancer,
 * weight loss with no reason, and feeling generally unwell (fever). Each flag is a pattern a finding may
 * match, read with its polarity (polarity.ts): "Denies saddle numbness" is not a red flag.
 */
import { readFinding } from './polarity.js';

export type RedFlag = 'saddle' | 'bladder-bowel' | 'both-legs' | 'progressive' | 'foot-drop' | 'cancer' | 'weight-loss' | 'systemic';

export const RED_FLAG_TOPICS: Readonly<Record<RedFlag, RegExp>> = {
  saddle: /saddle|perine(?:um|al)|groin numb|numb\w* (?:\w+ )?(?:in|around|between) the (?:groin|buttocks|genitals|inner thighs)|genital numb/i,
  'bladder-bowel': /bladder|bowel|incontinen|urinary|(?:difficulty|trouble|unable to|can't|cannot) (?:pee|urinat|pass(?:ing)? urine)|urine retention|faecal|fecal|soiling/i,
  'both-legs': /\b(?:both|two|bilateral(?:ly)?) (?:legs|feet|sides)\b|\bbilateral (?:leg )?(?:numbness|tingling|weakness|symptoms)|\bin both (?:legs|feet)/i,
  progressive: /(?:progressive|progressing|worsening|getting worse|increasing|spreading) (?:\w+ )?(?:weakness|numbness|loss of (?:strength|feeling|sensation))/i,
  'foot-drop': /foot[- ]drop|drop[- ]foot|(?:weak|weakness|cannot|can't|unable to)\b.{0,20}\b(?:toe raise|heel raise|lift(?:ing)? the (?:foot|toes)|(?:stand|rise|walk) on (?:the |their |his |her |my )?(?:tip)?toes)|slapping foot/i,
  cancer: /(?:history of|previous|past|prior) (?:\w+ )?(?:cancer|malignanc|tumou?r)|\bcancer (?:history|survivor)/i,
  'weight-loss': /(?:unexplained|unintended|unintentional|unexpected|sudden) weight loss|weight loss (?:without|for no) (?:a )?reason|losing weight (?:without|for no)/i,
  systemic: /\bfever|feverish|night sweats|(?:feels?|feeling) (?:generally )?unwell|systemically unwell|systemic illness/i,
};

/** Any topic at all, as one pattern: one pass over a note instead of one per topic. */
const ANY_TOPIC = new RegExp(Object.values(RED_FLAG_TOPICS).map((p) => `(?:${p.source})`).join('|'), 'i');

/** What each flag may mean, in plain words for a coach. */
export const RED_FLAG_MEANINGS: Readonly<Record<RedFlag, string>> = {
  saddle: 'numbness in the saddle area can mean pressure on the nerves at the base of the spine (cauda equina)',
  'bladder-bowel': 'a change in bladder or bowel control can mean pressure on the nerves at the base of the spine (cauda equina)',
  'both-legs': 'symptoms in both legs can mean pressure on the spinal nerves',
  progressive: 'weakness or numbness that is getting worse can mean a nerve is being damaged',
  'foot-drop': 'weakness lifting the foot or rising on the toes (foot drop) can mean a nerve is being damaged',
  cancer: 'back or leg pain with a history of cancer needs serious causes ruled out',
  'weight-loss': 'pain with weight loss for no reason needs serious causes ruled out',
  systemic: 'pain while feeling unwell or feverish needs infection and other serious causes ruled out',
};

export const RED_FLAG_SOURCE = 'red flags for serious spinal pathology, Finucane et al., J Orthop Sports Phys Ther 2020';

/** The red flags a finding names and does not deny. */
export function redFlagsIn(text: string): RedFlag[] {
  // Most notes name no red flag at all: a test per topic is much cheaper than reading the polarity of each clause.
  if (!ANY_TOPIC.test(text)) {
    return [];
  }
  return readFinding(text, RED_FLAG_TOPICS).filter((h) => h.polarity === 'present').map((h) => h.topic);
}
