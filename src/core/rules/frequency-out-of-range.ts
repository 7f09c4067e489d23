/**
 * `frequency-out-of-range`: how often an exercise is done (per day, per week, per run) does not match its
 * guideline.
 *
 * Rationale: the rehab effect comes from repetition across the day and the week; the column behind the
 * built-in library asks for most strength work once or twice daily and for gait drills before every run.
 * Daily and weekly counts are compared on a common scale (a week is 7 days), so `3x/week` against
 * `1-2x daily` is flagged. A guideline that spaces sessions by days (`Every: other day`, Rathleff's
 * heel raise) compares a line's days apart with its own, and a weekly or daily count with the whole
 * sessions a calendar week can hold at that spacing (every other day: 3-4 a week).
 *
 * Source of the built-in ranges: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * Fix: moves the count to the nearest bound in the writer's unit (`3x daily` becomes `2x daily`,
 * `3x/week` becomes `7x/week`, `every 4 days` becomes `every other day`); a per-run guideline replaces a daily count with `per run` and back. A fix
 * that raises the count (or swaps it for `per run`) is offered as a quick fix only, never applied in bulk.
 */
import { formatInterval, inRange } from '../dosage/fields.js';
import { formatFrequency } from '../dosage/format.js';
import type { Dosage, ExerciseLine, Fix, Quantity } from '../model.js';
import type { Guideline } from '../guidelines/parse.js';
import { capitalize, clampQuantity, describeSpan, dosageFix, dosageRange, guidelineLabel, guidelineSays, withGuideline, type Rule, type RuleContext } from './rule.js';

const DAYS_PER_WEEK = 7;

function frequencyComponent(d: Dosage): { start: number; end: number } | undefined {
  return d.components.find((c) => c.kind === 'frequency');
}

function expectedText(g: Dosage): string {
  return formatFrequency(g).join(', ');
}

function reportCount(ctx: RuleContext, line: ExerciseLine, g: Guideline, q: Quantity, want: { min: number; max: number }, per: 'day' | 'week'): void {
  if (inRange(q, want)) {
    return;
  }
  const unit = per === 'day' ? 'daily' : 'a week';
  const component = frequencyComponent(line.dosage) ?? { start: q.start, end: q.end };
  const written = line.dosage.text.slice(q.start, q.end);
  const whole = Number.isInteger(want.min) && Number.isInteger(want.max);
  // `3x daily` keeps its shape; `TID` or `three times a day` is rewritten whole, as `2x daily`.
  const edit = !whole ? undefined : /^[\d\s.–-]+$/.test(written)
    ? clampQuantity(line.dosage.text, q, want)
    : { start: component.start, end: component.end, text: formatFrequency({ [per === 'day' ? 'perDay' : 'perWeek']: { min: Math.min(want.max, Math.max(want.min, q.min)), max: Math.min(want.max, Math.max(want.min, q.max)) } }).join('') };
  const gd = g.dosage;
  ctx.report({
    range: dosageRange(ctx, line, component.start, component.end),
    message: `${describeSpan(q)}x ${unit}; ${guidelineSays(g, gd ? expectedText(gd) : 'another frequency')}`,
    guideline: g,
    ...(edit ? { fix: dosageFix(ctx, line, `Change frequency (${guidelineLabel(g)})`, [edit]) } : {}),
  });
}

function reportKind(ctx: RuleContext, line: ExerciseLine, g: Guideline, found: string): void {
  const c = frequencyComponent(line.dosage);
  const gd = g.dosage;
  if (!c || !gd) {
    return;
  }
  const text = expectedText(gd);
  const choices = valueChoices(gd);
  const fixFor = (t: string): Fix => dosageFix(ctx, line, `Change to ${t} (${guidelineLabel(g)})`, [{ start: c.start, end: c.end, text: t }]);
  ctx.report({
    range: dosageRange(ctx, line, c.start, c.end),
    message: `${capitalize(found)}; ${guidelineSays(g, text)}`,
    guideline: g,
    // A prescription needs one value: a guideline range (`1-2x daily`) is offered as its values.
    ...(choices.length > 1 ? { alternatives: choices.map(fixFor) } : { fix: fixFor(text) }),
  });
}

