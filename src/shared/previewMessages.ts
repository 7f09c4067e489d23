/**
 * Messages between the extension and the preview webview, both ways. Every message names the document
 * it is about (`source`, the document URI); a side ignores messages about another document.
 */

export namespace ToWebview {
  interface Base {
    readonly source: string;
  }
  /** New content for the page (scroll position is kept). */
  export interface Update extends Base {
    readonly type: 'update';
    readonly html: string;
    readonly title: string;
  }
  /** The editor scrolled: show this 1-based source line. */
  export interface ScrollTo extends Base {
    readonly type: 'scrollTo';
    readonly line: number;
  }
  export type Message = Update | ScrollTo;
}

export namespace FromWebview {
  interface Base {
    readonly source: string;
  }
  /** The page loaded or re-rendered; `heading` is what it shows as the athlete's name. */
  export interface Rendered extends Base {
    readonly type: 'rendered';
    readonly heading: string;
  }
  /** The user clicked a card, a session or a finding: reveal that 1-based line in the editor. */
  export interface Reveal extends Base {
    readonly type: 'reveal';
    readonly line: number;
  }
  /** The page scrolled to this 1-based line (for scroll sync). */
  export interface Scrolled extends Base {
    readonly type: 'scrolled';
    readonly line: number;
  }
  /** The user clicked a link in a note. */
  export interface OpenLink extends Base {
    readonly type: 'openLink';
    readonly href: string;
  }
  export type Message = Rendered | Reveal | Scrolled | OpenLink;
}

export function isFromWebview(m: unknown): m is FromWebview.Message {
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
    case 'reveal':
    case 'scrolled':
      return typeof x.line === 'number' && Number.isInteger(x.line) && x.line >= 1;
    case 'openLink':
      return typeof x.href === 'string';
    default:
      return false;
  }
}
