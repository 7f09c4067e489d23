/**
 * Inline SVG charts, readable without colour: every series has its own marker shape and a label, every
 * bar carries its number, and each chart has a title and a text description for screen readers.
 * Colours come from CSS classes (theme variables), never from the data.
 */
import type { ExerciseHistory, WeekAdherence } from '../coaching/history.js';
import { dayNumber } from '../coaching/history.js';
import { esc } from './html.js';
import { maxOf, minOf } from '../lists.js';

// A narrow drawing with large type: the chart is scaled to the page, and at 320 px wide its 15-unit labels
// still stand about 11 px high (print and full width: about 15 px). media/preview.css caps the width.
const W = 400;
const H = 220;
const PAD = { left: 40, right: 14, top: 16, bottom: 34 };
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross'] as const;

function marker(kind: (typeof MARKERS)[number], x: number, y: number): string {
  const r = 4;
  switch (kind) {
    case 'circle':
      return `<circle cx="${x}" cy="${y}" r="${r}"/>`;
    case 'square':
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}"/>`;
    case 'triangle':
      return `<polygon points="${x},${y - r - 1} ${x - r - 1},${y + r} ${x + r + 1},${y + r}"/>`;
    case 'diamond':
      return `<polygon points="${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}"/>`;
    default:
      return `<path d="M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}"/>`;
  }
}

/** Pain (0-10) over time, one line and marker shape per exercise that has pain scores. */
export function painChart(histories: readonly ExerciseHistory[]): string {
  const series = histories
    .map((h) => ({ name: h.name, points: h.points.filter((p) => p.pain !== undefined).map((p) => ({ day: dayNumber(p.date) ?? 0, date: p.date, pain: p.pain ?? 0 })) }))
    .filter((s) => s.points.length > 0)
    .slice(0, MARKERS.length);
  if (series.length === 0) {
    return '';
  }
  const days = series.flatMap((s) => s.points.map((p) => p.day));
  const d0 = minOf(days) ?? 0;
  const d1 = maxOf(days, d0 + 1) ?? d0 + 1;
  const x = (d: number): number => PAD.left + ((d - d0) / (d1 - d0)) * (W - PAD.left - PAD.right);
  const y = (p: number): number => PAD.top + (1 - p / 10) * (H - PAD.top - PAD.bottom);
  const grid = [0, 5, 10].map((p) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(p)}" y2="${y(p)}"/><text class="axis" x="${PAD.left - 6}" y="${y(p) + 5}" text-anchor="end">${p}</text>`).join('');
  const byDay = series.flatMap((s) => s.points).sort((a, b) => a.day - b.day);
  const first = byDay[0]?.date ?? '';
  const last = byDay[byDay.length - 1]?.date ?? '';
  const lines = series.map((s, i) => {
    const kind = MARKERS[i] ?? 'circle';
    const path = s.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${x(p.day).toFixed(1)},${y(p.pain).toFixed(1)}`).join('');
    const marks = s.points.map((p) => `<g class="marker">${marker(kind, Number(x(p.day).toFixed(1)), Number(y(p.pain).toFixed(1)))}<title>${esc(`${s.name}, ${p.date}: pain ${p.pain}/10`)}</title></g>`).join('');
    return `<g class="series series-${i}"><path class="line" d="${path}"/>${marks}</g>`;
  }).join('');
  const legend = series.map((s, i) => {
    const kind = MARKERS[i] ?? 'circle';
    return `<li class="series-${i}"><svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true"><g class="marker">${marker(kind, 6, 6)}</g></svg> ${esc(s.name)}</li>`;
  }).join('');
  const desc = series.map((s) => `${s.name}: ${s.points.map((p) => `${p.date} ${p.pain}/10`).join(', ')}`).join('. ');
  return `<figure class="chart pain-chart"><figcaption>Pain over time (0-10)</figcaption>`
    + `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`Pain over time. ${desc}`)}">${grid}`
    + `<text class="axis" x="${PAD.left}" y="${H - 10}">${esc(first)}</text><text class="axis" x="${W - PAD.right}" y="${H - 10}" text-anchor="end">${esc(last)}</text>`
    + `${lines}</svg><ul class="legend">${legend}</ul></figure>`;
}

