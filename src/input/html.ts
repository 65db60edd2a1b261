import { Readability } from '@mozilla/readability';
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { InputError } from './input-error.js';
import type { Suppression } from '../types.js';
import { type ParsedArticle, suppressionFromComment } from './record.js';

/** Elements whose text is never article prose. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form',
  'button', 'select', 'textarea', 'iframe', 'figure', 'menu', 'dialog',
]);
const BLOCKS = new Set(['p', 'li', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dd', 'dt', 'pre']);
/**
 * Deepest element nesting read. htmlparser2 keeps its open-element stack with Array#unshift, so a
 * page of 200,000 nested <div>s costs quadratic time; no article page nests this deep.
 */
export const MAX_HTML_DEPTH = 2000;
const BOILERPLATE_CLASS = /(?:^|\s)(?:[\w-]*[-_])?(comments?|share|sharing|social|related|newsletter|promo|advert|advertisement|cookie|byline|breadcrumbs?|sidebar|footer|nav)(?:[-_][\w-]*)?(?=\s|$)/i;
/** Page-level elements carry layout classes ("single has-sidebar"), not boilerplate: never skipped by class. */
const STRUCTURAL = new Set(['html', 'body', 'main', 'article']);

interface Paragraph {
  text: string;
  inArticle: boolean;
  inMain: boolean;
  /** Where the block starts in the page, when it comes from the page itself. */
  offset?: number;
}

interface Found {
  text: string;
  offset: number;
}

/**
 * HTML page to headline and body. Headline: og:title, else JSON-LD "headline", else the first
 * <h1>, else <title>. Body: paragraph-level text inside <article> (else <main>, else the main
 * content Readability finds, else the whole page), with scripts, styles, navigation, forms and
 * comment/share widgets dropped.
 */
export function parseHtml(html: string, where = 'HTML input'): ParsedArticle {
  const paragraphs: Paragraph[] = [];
  let ogTitle: Found | undefined;
  let h1: Found | undefined;
  let title: Found | undefined;
  const stack: Array<{ name: string; skip: boolean }> = [];
  let skipDepth = 0;
  let articleDepth = 0;
  let mainDepth = 0;
  let block: { text: string; offset: number } | undefined;
  let blockDepth = 0;
  let capture: { kind: 'h1' | 'title'; text: string; offset: number } | undefined;
  let looseText = '';
  let jsonLd: { text: string; offset: number } | undefined;
  let jsonLdHeadline: Found | undefined;
  let suppression: Suppression | undefined;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const skip = SKIPPED.has(name) || (!STRUCTURAL.has(name) && BOILERPLATE_CLASS.test(`${attribs.class ?? ''} ${attribs.id ?? ''}`));
        if (name === 'script' && /ld\+json/i.test(attribs.type ?? '')) jsonLd = { text: '', offset: parser.startIndex };
        stack.push({ name, skip });
        if (stack.length > MAX_HTML_DEPTH) {
          throw new InputError('E_UNSUPPORTED', `${where}: elements nest more than ${MAX_HTML_DEPTH} levels deep; not an article page (close the tags, or pass the text as .txt)`);
        }
        if (skip) skipDepth++;
        if (name === 'article') articleDepth++;
        if (name === 'main') mainDepth++;
        if (name === 'meta' && !ogTitle) {
          const key = (attribs.property ?? attribs.name ?? '').toLowerCase();
          if ((key === 'og:title' || key === 'twitter:title') && attribs.content?.trim()) {
            ogTitle = { text: attribs.content, offset: parser.startIndex };
          }
        }
        if ((name === 'h1' && !h1) || (name === 'title' && !title)) {
          capture = { kind: name, text: '', offset: parser.startIndex };
        }
        if (BLOCKS.has(name) && skipDepth === 0) {
          if (!block) block = { text: '', offset: parser.endIndex + 1 };
          blockDepth++;
        }
        if (name === 'br' && block) block.text += '\n';
      },
      ontext(text) {
        if (jsonLd) jsonLd.text += text;
        if (capture) capture.text += text;
        if (skipDepth > 0) return;
        if (block) block.text += text;
        else looseText += text;
      },
      oncomment(text) {
        suppression ??= suppressionFromComment(text);
      },
      onclosetag(name) {
        if (name === 'script' && jsonLd) {
          jsonLdHeadline ??= headlineFromJsonLd(jsonLd.text, jsonLd.offset);
          jsonLd = undefined;
        }
        const top = stack.pop();
        if (top?.skip) skipDepth--;
        if (capture && capture.kind === name) {
          const found = { text: capture.text, offset: capture.offset };
          if (name === 'h1') h1 = found;
          else title = found;
          capture = undefined;
        }
        if (BLOCKS.has(name) && block && blockDepth > 0) {
          blockDepth--;
          if (blockDepth === 0) {
            const text = block.text.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
            if (text) paragraphs.push({ text, inArticle: articleDepth > 0, inMain: mainDepth > 0, offset: block.offset });
            block = undefined;
          }
        }
        if (name === 'article') articleDepth--;
        if (name === 'main') mainDepth--;
        if (/^(div|section|td|body)$/.test(name)) looseText += '\n';
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const inArticle = paragraphs.filter((p) => p.inArticle);
  const inMain = paragraphs.filter((p) => p.inMain);
  // Semantic markup (<article>, <main>) is trusted; a page without it goes through Readability,
  // which scores the page's blocks the way reader views do, then all paragraphs as a last resort.
  const semantic = inArticle.length > 0 ? inArticle : inMain.length > 0 ? inMain : undefined;
  const chosen = semantic ?? readableParagraphs(html, where) ?? paragraphs;
  const body = chosen.length > 0
    ? chosen.map((p) => p.text).join('\n\n')
    : looseText.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  // Headline, in order: og:title / twitter:title, JSON-LD "headline", the first <h1>, <title>.
  const headlineSource = ogTitle ?? jsonLdHeadline ?? h1 ?? title;
  const headline = (headlineSource?.text ?? '').replace(/\s+/g, ' ').trim();
  // The headline's own element repeats at the top of many bodies: don't score it against itself.
  const bodyWithoutHeadline = body.startsWith(headline) && headline ? body.slice(headline.length).trim() : body;
  const position = headlineSource ? lineAndColumn(html, headlineSource.offset) : undefined;
  const starts = lineStarts(html);
  const segments = chosen.filter((p) => p.offset !== undefined).map((p) => ({ text: p.text, ...positionOf(starts, p.offset!) }));
  return { headline, body: bodyWithoutHeadline, line: position?.line, column: position?.column, segments, ...(suppression ? { suppression } : {}) };
}

