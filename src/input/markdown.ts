/**
 * Markdown articles, parsed (micromark/mdast, CommonMark + GFM, linear in the input) rather than
 * pattern-stripped: YAML or TOML front matter, ATX and setext headings, HTML comments (editor
 * notes, dropped), tables, footnotes, links with parentheses, code fences.
 */
import type { Nodes, Parent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { InputError } from './input-error.js';
import type { Suppression } from '../types.js';
import { type ParsedArticle, suppressionFromComment } from './record.js';

/** Inline syntax characters; a long line made mostly of them is noise, not prose. */
const SYNTAX = /[[\]()<>!*_`\\]/g;
const LONG_LINE = 2000;

/**
 * micromark is linear on prose but slows down on very long runs of unclosed brackets ("[[[[",
 * "[a](" repeated), and on long runs of escapes too: in such a paragraph (over 2,000 characters, over
 * a fifth of them inline syntax) that syntax is blanked out first. Article prose never looks like that.
 */
export function defuseSyntaxFloods(text: string): string {
  if (text.length < LONG_LINE) return text;
  // Per paragraph (inline syntax never spans a blank line), so a flood cut into short lines is caught too.
  return text.split(/(\n[ \t]*\n)/).map((part) => {
    if (part.length < LONG_LINE) return part;
    const syntax = part.match(SYNTAX)?.length ?? 0;
    return syntax > part.length / 5 ? part.replace(SYNTAX, ' ') : part;
  }).join('');
}

function parseTree(text: string): Root {
  return fromMarkdown(defuseSyntaxFloods(text), {
    extensions: [frontmatter(['yaml', 'toml']), gfm()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmFromMarkdown()],
  });
}

interface FrontMatter {
  title?: string;
  suppression?: Suppression;
}

/** title (or headline), and a `headcheck: off` / `headcheck-disable: reason` key, from YAML or TOML front matter. */
function frontMatter(node: RootContent, where: string): FrontMatter | undefined {
  if (node.type !== 'yaml' && (node.type as string) !== 'toml') return undefined;
  const raw = (node as { value: string }).value;
  let data: unknown;
  try {
    data = node.type === 'yaml' ? parseYaml(raw, { maxAliasCount: 100 }) : parseToml(raw);
  } catch (err) {
    throw new InputError('E_FIELD', `${where}: front matter is not valid ${node.type === 'yaml' ? 'YAML' : 'TOML'} (${(err as Error).message.split('\n')[0]}); fix it or remove it`);
  }
  if (data === null || typeof data !== 'object') return undefined;
  const record = data as Record<string, unknown>;
  const title = record.title ?? record.headline;
  const off = record.headcheck === 'off' || record.headcheck === false || record['headcheck-disable'] !== undefined;
  const reason = record['headcheck-disable'];
  return {
    title: typeof title === 'string' && title.trim() ? title.replace(/\s+/g, ' ').trim() : undefined,
    suppression: off ? { kind: 'front-matter', ...(typeof reason === 'string' && reason.trim() ? { justification: reason.trim() } : {}) } : undefined,
  };
}

/** The first `<!-- headcheck-disable … -->` comment anywhere in the document. */
function inlineSuppression(node: Nodes): Suppression | undefined {
  if (node.type === 'html') {
    for (const m of node.value.matchAll(/<!--([\s\S]*?)-->/g)) {
      const found = suppressionFromComment(m[1]!);
      if (found) return found;
    }
  }
  if ('children' in node) {
    for (const child of (node as Parent).children) {
      const found = inlineSuppression(child as Nodes);
      if (found) return found;
    }
  }
  return undefined;
}

/** Prose of an inline subtree: link and emphasis text kept, images, HTML and footnote marks dropped. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'html':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? (node as Parent).children.map((c) => inlineText(c as Nodes)).join('') : '';
  }
}

/** Block nodes to paragraphs of prose, in order. Code, HTML blocks, definitions and footnotes are not prose. */
interface Block {
  text: string;
  line: number;
  column: number;
}

function blocks(node: Nodes, out: Block[]): void {
  const at = (n: Nodes) => ({ line: n.position?.start.line ?? 1, column: n.position?.start.column ?? 1 });
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      out.push({ text: inlineText(node), ...at(node) });
      return;
    case 'table':
      for (const row of node.children) out.push({ text: row.children.map((cell) => inlineText(cell).trim()).filter(Boolean).join(', '), ...at(row) });
      return;
    case 'code':
    case 'html':
    case 'definition':
    case 'footnoteDefinition':
    case 'thematicBreak':
    case 'yaml':
      return;
    default:
      if ((node.type as string) === 'toml') return;
      if ('children' in node) for (const child of (node as Parent).children) blocks(child as Nodes, out);
  }
}

export function parseMarkdown(text: string, where: string): ParsedArticle {
  const tree = parseTree(text);
  let headline: string | undefined;
  let line: number | undefined;
  let column: number | undefined;
  let headingNode: RootContent | undefined;
  const first = tree.children[0];
  const fm = first ? frontMatter(first, where) : undefined;
  if (first && fm?.title) {
    headline = fm.title;
    line = (first.position?.start.line ?? 1) + 1;
    column = 1;
  }
  if (headline === undefined) {
    headingNode = tree.children.find((n) => n.type === 'heading' && n.depth === 1 && inlineText(n).trim());
    if (!headingNode) {
      const hasFrontMatter = first?.type === 'yaml' || (first?.type as string) === 'toml';
      const why = hasFrontMatter ? 'front matter has no "title:" and there is no level-1 heading' : 'no front matter "title:" and no level-1 heading ("# " or a setext "===" underline)';
      throw new InputError('E_NO_HEADLINE', `${where}: ${why}; add one to give the article its headline`);
    }
    headline = inlineText(headingNode).replace(/\s+/g, ' ').trim();
    line = headingNode.position?.start.line;
    column = headingNode.position?.start.column;
  }
  const paragraphs: Block[] = [];
  for (const node of tree.children) if (node !== headingNode) blocks(node as Nodes, paragraphs);
  const kept = paragraphs.map((p) => ({ ...p, text: p.text.trim() })).filter((p) => p.text);
  const suppression = fm?.suppression ?? inlineSuppression(tree);
  return { headline, body: kept.map((p) => p.text).join('\n\n'), line, column, segments: kept, ...(suppression ? { suppression } : {}) };
}

/** Markdown to plain prose (paragraphs separated by blank lines), for callers that only need the text. */
export function markdownToText(markdown: string): string {
  const paragraphs: Block[] = [];
  for (const node of parseTree(markdown).children) blocks(node as Nodes, paragraphs);
  return paragraphs.map((p) => p.text.trim()).filter(Boolean).join('\n\n');
}