export interface AdherenceContext {
  /** The date the page is made for: its week is "so far". */
  readonly today: string;
  /** Times a day the most frequent prescription asks for; above 1 the chart counts days, not sessions. */
  readonly perDay: number;
  /** The last week the program's phases reach; weeks after today up to it are drawn as "ahead". */
  readonly lastWeek?: number;
}

/** What the program asks for in a week, after `sep`: `, 7 prescribed` or `, at least 3 of 3-4 prescribed` (the title), ` of 7` or ` of at least 3` (the description). */
function asked(w: WeekAdherence, sep: ', ' | ' of '): string {
  if (w.expected === undefined) {
    return '';
  }
  if (sep === ' of ') {
    return w.expectedUpTo === undefined ? ` of ${w.expected}` : ` of at least ${w.expected} (up to ${w.expectedUpTo})`;
  }
  return w.expectedUpTo === undefined ? `, ${w.expected} prescribed` : `, ${w.expected}-${w.expectedUpTo} prescribed (at least ${w.expected} count as enough)`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * Days logged per week against the days the program asks for. The prescription is a labelled line on the
 * chart's own axis (a step where it changes); a past week with nothing logged says "none"; the current
 * week says "so far"; weeks still ahead in the program are drawn empty and labelled "ahead". When a
 * prescription is more than once a day, the chart says it counts days with the exercise.
 */
export function adherenceChart(weeks: readonly WeekAdherence[], ctx: AdherenceContext = { today: '', perDay: 1 }): string {
  if (weeks.length === 0) {
    return '';
  }
  const now = dayNumber(ctx.today);
  const lastShown = weeks[weeks.length - 1]?.week ?? 0;
  const ahead = ctx.lastWeek !== undefined && ctx.lastWeek > lastShown ? Math.min(ctx.lastWeek - lastShown, 6) : 0;
  const slots = weeks.length + ahead;
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.logged, w.expected ?? 0, w.expectedUpTo ?? 0)));
  const slot = (W - PAD.left - PAD.right) / slots;
  const bw = Math.max(6, Math.min(36, slot * 0.6));
  const y = (n: number): number => PAD.top + (1 - n / top) * (H - PAD.top - PAD.bottom);
  const unit = ctx.perDay > 1 ? 'days with the exercise' : 'sessions';
  // Many weeks: every k-th week is labelled (and this week), and an empty week shows a dash, so labels never overlap.
  const every = Math.ceil(slots / 7);
  const crowded = slots > 6;
  const thisWeek = now === undefined ? undefined : weeks.find((w) => {
    const from = dayNumber(w.start);
    const to = dayNumber(w.end);
    return from !== undefined && to !== undefined && now >= from && now <= to;
  })?.week;
  const hasLabel = (week: number): boolean => week === thisWeek
    || ((week - 1) % every === 0 && (thisWeek === undefined || Math.abs(week - thisWeek) >= every));
  const ticks = [...new Set([0, Math.round(top / 2), top])].map((n) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(n).toFixed(1)}" y2="${y(n).toFixed(1)}"/><text class="axis" x="${PAD.left - 6}" y="${(y(n) + 5).toFixed(1)}" text-anchor="end">${n}</text>`).join('');
  let current: WeekAdherence | undefined;
  const bars = weeks.map((w, i) => {
    const cx = PAD.left + slot * (i + 0.5);
    const from = dayNumber(w.start);
    const to = dayNumber(w.end);
    const soFar = now !== undefined && from !== undefined && to !== undefined && now >= from && now <= to;
    if (soFar) {
      current = w;
    }
    const value = w.logged === 0 ? (soFar ? '0' : crowded ? '–' : 'none') : `${w.logged}`;
    const label = soFar ? `W${w.week} so far` : `W${w.week}`;
    const shown = hasLabel(w.week);
    return `<g class="week${soFar ? ' so-far' : ''}${w.logged === 0 ? ' empty' : ''}"><rect class="bar" x="${(cx - bw / 2).toFixed(1)}" y="${y(w.logged).toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(0) - y(w.logged)).toFixed(1)}"/>`
      + `<text class="value" x="${cx.toFixed(1)}" y="${(y(w.logged) - 5).toFixed(1)}" text-anchor="middle">${value}</text>`
      + (shown ? `<text class="axis" x="${cx.toFixed(1)}" y="${H - 10}" text-anchor="middle">${soFar ? `W${w.week}*` : `W${w.week}`}</text>` : '')
      + `<title>${esc(`Week ${w.week} (${w.start} to ${w.end})${soFar ? ', so far' : ''}: ${plural(w.logged, ctx.perDay > 1 ? 'day' : 'session', ctx.perDay > 1 ? 'days' : 'sessions')} logged${asked(w, ', ')}`)}</title><desc>${esc(label)}</desc></g>`;
  }).join('');
  const later = Array.from({ length: ahead }, (_, k) => {
    const cx = PAD.left + slot * (weeks.length + k + 0.5);
    const week = lastShown + k + 1;
    return `<g class="week ahead"><rect class="slot" x="${(cx - bw / 2).toFixed(1)}" y="${PAD.top}" width="${bw.toFixed(1)}" height="${(y(0) - PAD.top).toFixed(1)}"/>`
      + (hasLabel(week) ? `<text class="axis" x="${cx.toFixed(1)}" y="${H - 10}" text-anchor="middle">W${week}</text>` : '') + '</g>';
  }).join('');
  // The prescription: one line across the weeks it covers at the days that count as enough (the low end,
  // as adherence-low counts), a step where it changes, labelled on the axis. A range (`every other day`,
  // `3-4x/week`) is a band from its low end up to its top.
  let band = '';
  let target = '';
  const labelled = new Set<string>();
  weeks.forEach((w, i) => {
    if (w.expected === undefined) {
      return;
    }
    const x1 = PAD.left + slot * i;
    const yy = y(w.expected).toFixed(1);
    if (w.expectedUpTo !== undefined) {
      band += `<rect class="target-band" x="${x1.toFixed(1)}" y="${y(w.expectedUpTo).toFixed(1)}" width="${slot.toFixed(1)}" height="${(y(w.expected) - y(w.expectedUpTo)).toFixed(1)}"/>`;
    }
    target += `<line class="target" x1="${x1.toFixed(1)}" x2="${(x1 + slot).toFixed(1)}" y1="${yy}" y2="${yy}"/>`;
    const text = w.expectedUpTo === undefined ? `prescribed ${w.expected}` : `at least ${w.expected}, up to ${w.expectedUpTo}`;
    if (!labelled.has(text)) {
      labelled.add(text);
      // A band's label sits just under its line, clear of the band; a single line's just above it.
      const ly = w.expectedUpTo === undefined ? y(w.expected) - 5 : Math.min(y(w.expected) + 17, y(0) - 3);
      target += `<text class="target-label" x="${(x1 + 3).toFixed(1)}" y="${ly.toFixed(1)}">${text}</text>`;
    }
  });
  const notes: string[] = [];
  if (ctx.perDay > 1) {
    notes.push(`A prescription here is more than once a day, so the chart counts days with the exercise: a day counts once however many times it was done.`);
  }
  const ranged = weeks.find((w) => w.expectedUpTo !== undefined);
  if (ranged?.expected !== undefined && ranged.expectedUpTo !== undefined) {
    notes.push(`The line marks the fewest days a week that count as enough (at least ${ranged.expected}); the shaded band reaches up to the most the program asks for (${ranged.expectedUpTo}).`);
  } else if (weeks.some((w) => w.expected !== undefined)) {
    notes.push('The line marks the days a week the program asks for.');
  }
  if (weeks.some((w) => w.logged === 0 && w !== current)) {
    notes.push(crowded ? '"–": no session logged that week.' : '"none": no session logged that week.');
  }
  if (current) {
    notes.push(`W${current.week}* is this week, counted up to ${ctx.today}.`);
  }
  if (ahead > 0) {
    notes.push(ahead === 1 ? `W${lastShown + 1} is still ahead.` : `W${lastShown + 1}-W${lastShown + ahead} are still ahead.`);
  }
  const desc = weeks.map((w) => `week ${w.week}: ${w.logged}${asked(w, ' of ')}`).join(', ');
  return `<figure class="chart adherence-chart"><figcaption>Weekly adherence: ${unit} logged each week</figcaption>`
    + `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`${unit[0]?.toUpperCase() ?? ''}${unit.slice(1)} per week. ${desc}`)}">${ticks}${later}${band}${bars}${target}`
    + `<line class="axis-line" x1="${PAD.left}" x2="${PAD.left}" y1="${PAD.top}" y2="${y(0).toFixed(1)}"/></svg>`
    + `<p class="chart-note">${esc(notes.join(' '))}</p></figure>`;
}
