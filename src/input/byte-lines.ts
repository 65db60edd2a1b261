import type { Readable } from 'node:stream';

export interface ByteLine {
  /** 1-based line number. */
  line: number;
  text?: string;
  /** Set when the line is not valid UTF-8 (the other lines still come through). */
  invalidUtf8?: boolean;
}

/**
 * Splits a byte stream into lines (LF, CRLF or lone CR) without holding more than one line
 * in memory, decoding each line as strict UTF-8 so one bad line does not spoil the rest.
 */
export async function* byteLines(stream: Readable): AsyncGenerator<ByteLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pending: Buffer = Buffer.alloc(0);
  let lineNo = 0;
  let skipLf = false;
  const emit = (bytes: Buffer): ByteLine => {
    lineNo++;
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
      const piece = data.subarray(start, i);
      yield emit(pending.length > 0 ? Buffer.concat([pending, piece]) : piece);
      pending = Buffer.alloc(0);
      if (byte === 0x0d) {
        if (i + 1 < data.length) {
          if (data[i + 1] === 0x0a) i++;
        } else skipLf = true;
      }
      start = i + 1;
    }
    if (start < data.length) pending = Buffer.concat([pending, data.subarray(start)]);
  }
  if (pending.length > 0) yield emit(pending);
}
