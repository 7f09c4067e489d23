/**
 * Inline SVG charts, readable without colour: every series has its own marker shape and a label, every
 * bar carries its number, and each chart has a title and a text description for screen readers.
 * Colours come from CSS classes (theme variables), never from the data.
 */
import type { ExerciseHistory, WeekAdherence } from '../coaching/history.js';
import { dayNumber } from '../coaching/history.js';
import { esc } from './html.js';

const W = 560;
const H = 200;
const PAD = { left: 36, right: 12, top: 12, bottom: 28 };
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
  const d0 = Math.min(...days);
  const d1 = Math.max(...days, d0 + 1);
  const x = (d: number): number => PAD.left + ((d - d0) / (d1 - d0)) * (W - PAD.left - PAD.right);
  const y = (p: number): number => PAD.top + (1 - p / 10) * (H - PAD.top - PAD.bottom);
  const grid = [0, 5, 10].map((p) => `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(p)}" y2="${y(p)}"/><text class="axis" x="${PAD.left - 6}" y="${y(p) + 4}" text-anchor="end">${p}</text>`).join('');
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
    + `<text class="axis" x="${PAD.left}" y="${H - 8}">${esc(first)}</text><text class="axis" x="${W - PAD.right}" y="${H - 8}" text-anchor="end">${esc(last)}</text>`
    + `${lines}</svg><ul class="legend">${legend}</ul></figure>`;
}

/** Sessions logged per week against the sessions the program asks for. */
export function adherenceChart(weeks: readonly WeekAdherence[]): string {
  if (weeks.length === 0) {
    return '';
  }
  const top = Math.max(1, ...weeks.map((w) => Math.max(w.logged, w.expected ?? 0)));
  const slot = (W - PAD.left - PAD.right) / weeks.length;
  const bw = Math.max(6, Math.min(36, slot * 0.6));
  const y = (n: number): number => PAD.top + (1 - n / top) * (H - PAD.top - PAD.bottom);
  const bars = weeks.map((w, i) => {
    const cx = PAD.left + slot * (i + 0.5);
    const target = w.expected === undefined ? '' : `<line class="target" x1="${(cx - bw / 2 - 3).toFixed(1)}" x2="${(cx + bw / 2 + 3).toFixed(1)}" y1="${y(w.expected).toFixed(1)}" y2="${y(w.expected).toFixed(1)}"/>`;
    const label = w.expected === undefined ? `${w.logged}` : `${w.logged}/${w.expected}`;
    return `<g class="week"><rect class="bar" x="${(cx - bw / 2).toFixed(1)}" y="${y(w.logged).toFixed(1)}" width="${bw.toFixed(1)}" height="${(y(0) - y(w.logged)).toFixed(1)}"/>${target}`
      + `<text class="value" x="${cx.toFixed(1)}" y="${(y(w.logged) - 4).toFixed(1)}" text-anchor="middle">${label}</text>`
      + `<text class="axis" x="${cx.toFixed(1)}" y="${H - 8}" text-anchor="middle">W${w.week}</text>`
      + `<title>${esc(`Week ${w.week} (${w.start} to ${w.end}): ${w.logged} sessions logged${w.expected === undefined ? '' : `, ${w.expected} prescribed`}`)}</title></g>`;
  }).join('');
  const desc = weeks.map((w) => `week ${w.week}: ${w.logged}${w.expected === undefined ? '' : ` of ${w.expected}`}`).join(', ');
  return `<figure class="chart adherence-chart"><figcaption>Weekly adherence: sessions logged / prescribed (the line marks the prescription)</figcaption>`
    + `<svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`Sessions per week. ${desc}`)}"><line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(0)}" y2="${y(0)}"/>${bars}</svg></figure>`;
}
