/**
 * The athlete's handout as HTML (the model is handout.ts). Print rules live in media/preview.css: a
 * section heading is kept with what follows it (`.keep` wraps a heading and its first block), cards and
 * charts never split, and the tick sheet moves to a fresh page when it does not fit where it falls.
 */
import type { Handout, HandoutCard, HandoutPhase, StopRules, TickSheet } from './handout.js';
import { esc } from './html.js';

function facts(h: Handout): string {
  const rows: [string, string | undefined][] = [['Coach', h.coach], ['Contact', h.contact], ['Made on', h.madeOn.words]];
  return `<dl class="facts">${rows.filter(([, v]) => v !== undefined).map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v ?? '')}</dd></div>`).join('')}</dl>`;
}

function stopBox(s: StopRules): string {
  return `<section class="stop-rules" role="note" aria-label="Stop rules"><h2>${esc(s.heading)}</h2>`
    + `<ul>${s.stopIf.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>`
    + (s.okay ? `<p class="okay">${esc(s.okay)}</p>` : '')
    + `<p class="source">Source: ${esc(s.source)}</p></section>`;
}

function cardHtml(c: HandoutCard): string {
  const plan: [string, string | undefined][] = [['How often', c.howOften], ['Side', c.side], ['Rest', c.rest], ['Pain', c.pain]];
  const dl = plan.filter(([, v]) => v !== undefined).map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v ?? '')}</dd></div>`).join('');
  const link = c.link
    ? `<p class="reference">How to do it: <a href="${esc(c.link)}" rel="noopener noreferrer">${esc(c.link)}</a></p>`
    : c.reference ? `<p class="reference">How to do it: ${esc(c.reference)}</p>` : '';
  return `<article class="card exercise" data-line="${c.line}"><h3>${esc(c.name)}</h3>`
    + `<p class="dose">${esc(c.dose)}</p>`
    + (dl ? `<dl class="plan">${dl}</dl>` : '')
    + (c.cues.length > 0 ? `<ul class="cues">${c.cues.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>` : '')
    + link
    + (c.nextStep ? `<p class="next-step"><strong>Next step:</strong> ${esc(c.nextStep)}</p>` : '')
    + '</article>';
}

function phaseHtml(p: HandoutPhase, i: number): string {
  const mark = p.current ? '<span class="badge">Current phase</span> ' : i > 0 ? '<span class="badge later">Later</span> ' : '';
  const heading = `<h2>${mark}${esc(p.name)}</h2>`;
  const cards = p.cards.map(cardHtml);
  // The note says it once: "do these now" for the first phase, "for later" for the first phase after it.
  const intro = p.current || i === 0 ? '<p class="phase-note">Do these now.</p>' : i === 1 ? '<p class="phase-note">For later: start these when your coach moves you on.</p>' : '';
  // Cards stand two to a row on paper. The heading, its note and the first row stay together, so a
  // heading never ends a page.
  const first = cards.slice(0, 2).join('');
  const rest = cards.slice(2).join('');
  return `<section class="phase${p.current ? ' current' : ' later'}" data-line="${p.line}">`
    + `<div class="keep">${heading}${intro}${first ? `<div class="cards">${first}</div>` : '<p>No exercises yet.</p>'}</div>`
    + (rest ? `<div class="cards">${rest}</div>` : '') + '</section>';
}

function tickHtml(t: TickSheet, phase: string | undefined): string {
  const head = `<tr><th scope="col">Exercise</th>${t.days.map((d) => `<th scope="col">${esc(d)}</th>`).join('')}</tr>`;
  const box = '<span class="box" aria-hidden="true"></span>';
  const rows = t.rows.map((r) => {
    const label = `${esc(r.name)}${r.perDay > 1 ? ` <span class="when">(${r.perDay} times a day)</span>` : ''}${r.when ? ` <span class="when">(${esc(r.when)})</span>` : ''}`;
    return `<tr><th scope="row">${label}</th>${t.days.map(() => `<td>${box.repeat(r.perDay)}</td>`).join('')}</tr>`;
  }).join('');
  const pain = `<tr class="pain-row"><th scope="row">Pain next morning (0-10)</th>${t.days.map(() => '<td></td>').join('')}</tr>`;
  return '<section class="tick-sheet"><h2>Weekly tick sheet</h2>'
    + `<p class="phase-note">${phase ? `${esc(phase)}. ` : ''}Tick a box each time you do the exercise. Week of: ____________</p>`
    + `<table><thead>${head}</thead><tbody>${rows}${pain}</tbody></table></section>`;
}

/** The handout's body. `charts` and `log` are the rendered charts section and log section (or ''). */
export function renderHandoutBody(h: Handout, parts: { charts: string; log: string }): string {
  const header = `<header class="athlete handout-head" data-line="1"><p class="kicker">Home exercise program</p>`
    + `<h1>${esc(h.athlete)}</h1>${h.condition ? `<p class="condition">${esc(h.condition)}</p>` : ''}${facts(h)}</header>`;
  const phases = h.phases.length > 0
    ? h.phases.map(phaseHtml).join('')
    : '<section class="phase"><h2>Program</h2><p>No exercises in the program yet.</p></section>';
  const current = h.phases.find((p) => p.current);
  return [
    header,
    stopBox(h.stopRules),
    phases,
    h.charts ? parts.charts : '',
    h.tickSheet ? tickHtml(h.tickSheet, current?.name) : '',
    h.log ? parts.log : '',
  ].filter((s) => s !== '').join('\n');
}
