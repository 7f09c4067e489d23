/**
 * The Markdown pipeline every client shares: unified + remark-parse + remark-frontmatter + remark-gfm,
 * with the guards that keep micromark to linear time (nesting depth). Markdown text -> mdast tree; what
 * the tree means for an athlete log is read/.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import type { Root } from 'mdast';
import type { Node } from 'unist';
import { frontMatterEnd } from './blocks.js';

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
// without it (a property test compares both on random logs), so the cheaper pipeline takes it.
const plainProcessor = unified().use(remarkParse);
const GFM_MARKS = /\[[ xX]\]|\||~|\[\^|www\.|https?:\/\/|@/;

/**
 * How deeply a text nests block quotes and lists, from its lines: `>` marks, list markers and the
 * indentation before them. micromark's time grows much faster than linearly with nesting depth (500
 * nested list items took 7 s here), so a block nested beyond MAX_NESTING is not given to it.
 */
export const MAX_NESTING = 64;
export function nestingDepth(text: string): number {
  let max = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const m = /^(?:[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])[ \t]*|[ \t]*>[ \t]?)*/.exec(line);
    const prefix = m?.[0] ?? '';
    const markers = (prefix.match(/[-*+>]|\d{1,9}[.)]/g) ?? []).length;
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    max = Math.max(max, markers + Math.floor(indent / 2));
  }
  return max;
}

/** A block too deeply nested to parse: kept whole as one paragraph of text (shown, never lost). */
function flatBlock(text: string): Root {
  const end = { line: text.split(/\r\n|\r|\n/).length, column: 1, offset: text.length };
  const position = { start: { line: 1, column: 1, offset: 0 }, end };
  return { type: 'root', position, children: [{ type: 'paragraph', position, children: [{ type: 'text', value: text, position }] }] };
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
  if (!frontMatter && nestingDepth(text) > MAX_NESTING) {
    return flatBlock(text);
  }
  if (frontMatter) {
    return frontMatterProcessor.parse(text);
  }
  return (GFM_MARKS.test(text) ? bodyProcessor : plainProcessor).parse(text);
}

/** The same text through the full GFM pipeline, always (the reference for tests). */
export function parseMarkdownGfm(text: string): Root {
  return nestingDepth(text) > MAX_NESTING ? flatBlock(text) : bodyProcessor.parse(text);
}
