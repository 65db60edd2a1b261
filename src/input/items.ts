import type { Readable } from 'node:stream';
import type { Article, BodyAnchor, ErrorCode, ErrorRecord } from '../types.js';
import { dropBoilerplate } from './boilerplate.js';
import { byteLines } from './byte-lines.js';
import { normaliseLineEnds } from './decode.js';
import { InputError } from './input-error.js';
import { type ParsedArticle, rawNumericId, requireContent, type SourceSegment, validateRecord } from './record.js';

/** Reading's common ground: the item every input yields, its options, and how a parsed record or a failure becomes one. */
export type InputItem = { article: Article } | { error: ErrorRecord };

export interface ReadOptions {
  /** Bodies over this many UTF-8 bytes are rejected with E_TOO_LARGE. */
  maxBodyBytes: number;
  /** Globs (relative to the working directory) that directory walks keep; default: all known extensions. */
  include?: string[];
  /** Globs that directory walks skip. */
  ignore?: string[];
  /** Extra boilerplate line patterns to drop from bodies. */
  boilerplate?: RegExp[];
  /** Standard input, for the `-` input. */
  stdin?: Readable;
  /** Accept an input that holds no article (an empty folder, `[]`) instead of an E_EMPTY error. */
  allowEmpty?: boolean;
  /** Files never read, e.g. the report being written (absolute paths). */
  skip?: string[];
  /** How to read stdin: JSON lines, one plain-text article, or decided from its first lines. */
  stdinFormat?: 'auto' | 'jsonl' | 'text';
  cwd?: string;
}

export const DEFAULT_MAX_BODY_BYTES = 2_000_000;

export function errorItem(id: string, code: ErrorCode, message: string, file?: string, line?: number): InputItem {
  return { error: { id, error: { code, message }, source: file ? { file, line } : undefined } };
}

export function fromError(err: unknown, id: string, file?: string, line?: number): InputItem {
  if (err instanceof InputError) return errorItem(id, err.code, err.message, file, line);
  const e = err as NodeJS.ErrnoException;
  const where = file ?? id;
  if (e?.code === 'ENOENT') return errorItem(id, 'E_NOT_FOUND', `${where}: no such file or directory; check the path`, file);
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return errorItem(id, 'E_READ', `${where}: permission denied; make the file readable`, file);
  if (e?.code === 'ELOOP') return errorItem(id, 'E_LOOP', `${where}: too many symbolic links (a loop?); fix or remove the link`, file);
  return errorItem(id, 'E_READ', `${where}: cannot read (${e?.code ?? e?.message ?? String(err)})`, file);
}

export function finish(parsed: ParsedArticle, where: string, fallbackId: string, file: string | undefined, opts: ReadOptions): InputItem {
  const bytes = Buffer.byteLength(parsed.body, 'utf8');
  if (bytes > opts.maxBodyBytes) {
    throw new InputError('E_TOO_LARGE', `${where}: body is ${bytes} bytes, over the ${opts.maxBodyBytes}-byte limit; raise --max-body-bytes or split the article`);
  }
  const checked = requireContent({ ...parsed, body: dropBoilerplate(normaliseLineEnds(parsed.body), opts.boilerplate) }, where);
  if (checked.body.length === 0) {
    throw new InputError('E_NO_BODY', `${where}: the body holds only page boilerplate (share prompts, comment forms); nothing to check`);
  }
  const anchors = file ? anchorsIn(checked.body, parsed.segments ?? []) : [];
  return {
    article: {
      id: checked.id ?? fallbackId,
      headline: checked.headline,
      body: checked.body,
      source: file ? { file, line: checked.line, column: checked.column, ...(anchors.length > 0 ? { anchors } : {}) } : undefined,
      ...(parsed.suppression ? { suppression: parsed.suppression } : {}),
    },
  };
}

/**
 * Body offsets with their place in the file: each parsed segment is found, in order, in the
 * final body (after boilerplate removal), so evidence can be given as a line and column.
 */
export function anchorsIn(body: string, segments: SourceSegment[]): BodyAnchor[] {
  const anchors: BodyAnchor[] = [];
  let from = 0;
  for (const seg of segments) {
    const probe = seg.text.slice(0, 60);
    if (!probe) continue;
    const at = body.indexOf(probe, from);
    if (at < 0) continue;
    anchors.push({ offset: at, line: seg.line, column: seg.column });
    from = at + probe.length;
  }
  return anchors;
}

/** One JSONL line to an item; `where` is `file:line`. */
export function parseJsonlLine(line: string, where: string, file: string | undefined, lineNo: number, opts: ReadOptions): InputItem {
  try {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new InputError('E_JSON', `${where}: malformed JSON (${(err as Error).message}); each line must be one JSON object`);
    }
    const parsed = validateRecord(value, where, rawNumericId(line));
    // The body sits inside a JSON string on this line: evidence is placed on the record's line.
    return finish({ ...parsed, line: lineNo, column: 1, segments: [{ text: parsed.body.trim(), line: lineNo, column: 1 }] }, where, where, file, opts);
  } catch (err) {
    const id = (() => {
      try {
        const v = JSON.parse(line) as { id?: unknown };
        return typeof v?.id === 'string' ? v.id : typeof v?.id === 'number' ? rawNumericId(line) ?? String(v.id) : where;
      } catch {
        return where;
      }
    })();
    return fromError(err, id, file, lineNo);
  }
}

/** A JSONL record may hold its body plus JSON escapes and the other fields: the line limit. */
export function maxLineBytes(opts: ReadOptions): number {
  return opts.maxBodyBytes * 2 + 65_536;
}

/** One JSONL line (already split and decoded, or marked bad) to an item, or nothing for a blank line. */
export function jsonlItem(l: { line: number; text?: string; invalidUtf8?: boolean; tooLong?: number }, label: string, file: string | undefined, opts: ReadOptions): InputItem | undefined {
  const where = `${label}:${l.line}`;
  if (l.tooLong !== undefined) {
    return errorItem(where, 'E_TOO_LARGE', `${where}: line is over ${maxLineBytes(opts)} bytes (${l.tooLong}); raise --max-body-bytes or split the record`, file, l.line);
  }
  if (l.invalidUtf8) return errorItem(where, 'E_ENCODING', `${where}: invalid UTF-8; re-save it as UTF-8`, file, l.line);
  if (l.text === undefined || l.text.trim().length === 0) return undefined;
  if (l.text.includes('\u0000')) return errorItem(where, 'E_BINARY', `${where}: holds NUL bytes; each line must be one JSON object`, file, l.line);
  return parseJsonlLine(l.text, where, file, l.line, opts);
}

export async function* readJsonlStream(stream: Readable, label: string, file: string | undefined, opts: ReadOptions): AsyncGenerator<InputItem> {
  for await (const l of byteLines(stream, { maxLineBytes: maxLineBytes(opts) })) {
    const item = jsonlItem(l, label, file, opts);
    if (item) yield item;
  }
}
