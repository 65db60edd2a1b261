import { createReadStream } from 'node:fs';
import { open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Article, BodyAnchor, ErrorCode, ErrorRecord } from '../types.js';
import { dropBoilerplate } from './boilerplate.js';
import { decodeText, normaliseLineEnds } from './decode.js';
import { parseHtml } from './html.js';
import { InputError } from './input-error.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';
import { type ParsedArticle, rawNumericId, requireContent, type SourceSegment, validateRecord } from './record.js';
import { byteLines } from './byte-lines.js';
import { pathFilter, type PathFilter } from './glob.js';

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

const FORMATS: Record<string, 'markdown' | 'html' | 'text' | 'json' | 'jsonl'> = {
  '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html',
  '.txt': 'text', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

function errorItem(id: string, code: ErrorCode, message: string, file?: string, line?: number): InputItem {
  return { error: { id, error: { code, message }, source: file ? { file, line } : undefined } };
}

function fromError(err: unknown, id: string, file?: string, line?: number): InputItem {
  if (err instanceof InputError) return errorItem(id, err.code, err.message, file, line);
  const e = err as NodeJS.ErrnoException;
  const where = file ?? id;
  if (e?.code === 'ENOENT') return errorItem(id, 'E_NOT_FOUND', `${where}: no such file or directory; check the path`, file);
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return errorItem(id, 'E_READ', `${where}: permission denied; make the file readable`, file);
  if (e?.code === 'ELOOP') return errorItem(id, 'E_LOOP', `${where}: too many symbolic links (a loop?); fix or remove the link`, file);
  return errorItem(id, 'E_READ', `${where}: cannot read (${e?.code ?? e?.message ?? String(err)})`, file);
}

function finish(parsed: ParsedArticle, where: string, fallbackId: string, file: string | undefined, opts: ReadOptions): InputItem {
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
function jsonlItem(l: { line: number; text?: string; invalidUtf8?: boolean; tooLong?: number }, label: string, file: string | undefined, opts: ReadOptions): InputItem | undefined {
  const where = `${label}:${l.line}`;
  if (l.tooLong !== undefined) {
    return errorItem(where, 'E_TOO_LARGE', `${where}: line is over ${maxLineBytes(opts)} bytes (${l.tooLong}); raise --max-body-bytes or split the record`, file, l.line);
  }
  if (l.invalidUtf8) return errorItem(where, 'E_ENCODING', `${where}: invalid UTF-8; re-save it as UTF-8`, file, l.line);
  if (l.text === undefined || l.text.trim().length === 0) return undefined;
  if (l.text.includes('\u0000')) return errorItem(where, 'E_BINARY', `${where}: holds NUL bytes; each line must be one JSON object`, file, l.line);
  return parseJsonlLine(l.text, where, file, l.line, opts);
}

async function* readJsonlStream(stream: Readable, label: string, file: string | undefined, opts: ReadOptions): AsyncGenerator<InputItem> {
  for await (const l of byteLines(stream, { maxLineBytes: maxLineBytes(opts) })) {
    const item = jsonlItem(l, label, file, opts);
    if (item) yield item;
  }
}

function parseWhole(text: string, format: string, where: string, file: string, opts: ReadOptions): InputItem[] {
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      throw new InputError('E_JSON', `${where}: malformed JSON (${(err as Error).message})`);
    }
    const records = Array.isArray(value) ? value : [value];
    return records.map((record, i) => {
      const label = Array.isArray(value) ? `${where}[${i}]` : where;
      try {
        return finish(validateRecord(record, label), label, label, file, opts);
      } catch (err) {
        return fromError(err, label, file);
      }
    });
  }
  const parsed = format === 'markdown' ? parseMarkdown(text, where) : format === 'html' ? parseHtml(text, where) : parsePlainText(text);
  return [finish(parsed, where, where, file, opts)];
}

/** Largest file read whole: a body plus its markup; a .json array may hold many bodies. */
function maxFileBytes(format: string, opts: ReadOptions): number {
  return format === 'json' ? opts.maxBodyBytes * 50 : opts.maxBodyBytes * 4 + 1_048_576;
}

