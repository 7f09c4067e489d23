/**
 * `ready-to-progress`: an exercise was logged at the top of its guideline's range for several sessions in
 * a row (default 3) with pain at or below a low bound (default 2/10, never above the exercise's pain limit
 * that `pain-above-threshold` enforces: a pain-free protocol asks for no pain); the guideline names the
 * next step.
 * The message names that progression and the evidence (dates and pains).
 *
 * Rationale: rehab stalls when an athlete keeps repeating a dosage they have mastered. The column behind
 * the built-in library gives each strength exercise a progression (Chair Bridge to Single-Leg Chair
 * Bridge); this rule notices when the log shows it is time. A session without a pain score does not
 * stop it, but the message says "pain not recorded" for it and asks about pain before progressing: it
 * never claims a pain level the log does not hold. The finding goes away once the program prescribes the
 * progression.
 *
 * Source: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar (progressions); thresholds are options.
 *
 * Fix: adds the progression to the current phase (after the exercise's own line, or at the end of the
 * phase) with the guideline's starting dosage; the old line stays.
 */
import { readiness, readyMaxPain, currentPhase, exerciseKey, prescriptionsByKey } from '../coaching/coaching.js';
import { DOSAGE_FIELDS, type SpanField } from '../dosage/fields.js';
import { formatDosage } from '../dosage/format.js';
import type { Dosage, Quantity } from '../model.js';
import { shortSource, type Rule } from './rule.js';

/**
 * The guideline's starting dosage: every range at its easier end, as the field table says which way a
 * part gets harder (the fewest sets and sessions, the longest rest, the most days between sessions
 * (`every 2-3 days` starts every third day), the lowest % of 1RM, the highest RM).
 */
function startingDosage(d: Dosage): Dosage {
  const out: Dosage = { ...d };
  for (const f of DOSAGE_FIELDS) {
    if (f.harder === undefined || f.name === 'intensity' || f.name === 'weeks' || f.name === 'painLimit') {
      continue;
    }
    const q: Quantity | undefined = d[f.name as SpanField];
    if (q) {
      out[f.name as SpanField] = f.harder === 'higher' ? { ...q, max: q.min } : { ...q, min: q.max };
    }
  }
  if (d.intensity) {
    out.intensity = d.intensity.unit === 'RM' ? { ...d.intensity, min: d.intensity.max } : { ...d.intensity, max: d.intensity.min };
  }
  return out;
}

const rule: Rule = {
  id: 'ready-to-progress',
  description: 'The log shows an exercise mastered at the top of its range with little pain: time for its progression.',
  defaultSeverity: 'information',
  fixable: true,
  reads: ['dates', 'entries', 'program', 'front'],
  check(ctx) {
    const prescribed = prescriptionsByKey(ctx.log, ctx.library);
    const phase = currentPhase(ctx.log, ctx.options.today);
    for (const exercise of ctx.view().exercises()) {
      // Readiness reads the last few sessions of the exercise.
      const recent = Math.min(exercise.length, ctx.options.readyToProgress.sessions);
      const h = { name: exercise.name, points: Array.from({ length: recent }, (_, i) => exercise.point(exercise.length - recent + i)) };
      const g = ctx.library.lookup(h.name);
      const next = g?.progression[0];
      if (!g || !next || prescribed.has(exerciseKey(ctx.library, next))) {
        continue;
      }
      const r = readiness(h, g, ctx.options);
      if (!r.ready) {
        continue;
      }
      const target = prescribed.get(exerciseKey(ctx.library, h.name))?.slice(-1)[0];
      const lastEntry = r.evidence[r.evidence.length - 1];
      // A session without a pain score is said to be one: the message never claims a pain it has not read.
      const evidence = r.evidence.map((p) => `${p.date} ${p.pain === undefined ? 'pain not recorded' : `pain ${p.pain}/10`}`).join(', ');
      const unscored = r.evidence.filter((p) => p.pain === undefined).length;
      const maxPain = readyMaxPain(g, ctx.options);
      const pain = unscored === 0
        ? `${maxPain === 0 ? 'with no pain' : `with pain at most ${maxPain}/10`} (${evidence})`
        : `(${evidence}); pain was not recorded in ${unscored === r.evidence.length ? 'any of them' : `${unscored} of them`}, so ask about pain before progressing`;
      const range = target?.range ?? ctx.index.range(ctx.index.lineStart(lastEntry?.line ?? 1), ctx.index.lineStart(lastEntry?.line ?? 1));
      const nextGuideline = ctx.library.lookup(next);
      const dosage = nextGuideline?.dosage ? formatDosage(startingDosage(nextGuideline.dosage)) : '';
      // Right after the exercise's own line when the current phase has it, else at the end of that phase.
      const anchor = (target && phase?.prescriptions.includes(target) ? target : undefined) ?? phase?.prescriptions[phase.prescriptions.length - 1];
      const line = `- ${nextGuideline?.name ?? next}${dosage ? `: ${dosage}` : ''}`;
      // A new line after the anchor's whole line (past any comment at its end), in the file's line ending.
      const nextLineStart = anchor ? ctx.index.lineStart(anchor.range.end.line + 1) : 0;
      const atEnd = anchor ? anchor.range.end.line >= ctx.index.lineCount : false;
      const eol = ctx.text.includes('\r\n') ? '\r\n' : '\n';
      const at = anchor ? (atEnd ? ctx.text.length : nextLineStart - (ctx.text.slice(nextLineStart - 2, nextLineStart) === '\r\n' ? 2 : 1)) : 0;
      ctx.report({
        range,
        message: `Ready to progress ${h.name} to ${nextGuideline?.name ?? next}: ${r.evidence.length} sessions in a row at the top of the range ${pain}; the ${g.name} guideline progresses to ${next} (${shortSource(g)})`,
        guideline: g,
        ...(anchor ? {
          fix: {
            title: `Add ${nextGuideline?.name ?? next} to ${phase?.name ?? 'the program'}`,
            edits: [{ range: ctx.index.range(at, at), text: `${eol}${line}` }],
            // A harder exercise added to the program is a higher dose: offered, never applied in bulk.
            raisesDose: true,
          },
        } : {}),
      });
    }
  },
};

export default rule;
