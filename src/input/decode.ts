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

/** Index of the first byte that does not start a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      utf8.decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}
