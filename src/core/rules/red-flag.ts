/**
 * `red-flag`: a checked assessment item or a session note names a sign that may mean serious pathology
 * (saddle numbness, a change in bladder or bowel control, weakness or numbness in both legs or getting
 * worse, foot drop, a history of cancer, weight loss for no reason, feeling unwell or feverish). The
 * message says to stop and seek urgent medical assessment. A denied sign ("Denies saddle numbness",
 * "bladder and bowel normal", "red flags: all negative") is not reported.
 *
 * Rationale: these are the red flags of the international framework for potential serious spinal
 * pathologies; cauda equina compression among them needs same-day medical care, not a dosage check.
 * Such findings are never counted by `differential-diagnosis`. The flags are data
 * (src/core/diagnosis/red-flags.ts), read with their polarity (polarity.ts). Each item and note is read on
 * its own, so the rule runs per block: an edit re-reads only the notes of the blocks it touched.
 *
 * Source: Finucane LM et al. International framework for red flags for potential serious spinal
 * pathologies. J Orthop Sports Phys Ther 2020.
 */
import { RED_FLAG_MEANINGS, RED_FLAG_SOURCE, redFlagsIn } from '../diagnosis/red-flags.js';
import type { Range } from '../model.js';
import type { Rule, RuleContext } from './rule.js';

function report(ctx: RuleContext, range: Range, text: string): void {
  const flags = redFlagsIn(text);
  if (flags.length === 0) {
    return;
  }
  const quoted = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  const why = flags.map((f) => RED_FLAG_MEANINGS[f]).join('; ');
  ctx.report({
    range,
    message: `Red flag: "${quoted}". ${why[0]?.toUpperCase() ?? ''}${why.slice(1)}. Stop the program and seek urgent medical assessment, the same day (${RED_FLAG_SOURCE})`,
  });
}

const rule: Rule = {
  id: 'red-flag',
  description: 'An assessment finding or a note names a sign of possible serious pathology: seek urgent medical assessment.',
  defaultSeverity: 'error',
  fixable: false,
  scope: 'block',
  *check(ctx) {
    for (const item of ctx.scope.assessment) {
      if (item.checked) {
        report(ctx, item.range, item.text);
      }
    }
    // The plain engine reads a long log's tens of thousands of notes in one scope: it gives the thread back
    // now and then (the editor slices checks).
    let read = 0;
    for (const s of ctx.scope.sessions) {
      s.notes.forEach((note, i) => {
        const range = s.noteRanges[i];
        if (range) {
          report(ctx, range, note);
        }
      });
      read += s.notes.length + 1;
      if (read >= 256) {
        read = 0;
        yield;
      }
    }
  },
};

export default rule;