/**
 * A guideline that spaces sessions by days: the line's days apart against its own; a weekly or daily count
 * against the whole sessions a calendar week holds at that spacing (every other day: 3-4 a week).
 */
function checkInterval(ctx: RuleContext, line: ExerciseLine, g: Guideline, want: { min: number; max: number }): void {
  const d = line.dosage;
  if (d.intervalDays) {
    if (inRange(d.intervalDays, want)) {
      return;
    }
    const c = frequencyComponent(d) ?? { start: d.intervalDays.start, end: d.intervalDays.end };
    const text = formatInterval(want);
    ctx.report({
      range: dosageRange(ctx, line, c.start, c.end),
      message: `${capitalize(formatInterval(d.intervalDays))}; ${guidelineSays(g, text)}`,
      guideline: g,
      fix: dosageFix(ctx, line, `Change to ${text} (${guidelineLabel(g)})`, [{ start: c.start, end: c.end, text }]),
    });
    return;
  }
  const weekly = { min: Math.floor(DAYS_PER_WEEK / want.max), max: Math.ceil(DAYS_PER_WEEK / want.min) };
  const q = d.perWeek ?? d.perDay;
  if (!q) {
    if (d.perRun) {
      reportKind(ctx, line, g, 'every run');
    }
    return;
  }
  const found = d.perWeek ? q : { min: q.min * DAYS_PER_WEEK, max: q.max * DAYS_PER_WEEK };
  if (inRange(found, weekly)) {
    return;
  }
  reportKind(ctx, line, g, d.perWeek ? `${describeSpan(q)}x a week` : `${describeSpan(q)}x daily`);
}

/** The values of a guideline frequency written as a range (`1-2x daily`: `1x daily`, `2x daily`), at most 7. */
function valueChoices(g: Dosage): string[] {
  const span = g.perDay ?? g.perWeek;
  if (!span || span.min === span.max || !Number.isInteger(span.min) || !Number.isInteger(span.max) || span.max - span.min > 6) {
    return [];
  }
  const out: string[] = [];
  for (let v = span.min; v <= span.max; v++) {
    out.push(g.perDay ? `${v}x daily` : `${v}x/week`);
  }
  return out;
}

const rule: Rule = {
  id: 'frequency-out-of-range',
  description: 'How often the exercise is done does not match its guideline.',
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'block',
  check(ctx) {
    for (const [line, g] of withGuideline(ctx)) {
      const d = line.dosage;
      const gd = g.dosage;
      if (gd?.intervalDays && !gd.perDay && !gd.perWeek && !gd.perRun) {
        checkInterval(ctx, line, g, gd.intervalDays);
        continue;
      }
      if (!gd || (!gd.perDay && !gd.perWeek && !gd.perRun)) {
        continue;
      }
      if (d.perDay) {
        if (gd.perDay) {
          reportCount(ctx, line, g, d.perDay, gd.perDay, 'day');
        } else if (gd.perWeek) {
          reportCount(ctx, line, g, d.perDay, { min: gd.perWeek.min / DAYS_PER_WEEK, max: gd.perWeek.max / DAYS_PER_WEEK }, 'day');
        } else {
          reportKind(ctx, line, g, `${describeSpan(d.perDay)}x daily`);
        }
      } else if (d.perWeek) {
        if (gd.perWeek) {
          reportCount(ctx, line, g, d.perWeek, gd.perWeek, 'week');
        } else if (gd.perDay) {
          reportCount(ctx, line, g, d.perWeek, { min: gd.perDay.min * DAYS_PER_WEEK, max: gd.perDay.max * DAYS_PER_WEEK }, 'week');
        } else {
          reportKind(ctx, line, g, `${describeSpan(d.perWeek)}x a week`);
        }
      } else if (d.perRun && !gd.perRun) {
        reportKind(ctx, line, g, 'every run');
      }
    }
  },
};

export default rule;
