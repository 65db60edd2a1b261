import { createReadStream } from 'node:fs';
import { open, readFile, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { decodeText } from './decode.js';
import { parseHtml } from './html.js';
import { InputError } from './input-error.js';
import { errorItem, finish, fromError, type InputItem, type ReadOptions, readJsonlStream } from './items.js';
import { parseMarkdown } from './markdown.js';
import { parsePlainText } from './plain-text.js';
import { validateRecord } from './record.js';
import { pathFilter, type PathFilter } from './glob.js';
import { readAll, readStdin } from './read-stdin.js';

export { DEFAULT_MAX_BODY_BYTES, anchorsIn, parseJsonlLine, maxLineBytes } from './items.js';
export type { InputItem, ReadOptions } from './items.js';

const FORMATS: Record<string, 'markdown' | 'html' | 'text' | 'json' | 'jsonl'> = {
  '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html',
  '.txt': 'text', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
};

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