async function* readFileInput(file: string, display: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format) {
    yield errorItem(display, 'E_UNSUPPORTED', `${display}: unknown file type "${path.extname(file) || '(none)'}"; use .md, .html, .txt, .json or .jsonl`, display);
    return;
  }
  try {
    // Only regular files: a FIFO would block and a device (/dev/zero) never ends.
    const info = await stat(file);
    if (!info.isFile()) throw new InputError('E_UNSUPPORTED', `${display}: not a regular file (a device, FIFO or socket); headcheck reads regular files only`);
    if (format !== 'jsonl' && info.size > maxFileBytes(format, opts)) {
      throw new InputError('E_TOO_LARGE', `${display}: file is ${info.size} bytes, over the ${maxFileBytes(format, opts)}-byte limit for ${format}; raise --max-body-bytes or split it`);
    }
  } catch (err) {
    yield fromError(err, display, display);
    return;
  }
  if (format === 'jsonl') {
    try {
      // NUL bytes are judged per line (one bad record must not take the file's good ones down).
      const head = await readHead(file, 8192);
      if (head.length === 0) throw new InputError('E_EMPTY', `${display}: file is empty; put one JSON object per line`);
    } catch (err) {
      yield fromError(err, display, display);
      return;
    }
    yield* readJsonlStream(createReadStream(file), display, display, opts);
    return;
  }
  try {
    const text = decodeText(await readFile(file), display);
    yield* parseWhole(text, format, display, display, opts);
  } catch (err) {
    yield fromError(err, display, display);
  }
}

/** What a walk has seen: real paths read (a second name for one is skipped) and the folders open above. */
interface WalkState {
  visited: Set<string>;
  ancestors: string[];
  skip: Set<string>;
  filter: PathFilter;
}

async function* walkDirectory(dir: string, opts: ReadOptions, state: WalkState): AsyncGenerator<InputItem> {
  const cwd = opts.cwd ?? process.cwd();
  const filter = state.filter;
  let real: string;
  try {
    real = await realpath(dir);
  } catch (err) {
    yield fromError(err, dir, dir);
    return;
  }
  // A loop is a link back to a folder still open above; an alias of a folder seen elsewhere is
  // a duplicate, checked once.
  if (state.ancestors.includes(real)) {
    yield errorItem(dir, 'E_LOOP', `${dir}: directory symlink loop (it leads back to ${real}); skipped`, dir);
    return;
  }
  if (state.visited.has(real)) return;
  state.visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield fromError(err, dir, dir);
    return;
  }
  state.ancestors.push(real);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(cwd, full).split(path.sep).join('/');
    let info;
    try {
      info = entry.isSymbolicLink() ? await stat(full) : entry;
    } catch (err) {
      yield fromError(err, full, full);
      continue;
    }
    if (info.isDirectory()) {
      if (!filter.keepDir(rel)) continue;
      yield* walkDirectory(full, opts, state);
    } else if (info.isFile() && FORMATS[path.extname(entry.name).toLowerCase()]) {
      if (!filter.keepFile(rel)) continue;
      const realFile = await realpath(full).catch(() => full);
      if (state.visited.has(realFile) || state.skip.has(realFile)) continue;
      state.visited.add(realFile);
      yield* readFileInput(full, full, opts);
    }
  }
  state.ancestors.pop();
}

/** Lines looked at to tell JSONL from a plain-text article on stdin. */
const SNIFF_LINES = 5;

/**
 * Text on stdin: JSONL or one plain-text article. `auto` reads JSONL when any of the first five
 * non-empty lines is JSON (an object, or a value such as `null` that JSONL would report as a bad
 * record) or starts like an object; a headline and body rarely do. Lines are decoded one by one,
 * so a bad first line is one error, not the loss of the stream.
 */
