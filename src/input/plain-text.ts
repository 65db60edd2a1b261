import type { ParsedArticle } from './record.js';

/** First non-empty line is the headline, the rest is the body. */
export function parsePlainText(text: string): ParsedArticle {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => l.trim().length > 0);
  if (index < 0) return { headline: '', body: '' };
  const raw = lines[index]!;
  const bodyLines = lines.slice(index + 1);
  return {
    headline: raw.trim(),
    body: bodyLines.join('\n'),
    line: index + 1,
    column: raw.length - raw.trimStart().length + 1,
    segments: bodyLines.map((l, i) => ({ text: l.trim(), line: index + 2 + i, column: l.length - l.trimStart().length + 1 })).filter((seg) => seg.text),
  };
}
