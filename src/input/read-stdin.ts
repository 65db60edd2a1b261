import type { Readable } from 'node:stream';
import { byteLines } from './byte-lines.js';
import { decodeText } from './decode.js';
import { errorItem, finish, fromError, type InputItem, jsonlItem, maxLineBytes, type ReadOptions } from './items.js';
import { parsePlainText } from './plain-text.js';

/** Lines looked at to tell JSONL from a plain-text article on stdin. */
const SNIFF_LINES = 5;

/**
 * Text on stdin: JSONL or one plain-text article. `auto` reads JSONL when any of the first five
 * non-empty lines is JSON (an object, or a value such as `null` that JSONL would report as a bad
 * record) or starts like an object; a headline and body rarely do. Lines are decoded one by one,
 * so a bad first line is one error, not the loss of the stream.
 */
export async function* readStdin(opts: ReadOptions): AsyncGenerator<InputItem> {
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

/** All of a stream, decoded as UTF-8 (a one-off body from stdin). */
export async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return decodeText(Buffer.concat(chunks), 'stdin');
}