/** "headline" of a JSON-LD block (an object, an array, or an @graph of them), if any. */
function headlineFromJsonLd(text: string, offset: number): Found | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && i < 200; i++) {
    const item = queue[i];
    if (Array.isArray(item)) queue.push(...item);
    else if (item && typeof item === 'object') {
      const record = item as Record<string, unknown>;
      if (typeof record.headline === 'string' && record.headline.trim()) return { text: record.headline, offset };
      if (Array.isArray(record['@graph'])) queue.push(...record['@graph']);
    }
  }
  return undefined;
}

/** The main content as Readability finds it, as paragraphs; undefined when it finds none. */
function readableParagraphs(html: string, where: string): Paragraph[] | undefined {
  try {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
    if (!article?.content) return undefined;
    const inner = parseHtmlParagraphs(article.content, where);
    return inner.length > 0 ? inner : undefined;
  } catch {
    return undefined;
  }
}

/** Paragraph-level blocks of an HTML fragment (Readability's output). */
function parseHtmlParagraphs(fragment: string, where: string): Paragraph[] {
  const out: Paragraph[] = [];
  let block: string | undefined;
  let depth = 0;
  const parser = new Parser({
    onopentag(name) {
      if (++depth > MAX_HTML_DEPTH) throw new InputError('E_UNSUPPORTED', `${where}: elements nest more than ${MAX_HTML_DEPTH} levels deep`);
      if (BLOCKS.has(name) && block === undefined) block = '';
      if (name === 'br' && block !== undefined) block += '\n';
    },
    ontext(text) {
      if (block !== undefined) block += text;
    },
    onclosetag(name) {
      depth--;
      if (BLOCKS.has(name) && block !== undefined) {
        const text = block.replace(/[ \t\f\v\u00a0]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
        if (text) out.push({ text, inArticle: true, inMain: true });
        block = undefined;
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(fragment);
  parser.end();
  return out;
}

/** Offsets at which each line of a text starts (for many position look-ups in one pass). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionOf(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}
