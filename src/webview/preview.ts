/**
 * The preview page's script (runs in the webview, bundled to dist/webview/preview.js). It swaps in new
 * content without losing the scroll position, scrolls to the editor's line, reports clicks and scrolling,
 * and hands link clicks to the extension (which opens only web links, through VS Code's opener).
 */
import type { FromWebviewMessage, ToWebviewMessage } from '../shared/previewMessages.js';
import { scrollTargetIndex } from '../shared/previewScroll.js';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): { scrollY?: number; uri?: string } | undefined;
  setState(state: { scrollY: number; uri: string }): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
let source = document.body.dataset.source ?? '';
const main = document.querySelector('main');
let programmaticScroll = false;

function heading(): string {
  return document.querySelector('main h1')?.textContent ?? '';
}

function lineElements(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('main [data-line]')];
}

/** Places in the program: elements with a line that are not links (the Checks list's links point elsewhere). */
function isLink(el: HTMLElement): boolean {
  return el.tagName === 'A' || el.closest('.findings') !== null;
}

function scrollToLine(line: number): void {
  const elements = lineElements();
  const best = elements[scrollTargetIndex(elements.map((el) => ({ line: Number(el.dataset.line), link: isLink(el) })), line)];
  if (best) {
    programmaticScroll = true;
    best.scrollIntoView({ block: 'start' });
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') {
    return;
  }
  if (m.type === 'update' && main) {
    const y = window.scrollY;
    source = m.source;
    main.innerHTML = m.html;
    document.title = m.title;
    window.scrollTo(0, y);
    vscode.setState({ scrollY: window.scrollY, uri: source });
    vscode.postMessage({ type: 'rendered', source, heading: heading() });
    return;
  }
  if (m.source !== source) {
    return; // about another document
  }
  if (m.type === 'scrollTo') {
    scrollToLine(m.line);
  }
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  const link = target?.closest('a');
  if (link) {
    event.preventDefault();
    const line = Number(link.getAttribute('data-line'));
    if (link.classList.contains('reveal') && line >= 1) {
      vscode.postMessage({ type: 'reveal', source, line });
    } else {
      vscode.postMessage({ type: 'openLink', source, href: link.getAttribute('href') ?? '' });
    }
    return;
  }
  const block = target?.closest<HTMLElement>('[data-line]');
  const line = Number(block?.dataset.line);
  if (line >= 1) {
    vscode.postMessage({ type: 'reveal', source, line });
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  vscode.setState({ scrollY: window.scrollY, uri: source });
  if (programmaticScroll) {
    programmaticScroll = false;
    return;
  }
  if (scrollTimer !== undefined) {
    clearTimeout(scrollTimer);
  }
  scrollTimer = window.setTimeout(() => {
    const first = lineElements().find((el) => !isLink(el) && el.getBoundingClientRect().bottom > 0);
    const line = Number(first?.dataset.line);
    if (line >= 1) {
      vscode.postMessage({ type: 'scrolled', source, line });
    }
  }, 100);
});

const saved = vscode.getState();
if (saved?.scrollY) {
  window.scrollTo(0, saved.scrollY);
}
vscode.postMessage({ type: 'rendered', source, heading: heading() });
// A page just (re)loaded asks for the current content once; an update never asks again (that would loop).
vscode.postMessage({ type: 'ready', source });
