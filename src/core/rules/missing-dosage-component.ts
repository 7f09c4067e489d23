/**
 * `missing-dosage-component`: a prescription leaves out a part of the dosage that its guideline sets, such
 * as the hold of a bridge or how often to do it.
 *
 * Rationale: an athlete reads the program alone at home; a missing hold or frequency is a guess they have
 * to make. Logged sessions are records of what was done and are not checked by this rule. A run timing
 * (`before run`) counts as a per-run frequency.
 *
 * Source of the built-in dosages: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * Fix: appends the missing parts, as the guideline writes them, to the end of the dosage.
 */
import { AMOUNT_FIELDS } from '../dosage/fields.js';
import { formatDosage } from '../dosage/format.js';
import { parseDosage } from '../dosage/parse.js';
import { raisesDose } from '../fix.js';
import type { Dosage } from '../model.js';
import { guidelineLabel, guidelineSays, withGuideline, type Rule } from './rule.js';
import { timingMatches } from './timing-mismatch.js';

const LABELS = { frequency: 'frequency', timing: 'timing', side: 'side' } as const;

function missing(d: Dosage, g: Dosage): { labels: string[]; add: Dosage } {
  const labels: string[] = [];
  const add: Dosage = { text: '', components: [], problems: [] };
  // The parts of the amount done a prescription must give (the field table's `amount.missing`).
  for (const { name: f, amount } of AMOUNT_FIELDS) {
    const want = g[f];
    if (amount.missing !== undefined && want && !d[f]) {
      labels.push(amount.missing);
      add[f] = want;
    }
  }
  const hasFrequency = d.perDay || d.perWeek || d.perRun || d.intervalDays;
  // `before run` and `after run` say per run; so does a warm-up where the guideline's timing is before a run.
  const runTimed = d.timing && (d.timing.value !== 'warm-up' || (g.timing !== undefined && timingMatches(d.timing.value, g.timing.value)));
  if ((g.perDay || g.perWeek || g.intervalDays) && !hasFrequency) {
    labels.push(LABELS.frequency);
    if (g.perDay) {
      add.perDay = g.perDay;
    }
    if (g.perWeek) {
      add.perWeek = g.perWeek;
    }
    if (g.intervalDays) {
      add.intervalDays = g.intervalDays;
    }
  } else if (g.perRun && !hasFrequency && !runTimed) {
    labels.push(LABELS.frequency);
    add.perRun = true;
  }
  if (g.timing && !d.timing) {
    labels.push(LABELS.timing);
    add.timing = g.timing;
  }
  if (g.side && !d.side) {
    labels.push(LABELS.side);
    add.side = g.side;
  }
  return { labels, add };
}

function list(labels: string[]): string {
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} or ${labels[labels.length - 1] ?? ''}`;
}

const rule: Rule = {
  id: 'missing-dosage-component',
  description: 'A prescription leaves out a part of the dosage that its guideline sets.',
  defaultSeverity: 'information',
  fixable: true,
  scope: 'block',
  check(ctx) {
    for (const [line, g] of withGuideline(ctx)) {
      // A dosage with unreadable parts may hold the 'missing' part misspelled: unreadable-dosage speaks first.
      if (line.kind !== 'prescription' || !g.dosage || line.dosage.problems.length > 0) {
        continue;
      }
      const { labels, add } = missing(line.dosage, g.dosage);
      if (labels.length === 0) {
        continue;
      }
      const text = formatDosage(add);
      const empty = line.dosage.text.trim() === '';
      // A table row: the parts go into its dosage cell; a row read from component columns has no cell for them.
      const row = ctx.text.charCodeAt(line.range.end.offset - 1) === 124;
      const at = row ? line.dosageRange.end : line.range.end;
      const hasColon = ctx.text.slice(line.range.start.offset, line.dosageRange.start.offset).includes(':');
      const insert = empty ? (hasColon ? text : `: ${text}`) : `, ${text}`;
      ctx.report({
        range: line.range,
        message: `No ${list(labels)} given; ${guidelineSays(g, text)}`,
        guideline: g,
        ...(line.dosageMap ? {} : {
          fix: {
            title: `Add ${text} (${guidelineLabel(g)})`,
            edits: [{ range: { start: at, end: at }, text: empty && hasColon && !ctx.text.slice(line.range.start.offset, at.offset).endsWith(' ') ? ` ${insert}` : insert }],
            // Adding a frequency, hold or count the coach left out sets a dose; adding a side or timing does not.
            raisesDose: raisesDose(line.dosage, parseDosage(empty ? text : `${line.dosage.text}, ${text}`)),
          },
        }),
      });
    }
  },
};

export default rule;
