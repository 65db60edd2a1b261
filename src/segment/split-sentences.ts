import type { Sentence } from '../types.js';
import { MONTHS, NEVER_FINAL, SENTENCE_OPENERS, SOMETIMES_FINAL } from './abbreviations.js';

const BULLET = /^[ \t]*(?:[-*•‣▪–—]|\d{1,3}[.)])[ \t]+/;
const TERMINAL_AT_LINE_END = /[.!?…:"”’)\]]\s*$/;
/** Candidate boundary: terminal punctuation, closing quotes/brackets, whitespace. */
const BOUNDARY = /(\.{3}|…|[.!?]+)(["'”’)\]]*)(\s+)/g;
const OPENS_SENTENCE = /^["'“‘(\[]?[\p{Lu}\p{N}]/u;

interface Block {
  start: number;
  end: number;
}

/**
 * Splits text into blocks that sentences never cross: paragraphs, bullet items, and lines
 * that end in terminal punctuation. A line that does not end so is taken as wrapped prose
 * and joined to the next.
 */
function splitBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  const lineRe = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let blockStart = -1;
  let blockEnd = -1;
  let previousEndsSentence = true;
  for (let m = lineRe.exec(text); m && m[0].length > 0; m = lineRe.exec(text)) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lineStart = m.index;
    const lineEnd = lineStart + raw.length;
    const blank = raw.trim().length === 0;
    const bullet = BULLET.test(raw);
    if (blank || bullet || previousEndsSentence) {
      if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
      blockStart = -1;
    }
    if (!blank) {
      if (blockStart < 0) blockStart = lineStart;
      blockEnd = lineEnd;
      previousEndsSentence = TERMINAL_AT_LINE_END.test(raw);
    } else {
      previousEndsSentence = true;
    }
  }
  if (blockStart >= 0) blocks.push({ start: blockStart, end: blockEnd });
  return blocks;
}

/** The word just before a period, with inner periods kept ("U.S", "e.g"). */
function wordBefore(text: string, dotIndex: number): string {
  let i = dotIndex;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, dotIndex).replace(/^\.+/, '');
}

function isBoundary(text: string, punct: string, punctIndex: number, nextIndex: number): boolean {
  const rest = text.slice(nextIndex);
  if (!OPENS_SENTENCE.test(rest)) return false;
  if (punct !== '.') return true;
  const word = wordBefore(text, punctIndex);
  const lower = word.toLowerCase();
  const nextWord = (/^["'“‘(\[]?([\p{L}\p{N}]+)/u.exec(rest)?.[1] ?? '').toLowerCase();
  if (NEVER_FINAL.has(lower)) return false;
  if (MONTHS.has(lower) && /^\d/.test(nextWord)) return false;
  // A single capital is an initial ("J. K. Rowling"), not the end of a sentence.
  if (/^\p{Lu}$/u.test(word)) return false;
  if (SOMETIMES_FINAL.has(lower) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    return SENTENCE_OPENERS.has(nextWord);
  }
  return true;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  const bullet = BULLET.exec(text.slice(start, end));
  if (bullet) start += bullet[0].length;
  return { start, end };
}

/**
 * Body text to sentences with character offsets into `text`. Handles abbreviations, initials,
 * decimals and figures ($1.2bn), quotes and brackets after the full stop, ellipses, and
 * bullet lists (each item is at least one sentence).
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (from: number, to: number): void => {
    const span = trimmed(text, from, to);
    if (span.end > span.start && /[\p{L}\p{N}]/u.test(text.slice(span.start, span.end))) {
      sentences.push({ index: sentences.length, text: text.slice(span.start, span.end), ...span });
    }
  };
  for (const block of splitBlocks(text)) {
    const blockText = text.slice(block.start, block.end);
    // A list marker ("1.", "-") opens the item; it is not a sentence end.
    let sentenceStart = BULLET.exec(blockText)?.[0].length ?? 0;
    BOUNDARY.lastIndex = sentenceStart;
    for (let m = BOUNDARY.exec(blockText); m; m = BOUNDARY.exec(blockText)) {
      const punct = m[1]!;
      const afterClosers = m.index + punct.length + m[2]!.length;
      const next = afterClosers + m[3]!.length;
      if (isBoundary(blockText, punct.startsWith('.') && punct.length === 1 ? '.' : punct, m.index, next)) {
        push(block.start + sentenceStart, block.start + afterClosers);
        sentenceStart = next;
      }
    }
    push(block.start + sentenceStart, block.end);
  }
  return sentences;
}
