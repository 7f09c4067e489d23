/**
 * `frequency-out-of-range`: how often an exercise is done (per day, per week, per run) does not match its
 * guideline.
 *
 * Rationale: the rehab effect comes from repetition across the day and the week; the column behind the
 * built-in library asks for most strength work once or twice daily and for gait drills before every run.
 * Daily and weekly counts are compared on a common scale (a week is 7 days), so `3x/week` against
 * `1-2x daily` is flagged. An interval (`every other day`) is compared with an interval as days apart,
 * and with a count as about so many days a week (`every other day` is 3-4 days a week, so it meets
 * `3x/week` and not `1x/week`).
 *
 * Source of the built-in ranges: "Hamstrung", Stay the Course column, Joe Uhan, iRunFar.
 *
 * Fix: moves the count to the nearest bound in the writer's unit (`3x daily` becomes `2x daily`,
 * `3x/week` becomes `7x/week`; `every 5 days` becomes `every third day`); a per-run guideline replaces a daily count with `per run` and back. A fix
 * that raises the count (or swaps it for `per run`) is offered as a quick fix only, never applied in bulk.
 */
import { formatInterval, inRange } from '../dosage/fields.js';
import { formatFrequency } from '../dosage/format.js';
import type { Dosage, ExerciseLine, Fix, Quantity, Span } from '../model.js';
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

/**
 * Days a week an interval comes to, as a whole-day range: `every other day` is about 3-4 days a week,
 * `every third day` about 2-3.
 */
export function daysAWeek(interval: Span): Span {
  return { min: Math.floor(DAYS_PER_WEEK / interval.max), max: Math.ceil(DAYS_PER_WEEK / interval.min) };
}

function overlaps(a: Span, b: Span): boolean {
  return a.min <= b.max && b.min <= a.max;
}

/** An interval against the guideline's interval: moved to the nearest bound, written as an interval. */
function reportInterval(ctx: RuleContext, line: ExerciseLine, g: Guideline, q: Quantity, want: Span): void {
  if (inRange(q, want)) {
    return;
  }
  const clamp = (v: number): number => Math.min(want.max, Math.max(want.min, v));
  const text = formatInterval({ min: clamp(q.min), max: clamp(q.max) });
  ctx.report({
    range: dosageRange(ctx, line, q.start, q.end),
    message: `${capitalize(formatInterval(q))}; ${guidelineSays(g, formatInterval(want))}`,
    guideline: g,
    fix: dosageFix(ctx, line, `Change to ${text} (${guidelineLabel(g)})`, [{ start: q.start, end: q.end, text }]),
  });
}

/**
 * How often in days a week against the guideline's, when one of them is an interval (`every other day`,
 * about 3-4 days a week): flagged only when the two do not meet at all. No fix: the coach picks the form.
 */
function reportAbout(ctx: RuleContext, line: ExerciseLine, g: Guideline, found: string, week: Span, want: Span, component: { start: number; end: number }): void {
  if (overlaps(week, want)) {
    return;
  }
  const gd = g.dosage;
  ctx.report({
    range: dosageRange(ctx, line, component.start, component.end),
    message: `${capitalize(found)}; ${guidelineSays(g, gd ? expectedText(gd) : 'another frequency')}`,
    guideline: g,
  });
}

/** Sessions a week a count or interval comes to, and how it reads in a message. */
function weekly(d: Dosage): { week: Span; found: string; q: Quantity } | undefined {
  if (d.perDay) {
    return { week: { min: d.perDay.min * DAYS_PER_WEEK, max: d.perDay.max * DAYS_PER_WEEK }, found: `${describeSpan(d.perDay)}x daily`, q: d.perDay };
  }
  if (d.perWeek) {
    return { week: { min: d.perWeek.min, max: d.perWeek.max }, found: `${describeSpan(d.perWeek)}x a week`, q: d.perWeek };
  }
  if (d.intervalDays && d.intervalDays.min > 0) {
    const w = daysAWeek(d.intervalDays);
    return { week: w, found: `${formatInterval(d.intervalDays)} (about ${describeSpan(w)} ${w.max === 1 ? 'day' : 'days'} a week)`, q: d.intervalDays };
  }
  return undefined;
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
      if (!gd || (!gd.perDay && !gd.perWeek && !gd.perRun && !gd.intervalDays)) {
        continue;
      }
      if (d.intervalDays || (gd.intervalDays && !gd.perDay && !gd.perWeek && (d.perDay || d.perWeek))) {
        // An interval on either side: intervals compare as intervals, else in days a week.
        if (d.intervalDays && gd.intervalDays) {
          reportInterval(ctx, line, g, d.intervalDays, gd.intervalDays);
          continue;
        }
        const here = weekly(d);
        const there = weekly(gd);
        if (here && there) {
          reportAbout(ctx, line, g, here.found, here.week, there.week, frequencyComponent(d) ?? here.q);
        } else if (here && gd.perRun) {
          reportKind(ctx, line, g, here.found);
        }
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
