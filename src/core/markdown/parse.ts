/**
 * The Markdown pipeline every client shares: unified + remark-parse + remark-frontmatter + remark-gfm,
 * with the guards that keep micromark to linear time (guard.ts: deep nesting, storms of inline openers).
 * Markdown text -> mdast tree; what the tree means for an athlete log is read/.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Processor } from 'unified';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { frontMatterEnd } from './blocks.js';
import { guardPlan, parsePieces } from './guard.js';

export { MAX_NESTING, MAX_OPENERS, needsGuard } from './guard.js';

/** The text of a node without raw HTML (comments such as suppressions or test markers). */
export function plainText(node: Node): string {
  return toString(node, { includeHtml: false }).trim();
}


// Front matter exists only at the very start of a log, so only the first block is parsed with
// remark-frontmatter. This also keeps clear of its handling of an unclosed `---` (it turns the lists
// that follow into paragraphs), where CommonMark reads a thematic break.
const bodyProcessor = unified().use(remarkParse).use(remarkGfm);
const frontMatterProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

// GFM doubles the cost of parsing and changes the model only through its syntax: task lists, tables,
// strikethrough, footnotes and autolink literals. A block with none of their marks parses the same
// without it (a property test compares both on random logs), so the cheaper pipeline takes it. A block
// whose only GFM mark is `|` takes remark-parse with GFM tables alone: the autolink literals' pass over
// every text node was a quarter of the time of a log of many small tables, and finds nothing without
// `www.`, `http://`, `https://` or `@` (in any case: GFM reads WWW.example.com as a link too).
const plainProcessor = unified().use(remarkParse);
const tableProcessor = unified().use(remarkParse).use(remarkGfmTable);
const GFM_MARKS = /\[[\sx]\]|\||~|\[\^|www\.|https?:\/\/|@/i;
const GFM_MARKS_BUT_TABLES = /\[[\sx]\]|~|\[\^|www\.|https?:\/\/|@/i;

/** remark-gfm's tables alone (what remark-gfm adds for them, without its other extensions). */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/** The cheapest processor that parses `text` (not front matter) as the full GFM pipeline does. */
function processorFor(text: string): typeof plainProcessor {
  if (!GFM_MARKS.test(text)) {
    return plainProcessor;
  }
  return GFM_MARKS_BUT_TABLES.test(text) ? bodyProcessor : tableProcessor;
}

/**
 * Parses Markdown away from the thread that checks (a worker thread, say): `parseMarkdown` of the same
 * text there, its tree sent back as a copy. A host gives one where it can; the core waits on it in steps.
 */
export interface TreeParser {
  parse(text: string, frontMatter: boolean): Promise<Root>;
}

/** Parses Markdown with the one pipeline every client shares; `frontMatter` when the text starts a log. */
export function parseMarkdown(text: string, frontMatter = frontMatterEnd(text) > 0): Root {
  const once = (t: string, first: boolean): Root => {
    if (frontMatter && first) {
      return frontMatterProcessor.parse(t);
    }
    return processorFor(t).parse(t);
  };
  // Deep nesting and storms of inline openers are parsed in pieces (guard.ts): linear, nothing lost.
  const plan = guardPlan(text, frontMatter ? frontMatterEnd(text) : 0);
  return plan ? parsePieces(text, plan, once) : once(text, true);
}

/** The same text through the full GFM pipeline, always (the reference for tests). */
export function parseMarkdownGfm(text: string): Root {
  const plan = guardPlan(text);
  return plan ? parsePieces(text, plan, (t) => bodyProcessor.parse(t)) : bodyProcessor.parse(text);
}
