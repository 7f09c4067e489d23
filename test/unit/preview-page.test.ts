/**
 * The preview page's script (dist/webview/preview.js) in a stand-in page: what it says to the extension
 * when it loads and when content arrives. A page that asked for content after every update made the
 * extension send it again at once, for ever (the preview re-rendered without end).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runInNewContext } from 'node:vm';
import { buildBundles, ROOT } from '../helpers.js';

interface Page {
  posted: { type: string }[];
  send(message: unknown): void;
}

function loadPage(): Page {
  const script = readFileSync(path.join(ROOT, 'dist', 'webview', 'preview.js'), 'utf8');
  const posted: { type: string }[] = [];
  const listeners: Record<string, ((e: unknown) => void)[]> = {};
  const main = { innerHTML: '' };
  const noop = (): void => undefined;
  const context = {
    acquireVsCodeApi: () => ({ postMessage: (m: { type: string }) => posted.push(m), getState: () => undefined, setState: noop }),
    document: {
      body: { dataset: { source: 'file:///jane.athlete.md' } },
      title: '',
      querySelector: (sel: string) => (sel === 'main' ? main : null),
      querySelectorAll: () => [],
      addEventListener: noop,
    },
    window: {
      scrollY: 0,
      scrollTo: noop,
      setTimeout: noop,
      addEventListener: (type: string, fn: (e: unknown) => void) => (listeners[type] ??= []).push(fn),
    },
    clearTimeout: noop,
  };
  runInNewContext(script, context);
  return { posted, send: (data) => (listeners.message ?? []).forEach((fn) => fn({ data })) };
}

describe('preview page script', () => {
  before(function () {
    this.timeout(60000);
    buildBundles();
  });

  it('asks for the content once when it loads, and only reports an update', () => {
    const page = loadPage();
    assert.deepEqual(page.posted.map((m) => m.type), ['rendered', 'ready']);
    page.posted.length = 0;
    page.send({ type: 'update', source: 'file:///jane.athlete.md', html: '<h1>Jane Runner</h1>', title: 'Jane Runner: program' });
    assert.deepEqual(page.posted.map((m) => m.type), ['rendered'], 'an update is not answered with another request for content');
  });
});
