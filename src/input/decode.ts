import { InputError } from './input-error.js';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of control bytes (other than tab, CR, LF, FF) above which a file is taken as binary. */
const BINARY_CONTROL_SHARE = 0.1;

/**
 * Bytes to text: rejects binary files and invalid UTF-8 with a fix-it message, drops a
 * UTF-8 BOM, and normalises CRLF and lone CR line ends to LF.
 */
export function decodeText(bytes: Uint8Array, where: string): string {
  if (bytes.length === 0) {
    throw new InputError('E_EMPTY', `${where}: file is empty; give it a headline and a body`);
  }
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) {
      throw new InputError('E_BINARY', `${where}: looks like a binary file (NUL bytes); pass .md, .html, .txt, .json or .jsonl text`);
    }
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) control++;
  }
  if (control / sample.length > BINARY_CONTROL_SHARE) {
    throw new InputError('E_BINARY', `${where}: looks like a binary file; pass .md, .html, .txt, .json or .jsonl text`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new InputError('E_ENCODING', `${where}: invalid UTF-8 at byte ${offset}; re-save the file as UTF-8`);
  }
  return normaliseLineEnds(text.replace(/^\uFEFF/, ''));
}

export function normaliseLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search on the longest valid prefix; a prefix may end mid-character, so allow 3 bytes slack.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}
