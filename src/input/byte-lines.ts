import type { Readable } from 'node:stream';

export interface ByteLine {
  /** 1-based line number. */
  line: number;
  text?: string;
  /** Set when the line is not valid UTF-8 (the other lines still come through). */
  invalidUtf8?: boolean;
  /** Set when the line ran past maxLineBytes: its bytes were dropped as they came, not held. */
  tooLong?: number;
}

export interface ByteLineOptions {
  /** Longest line kept, in bytes; a longer one is reported as `tooLong` and the rest go on. */
  maxLineBytes?: number;
}

/**
 * Splits a byte stream into lines (LF, CRLF or lone CR) without holding more than one line
 * in memory (and never more than maxLineBytes of it), decoding each line as strict UTF-8 so one
 * bad line does not spoil the rest. Linear in the input: a line's pieces are joined once.
 */
export async function* byteLines(stream: Readable, options: ByteLineOptions = {}): AsyncGenerator<ByteLine> {
  const max = options.maxLineBytes ?? Infinity;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = 0;
  let lineNo = 0;
  let skipLf = false;
  const take = (piece: Buffer) => {
    if (overflow > 0 || length + piece.length > max) {
      overflow += (overflow === 0 ? length : 0) + piece.length;
      parts = [];
      length = 0;
      return;
    }
    if (piece.length > 0) {
      parts.push(piece);
      length += piece.length;
    }
  };
  const emit = (): ByteLine => {
    lineNo++;
    if (overflow > 0) {
      const bytes = overflow;
      overflow = 0;
      return { line: lineNo, tooLong: bytes };
    }
    const bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    parts = [];
    length = 0;
    const raw = lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    try {
      return { line: lineNo, text: decoder.decode(raw) };
    } catch {
      return { line: lineNo, invalidUtf8: true };
    }
  };
  for await (const chunk of stream) {
    let data: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    if (skipLf && data[0] === 0x0a) data = data.subarray(1);
    skipLf = false;
    let start = 0;
    for (let i = 0; i < data.length; i++) {
      const byte = data[i];
      if (byte !== 0x0a && byte !== 0x0d) continue;
      take(data.subarray(start, i));
      yield emit();
      if (byte === 0x0d) {
        if (i + 1 < data.length) {
          if (data[i + 1] === 0x0a) i++;
        } else skipLf = true;
      }
      start = i + 1;
    }
    // Copy: the stream may reuse its chunk buffers.
    if (start < data.length) take(Buffer.from(data.subarray(start)));
  }
  if (length > 0 || overflow > 0) yield emit();
}
