/**
 * Markdown from a log (session notes) to HTML. Raw HTML is parsed (rehype-raw) and then sanitized with
 * rehype-sanitize's GitHub-like schema: no script, no event handlers, no javascript: or data: URLs, no
 * styles, no iframes or forms survive, while the text inside harmless tags does.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { needsGuard } from '../markdown/parse.js';

function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const schema = {
  ...defaultSchema,
  // No `id`/`name` clobbering prefixes needed in a preview; keep GitHub's defaults otherwise.
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  // A note nested too deeply or with a storm of inline openers is shown as text (micromark would take
  // super-linear time on it; see markdown/guard.ts).
  if (needsGuard(markdown)) {
    return `<p>${escapeText(markdown)}</p>`;
  }
  try {
    return String(processor.processSync(markdown));
  } catch {
    // Never let a note break the page: show it as text.
    return `<p>${escapeText(markdown)}</p>`;
  }
}