async function* readStdin(opts: ReadOptions): AsyncGenerator<InputItem> {
  const sniffed: Array<{ line: number; text?: string; invalidUtf8?: boolean; tooLong?: number }> = [];
  let mode: 'jsonl' | 'text' | undefined = opts.stdinFormat === 'jsonl' || opts.stdinFormat === 'text' ? opts.stdinFormat : undefined;
  let seenText = 0;
  // One iterator read by hand: a for-await loop that breaks would close it for the text branch.
  const lines = byteLines(opts.stdin ?? process.stdin, { maxLineBytes: maxLineBytes(opts) });
  while (mode === undefined) {
    const next = await lines.next();
    if (next.done) break;
    const l = next.value;
    sniffed.push(l);
    if (l.text !== undefined && l.text.trim().length > 0) {
      seenText++;
      if (looksLikeJsonLine(l.text)) mode = 'jsonl';
      else if (seenText >= SNIFF_LINES) mode = 'text';
    }
  }
  if (mode === 'jsonl') {
    for (const b of sniffed.splice(0)) {
      const item = jsonlItem(b, 'stdin', 'stdin', opts);
      if (item) yield item;
    }
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const item = jsonlItem(next.value, 'stdin', 'stdin', opts);
      if (item) yield item;
    }
  }
  if (mode === 'jsonl') return;
  // Plain text: the buffered lines plus the rest, bounded by the body limit as it is read.
  const parts: string[] = [];
  let bytes = 0;
  const add = (l: { line: number; text?: string; invalidUtf8?: boolean; tooLong?: number }): InputItem | undefined => {
    if (l.invalidUtf8) return errorItem('stdin', 'E_ENCODING', `stdin: invalid UTF-8 on line ${l.line}; send UTF-8 text`, 'stdin', l.line);
    if (l.tooLong !== undefined) bytes = Infinity;
    else {
      parts.push(l.text ?? '');
      bytes += Buffer.byteLength(l.text ?? '') + 1;
    }
    if (bytes > opts.maxBodyBytes + 65_536) {
      return errorItem('stdin', 'E_TOO_LARGE', `stdin: over the ${opts.maxBodyBytes}-byte body limit; raise --max-body-bytes or send JSON lines`, 'stdin');
    }
    return undefined;
  };
  for (const l of sniffed) {
    const stop = add(l);
    if (stop) return yield stop;
  }
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const stop = add(next.value);
    if (stop) {
      await lines.return(undefined);
      return yield stop;
    }
  }
  const text = parts.join('\n');
  if (text.trim().length === 0) {
    yield errorItem('stdin', 'E_EMPTY', 'stdin: no input; pipe an article (first line = headline) or JSON lines', 'stdin');
    return;
  }
  try {
    yield finish(parsePlainText(text), 'stdin', 'stdin', 'stdin', opts);
  } catch (err) {
    yield fromError(err, 'stdin', 'stdin');
  }
}

function looksLikeJsonLine(line: string): boolean {
  const trimmed = line.trim();
  if (/^\{\s*("|\})/.test(trimmed)) return true;
  if (!/^[[{"\-\dnft]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    // A bare number or word on its own is JSON too, but also a plausible one-word headline:
    // only objects, arrays and null count.
    return /^[[{]|^null$/.test(trimmed);
  } catch {
    return /^\{/.test(trimmed);
  }
}

/**
 * Every input spec (file, directory, `-`) to articles or error records, in order, streamed:
 * each input yields exactly one item per article it holds, or one error.
 */
export async function* readInputs(specs: Iterable<string>, opts: ReadOptions): AsyncGenerator<InputItem> {
  const state: WalkState = {
    visited: new Set(), ancestors: [], skip: new Set((opts.skip ?? []).map((p) => path.resolve(p))), filter: pathFilter(opts.include, opts.ignore),
  };
  for (const spec of specs) {
    if (spec === '-') {
      yield* readStdin(opts);
      continue;
    }
    let info;
    let real: string;
    try {
      info = await stat(spec);
      real = await realpath(spec);
    } catch (err) {
      yield fromError(err, spec, spec);
      continue;
    }
    if (state.visited.has(real)) continue; // named twice, or inside a folder already walked
    // Config include/ignore apply to files named on the command line too (pre-commit passes lists).
    if (!info.isDirectory() && !state.filter.keepFile(path.relative(opts.cwd ?? process.cwd(), spec).split(path.sep).join('/'))) continue;
    let count = 0;
    const items = info.isDirectory() ? walkDirectory(spec, opts, state) : readFileInput(spec, spec, opts);
    if (!info.isDirectory()) state.visited.add(real);
    for await (const item of items) {
      count++;
      yield item;
    }
    if (count === 0 && !opts.allowEmpty) {
      yield errorItem(spec, 'E_EMPTY', `${spec}: holds no articles${info.isDirectory() ? ' (no .md, .html, .txt, .json or .jsonl files)' : ''}; pass --allow-empty if that is expected`, spec);
    }
  }
}

/** A one-off article from `--headline TEXT --body-file F`. */
export async function readOneOff(headline: string, bodyFile: string, opts: ReadOptions): Promise<InputItem> {
  try {
    const body = bodyFile === '-' ? await readAll(opts.stdin ?? process.stdin) : decodeText(await readFile(bodyFile), bodyFile);
    return finish({ headline, body, line: 1, column: 1 }, bodyFile, bodyFile, bodyFile === '-' ? 'stdin' : bodyFile, opts);
  } catch (err) {
    return fromError(err, bodyFile, bodyFile);
  }
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return decodeText(Buffer.concat(chunks), 'stdin');
}

async function readHead(file: string, bytes: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
