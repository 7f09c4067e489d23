/**
 * The shared shape of the `*-out-of-range` rules: one numeric dosage field compared with the same field
 * of the exercise's guideline, in prescriptions and logged entries alike. The fix moves the number to the
 * nearest bound of the guideline's range, written as the coach wrote it; a per-set list (`5,5,4`) gets the
 * finding and no fix, since one number would lose each set. On a logged entry the fix is a quick fix only
 * (rule.ts, `dosageFix`). Each rule file names its field.
 */
import { inRange, type SpanField } from '../dosage/fields.js';
import type { Quantity, Span } from '../model.js';
import { capitalize, clampQuantity, describeSpan, dosageFix, dosageRange, guidelineLabel, guidelineSays, withGuideline, type Rule, type RuleContext } from './rule.js';

type QuantityField = Exclude<SpanField, 'perDay' | 'perWeek' | 'intervalDays' | 'pain'>;

/** One part a range rule compares. */
export interface OutOfRangePart {
  readonly field: QuantityField;
  /** How a value or range reads in a message: `5 sets`, `hold 8 s`, `2-3 sets`. */
  readonly found: (value: string) => string;
  /** How a span is written in `found` (default `6`, `3-6`, `at least 6`). */
  readonly describe?: (s: Span) => string;
  /** The unit the part is kept in, for a fix that cannot keep the written unit (`2 km` to `800 m`). */
  readonly baseUnit?: string;
  /**
   * Reps only: when the guideline gives a rep count but no sets, the reps of every set count together
   * (`2 x 5` is 10 holds against the Power Position's 4-6). No fix then: which sets to drop is the coach's
   * choice.
   */
  readonly totalWithoutSets?: boolean;
}

export interface OutOfRangeSpec extends OutOfRangePart {
  readonly id: string;
  readonly description: string;
  /** Further parts the same rule compares (`intensity-out-of-range`: RPE and RIR besides the intensity). */
  readonly more?: readonly OutOfRangePart[];
  /** A check of its own besides the parts (a part that is not a plain number, such as the intensity). */
  readonly also?: (ctx: RuleContext) => void;
}

export function outOfRangeRule(spec: OutOfRangeSpec): Rule {
  return {
    id: spec.id,
    description: spec.description,
    defaultSeverity: 'warning',
    fixable: true,
    scope: 'block',
    check(ctx) {
      for (const part of [spec, ...(spec.more ?? [])]) {
        checkPart(ctx, part);
      }
      spec.also?.(ctx);
    },
  };
}

/** Reports each line whose part lies outside its guideline's range, with a fix to the nearest bound. */
export function checkPart(ctx: RuleContext, spec: OutOfRangePart): void {
  const describe = spec.describe ?? describeSpan;
  for (const [line, g] of withGuideline(ctx)) {
    const q: Quantity | undefined = line.dosage[spec.field];
    const want: Quantity | undefined = g.dosage?.[spec.field];
    const sets = line.dosage.sets;
    if (q && want && spec.totalWithoutSets && !g.dosage?.sets && sets && sets.max > 1) {
      const total = { min: sets.min * q.min, max: sets.max * q.max };
      if (!inRange(total, want)) {
        const written = line.dosage.text.slice(sets.start, q.unitEnd ?? q.end);
        ctx.report({
          range: dosageRange(ctx, line, Math.min(sets.start, q.start), Math.max(sets.unitEnd ?? sets.end, q.unitEnd ?? q.end)),
          message: `${capitalize(spec.found(describe(total)))} in all (${written}); ${guidelineSays(g, `${spec.found(describe(want))} in all`)}`,
          guideline: g,
        });
      }
      continue;
    }
    if (!q || !want || inRange(q, want)) {
      continue;
    }
    // Set groups (`3 x 10, 1 x 12`): their sets count together and their reps span the groups; no fix then,
    // since which group to change is the coach's choice.
    const grouped = (line.dosage.setGroups?.length ?? 0) > 1 && (spec.field === 'sets' || spec.field === 'reps');
    // A per-set list (`5,5,4`, `3 x 5,5,4`): one number would lose what each set was, so no fix either.
    const listed = line.dosage.repsPerSet !== undefined && (spec.field === 'sets' || spec.field === 'reps');
    const edit = grouped || listed ? undefined : clampQuantity(line.dosage.text, q, want, spec.baseUnit);
    const range = dosageRange(ctx, line, q.start, q.unitEnd ?? q.end);
    const inAll = grouped && spec.field === 'sets' ? ` in all (${line.dosage.text.slice(q.start, line.dosage.reps?.end ?? q.end)})` : '';
    const message = `${capitalize(spec.found(describe(q)))}${inAll}; ${guidelineSays(g, spec.found(describe(want)))}`;
    ctx.report({
      range,
      message,
      guideline: g,
      ...(edit ? { fix: dosageFix(ctx, line, `Change to ${edit.text} (${guidelineLabel(g)})`, [edit]) } : {}),
    });
  }
}
