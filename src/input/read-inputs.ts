import { createReadStream } from 'node:fs';
import { open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Article, ErrorCode, ErrorRecord } from '../types.js';
import { dropBoilerplate } from './boilerplate.js';
import { decodeText, normaliseLineEnds } from './decode.js';
import { parseHtml } from './html.js';
import { InputError } from './input-error.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';
import { type ParsedArticle, requireContent, validateRecord } from './record.js';
import { byteLines } from './byte-lines.js';
import { globToRegExp } from './glob.js';

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
  return {
    article: {
      id: checked.id ?? fallbackId,
      headline: checked.headline,
      body: checked.body,
      source: file ? { file, line: checked.line, column: checked.column } : undefined,
    },
  };
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
    const parsed = validateRecord(value, where);
    return finish({ ...parsed, line: lineNo, column: 1 }, where, where, file, opts);
  } catch (err) {
    const id = (() => {
      try {
        const v = JSON.parse(line) as { id?: unknown };
        return typeof v?.id === 'string' || typeof v?.id === 'number' ? String(v.id) : where;
      } catch {
        return where;
      }
    })();
    return fromError(err, id, file, lineNo);
  }
}

async function* readJsonlStream(stream: Readable, label: string, file: string | undefined, opts: ReadOptions): AsyncGenerator<InputItem> {
  for await (const { line, text, invalidUtf8 } of byteLines(stream)) {
    const where = `${label}:${line}`;
    if (invalidUtf8) {
      yield errorItem(where, 'E_ENCODING', `${where}: invalid UTF-8; re-save the file as UTF-8`, file, line);
    } else if (text !== undefined && text.trim().length > 0) {
      yield parseJsonlLine(text, where, file, line, opts);
    }
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
  const parsed = format === 'markdown' ? parseMarkdown(text, where) : format === 'html' ? parseHtml(text) : parsePlainText(text);
  return [finish(parsed, where, where, file, opts)];
}

async function* readFileInput(file: string, display: string, opts: ReadOptions): AsyncGenerator<InputItem> {
  const format = FORMATS[path.extname(file).toLowerCase()];
  if (!format) {
    yield errorItem(display, 'E_UNSUPPORTED', `${display}: unknown file type "${path.extname(file) || '(none)'}"; use .md, .html, .txt, .json or .jsonl`, display);
    return;
  }
  if (format === 'jsonl') {
    try {
      const head = await readHead(file, 8192);
      if (head.length === 0) throw new InputError('E_EMPTY', `${display}: file is empty; put one JSON object per line`);
      if (head.includes(0)) throw new InputError('E_BINARY', `${display}: looks like a binary file (NUL bytes); expected JSON lines`);
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

async function* walkDirectory(dir: string, opts: ReadOptions, seen: Set<string>): AsyncGenerator<InputItem> {
  const cwd = opts.cwd ?? process.cwd();
  const include = (opts.include ?? []).map(globToRegExp);
  const ignore = (opts.ignore ?? ['**/node_modules/**', '**/.git/**']).map(globToRegExp);
  let real: string;
  try {
    real = await realpath(dir);
  } catch (err) {
    yield fromError(err, dir, dir);
    return;
  }
  if (seen.has(real)) {
    yield errorItem(dir, 'E_LOOP', `${dir}: directory symlink loop (already visited ${real}); skipped`, dir);
    return;
  }
  seen.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (err) {
    yield fromError(err, dir, dir);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(cwd, full).split(path.sep).join('/');
    if (ignore.some((re) => re.test(rel) || re.test(`${rel}/`))) continue;
    let info;
    try {
      info = entry.isSymbolicLink() ? await stat(full) : entry;
    } catch (err) {
      yield fromError(err, full, full);
      continue;
    }
    if (info.isDirectory()) {
      yield* walkDirectory(full, opts, seen);
    } else if (info.isFile() && FORMATS[path.extname(entry.name).toLowerCase()]) {
      if (include.length > 0 && !include.some((re) => re.test(rel))) continue;
      yield* readFileInput(full, full, opts);
    }
  }
}

/** Text on stdin: JSONL when the first non-empty line is a JSON object, else one plain-text article. */
async function* readStdin(opts: ReadOptions): AsyncGenerator<InputItem> {
  const buffered: string[] = [];
  let mode: 'jsonl' | 'text' | undefined;
  for await (const { line, text, invalidUtf8 } of byteLines(opts.stdin ?? process.stdin)) {
    if (mode === undefined && text !== undefined) {
      if (text.trim().length === 0) continue;
      mode = isJsonObjectLine(text) ? 'jsonl' : 'text';
    }
    if (mode === 'jsonl') {
      const where = `stdin:${line}`;
      if (invalidUtf8) yield errorItem(where, 'E_ENCODING', `${where}: invalid UTF-8; send UTF-8 text`, 'stdin', line);
      else if (text !== undefined && text.trim().length > 0) yield parseJsonlLine(text, where, 'stdin', line, opts);
    } else if (invalidUtf8) {
      yield errorItem('stdin', 'E_ENCODING', `stdin: invalid UTF-8 on line ${line}; send UTF-8 text`, 'stdin', line);
      return;
    } else if (text !== undefined) {
      buffered.push(text);
    }
  }
  if (mode === 'jsonl') return;
  const text = buffered.join('\n');
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

function isJsonObjectLine(line: string): boolean {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return false;
  try {
    const value = JSON.parse(trimmed) as unknown;
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  } catch {
    // A broken first record still means JSONL when it looks like one: report it, go on.
    return /^\{\s*"/.test(trimmed);
  }
}

/**
 * Every input spec (file, directory, `-`) to articles or error records, in order, streamed:
 * each input yields exactly one item per article it holds, or one error.
 */
export async function* readInputs(specs: Iterable<string>, opts: ReadOptions): AsyncGenerator<InputItem> {
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec === '-') {
      yield* readStdin(opts);
      continue;
    }
    let info;
    try {
      info = await stat(spec);
    } catch (err) {
      yield fromError(err, spec, spec);
      continue;
    }
    if (info.isDirectory()) yield* walkDirectory(spec, opts, seen);
    else yield* readFileInput(spec, spec, opts);
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
