import type { Reason, ReasonKind, Sentence, Span } from '../types.js';

export interface PhraseMatch {
  text: string;
  /** Offset in the searched text. */
  index: number;
}

const compiled = new Map<string, RegExp>();

/** One case-insensitive regex for a phrase list; letters at either end get word boundaries. */
export function phraseRegExp(phrases: readonly string[]): RegExp {
  const key = phrases.join('\u0000');
  let re = compiled.get(key);
  if (!re) {
    const alternatives = [...phrases].sort((a, b) => b.length - a.length).map((p) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`);
    re = new RegExp(alternatives.join('|'), 'giu');
    if (compiled.size > 200) compiled.clear();
    compiled.set(key, re);
  }
  return re;
}

export function findPhrases(text: string, phrases: readonly string[]): PhraseMatch[] {
  const re = phraseRegExp(phrases);
  re.lastIndex = 0;
  const found: PhraseMatch[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    found.push({ text: m[0], index: m.index });
  }
  return found;
}

/** Replaces matched phrases with spaces (same length), so offsets stay valid. */
export function maskPhrases(text: string, phrases: readonly string[]): string {
  return text.replace(phraseRegExp(phrases), (m) => ' '.repeat(m.length));
}

export function bodySpan(sentence: Sentence, match: PhraseMatch): Span {
  return {
    text: match.text,
    start: sentence.start + match.index,
    end: sentence.start + match.index + match.text.length,
    in: 'body',
    sentence: sentence.index,
  };
}

export function headlineSpan(match: PhraseMatch): Span {
  return { text: match.text, start: match.index, end: match.index + match.text.length, in: 'headline' };
}

export function reason(kind: ReasonKind, message: string, span?: Span): Reason {
  return span ? { kind, message, span } : { kind, message };
}
