/** The preview page's policy, asserted on the generated HTML, and the message guard. */
import assert from 'node:assert/strict';
import { webviewCsp } from '../../src/core/render/page.js';
import { previewShell } from '../../src/shared/previewHtml.js';
import { isFromWebview } from '../../src/shared/previewMessages.js';

describe('preview page', () => {
  it('has a strict Content-Security-Policy: nothing by default, one nonce\'d script, no forms or frames', () => {
    const html = previewShell({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc123', styleUri: 'https://x.vscode-cdn.net/p.css', scriptUri: 'https://x.vscode-cdn.net/p.js', source: 'file:///a"b.md', body: '<h1>A</h1>' });
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
    assert.equal(csp, webviewCsp('https://x.vscode-cdn.net', 'abc123').replace(/'/g, '&#39;'));
    for (const part of ["default-src &#39;none&#39;", "script-src &#39;nonce-abc123&#39;", "form-action &#39;none&#39;", "frame-src &#39;none&#39;", "object-src &#39;none&#39;", "base-uri &#39;none&#39;"]) {
      assert.ok(csp.includes(part), part);
    }
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.match(html, /<script nonce="abc123" src="https:\/\/x\.vscode-cdn\.net\/p\.js"><\/script>/);
    assert.match(html, /data-source="file:\/\/\/a&quot;b\.md"/, 'the source is escaped');
  });

  it('accepts only well-formed messages from the page', () => {
    assert.ok(isFromWebview({ type: 'reveal', source: 'file:///a.md', line: 3 }));
    assert.ok(isFromWebview({ type: 'openLink', source: 'file:///a.md', href: 'https://example.com' }));
    for (const bad of [null, 'reveal', { type: 'reveal', line: 3 }, { type: 'reveal', source: 'x', line: 0 }, { type: 'reveal', source: 'x', line: 1.5 }, { type: 'run', source: 'x' }, { type: 'openLink', source: 'x' }]) {
      assert.equal(isFromWebview(bad), false, JSON.stringify(bad));
    }
  });
});
