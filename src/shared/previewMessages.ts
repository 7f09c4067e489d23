/**
 * Messages between the extension and the preview webview, both ways. Every message names the document
 * it is about (`source`, the document URI); a side ignores messages about another document.
 */

interface Base {
  readonly source: string;
}

/** Extension -> page: new content (the page keeps its scroll position). */
export interface UpdateMessage extends Base {
  readonly type: 'update';
  readonly html: string;
  readonly title: string;
}

/** Extension -> page: the editor scrolled; show this 1-based source line. */
export interface ScrollToMessage extends Base {
  readonly type: 'scrollTo';
  readonly line: number;
}

export type ToWebviewMessage = UpdateMessage | ScrollToMessage;

/** Page -> extension: the page loaded or re-rendered; `heading` is the athlete's name it shows. */
export interface RenderedMessage extends Base {
  readonly type: 'rendered';
  readonly heading: string;
}

/** Page -> extension: a card, session or finding was clicked; reveal this 1-based line. */
export interface RevealMessage extends Base {
  readonly type: 'reveal';
  readonly line: number;
}

/** Page -> extension: the page scrolled to this 1-based line (scroll sync). */
export interface ScrolledMessage extends Base {
  readonly type: 'scrolled';
  readonly line: number;
}

/** Page -> extension: a link in a note was clicked. */
export interface OpenLinkMessage extends Base {
  readonly type: 'openLink';
  readonly href: string;
}

/**
 * Page -> extension: the page (re)loaded and shows only what its shell holds. A hidden preview loses its
 * page; shown again it loads from the shell, and this asks for the content.
 */
export interface ReadyMessage extends Base {
  readonly type: 'ready';
}

export type FromWebviewMessage = RenderedMessage | RevealMessage | ScrolledMessage | OpenLinkMessage | ReadyMessage;

export function isFromWebview(m: unknown): m is FromWebviewMessage {
  if (typeof m !== 'object' || m === null) {
    return false;
  }
  const x = m as Record<string, unknown>;
  if (typeof x.source !== 'string') {
    return false;
  }
  switch (x.type) {
    case 'rendered':
      return typeof x.heading === 'string';
    case 'ready':
      return true;
    case 'reveal':
    case 'scrolled':
      return typeof x.line === 'number' && Number.isInteger(x.line) && x.line >= 1;
    case 'openLink':
      return typeof x.href === 'string';
    default:
      return false;
  }
}
