import { InputError } from './input-error.js';

export interface ParsedArticle {
  id?: string;
  headline: string;
  body: string;
  /** 1-based position of the headline in the source text. */
  line?: number;
  column?: number;
  /** Pieces of the body with where they start in the source file, to place evidence. */
  segments?: SourceSegment[];
  /** An inline `<!-- headcheck-disable: reason -->` or a front-matter `headcheck: off`. */
  suppression?: import('../types.js').Suppression;
}

/** `headcheck-disable` with an optional reason after a colon, as an HTML comment's text. */
export function suppressionFromComment(comment: string): import('../types.js').Suppression | undefined {
  const m = /^\s*headcheck-disable(?:\s*[:\-–]\s*([\s\S]*?))?\s*$/i.exec(comment);
  return m ? { kind: 'inline', ...(m[1] ? { justification: m[1].replace(/\s+/g, ' ').trim() } : {}) } : undefined;
}

export interface SourceSegment {
  text: string;
  line: number;
  column: number;
}

/** Checks a decoded {id?, headline, body} object, naming the field and the fix. */
export function validateRecord(value: unknown, where: string, rawId?: string): ParsedArticle {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError('E_FIELD', `${where}: expected a JSON object {"headline": "...", "body": "..."}, got ${describe(value)}`);
  }
  const record = value as Record<string, unknown>;
  const { id, headline, body } = record;
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    throw new InputError('E_FIELD', `${where}: "id" must be a string or a number, got ${describe(id)}`);
  }
  if (headline === undefined) throw new InputError('E_FIELD', `${where}: missing "headline" (a string)`);
  if (typeof headline !== 'string') {
    throw new InputError('E_FIELD', `${where}: "headline" must be a string, got ${describe(headline)}`);
  }
  if (body === undefined) throw new InputError('E_FIELD', `${where}: missing "body" (a string)`);
  if (typeof body !== 'string') {
    throw new InputError('E_FIELD', `${where}: "body" must be a string, got ${describe(body)}`);
  }
  // A numeric id keeps its source text: 2^53 + 1 or 1e400 must not turn into another number.
  return { id: id === undefined ? undefined : typeof id === 'number' && rawId !== undefined ? rawId : String(id), headline, body };
}

/** The source text of a top-level numeric "id" in one JSON object's text, if there is one. */
export function rawNumericId(json: string): string | undefined {
  return /(?<!\\)"id"\s*:\s*(-?\d[\d.eE+-]*)/.exec(json)?.[1];
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The checks every format shares: a headline and a non-blank body. */
export function requireContent(article: ParsedArticle, where: string): ParsedArticle {
  const headline = article.headline.replace(/\s+/g, ' ').trim();
  if (headline.length === 0) {
    throw new InputError('E_NO_HEADLINE', `${where}: no headline found; add a title (front matter "title:", a "# " heading, <h1>, or a first line)`);
  }
  if (article.body.trim().length === 0) {
    throw new InputError('E_NO_BODY', `${where}: the headline "${truncate(headline, 60)}" has no body text to check it against`);
  }
  return { ...article, headline };
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
