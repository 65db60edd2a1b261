import type { Reason, Sentence } from '../types.js';
import { bodySpan, headlineSpan, reason } from './match.js';

export type NumberKind = 'percent' | 'money' | 'count';

export interface Quantity {
  value: number;
  kind: NumberKind;
  text: string;
  index: number;
}

const WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
  hundreds: 100, thousands: 1000, millions: 1e6, dozens: 12,
};
const SCALE: Record<string, number> = {
  k: 1e3, thousand: 1e3, m: 1e6, mn: 1e6, million: 1e6, bn: 1e9, billion: 1e9, tn: 1e12, trillion: 1e12,
};
const NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])([$£€¥]\s?)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|` +
    Object.keys(WORDS).join('|') +
    String.raw`)(?:\s?(k|thousand|mn|m|million|bn|billion|tn|trillion)(?![\p{L}]))?(\s?(?:%|per ?cent|percent|percentage points?))?(?![\p{L}\p{N}])`,
  'giu',
);

/** Figures in a text: 40, 3.5%, $1.2bn, "nine per cent", "400,000". Years and ordinals are left out. */
export function extractQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const [whole, currency, digits, scale, percent] = m;
    const lower = digits!.toLowerCase();
    let value = WORDS[lower] ?? Number(lower.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    if (scale) value *= SCALE[scale.toLowerCase()] ?? 1;
    const isYear = !currency && !scale && !percent && /^(1[89]\d\d|20\d\d)$/.test(digits!);
    if (isYear) continue;
    // "one" alone is mostly a pronoun ("one of the…", "no one"); keep it only with a unit.
    if (lower === 'one' && !scale && !percent) continue;
    const kind: NumberKind = percent ? 'percent' : currency || /\b(pounds|dollars|euros)\b/i.test(text.slice(m.index + whole.length, m.index + whole.length + 10)) ? 'money' : 'count';
    out.push({ value, kind, text: whole.trim(), index: m.index });
  }
  return out;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.01 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Figures in the headline against the figures in the evidence: an inflated headline figure
 * ("400" where the body says "around 40") is overstatement; a different one is flagged too.
 */
export function numberSignal(headline: string, evidence: Sentence[]): Reason[] {
  const reasons: Reason[] = [];
  const inBody = evidence.flatMap((sentence) => extractQuantities(sentence.text).map((q) => ({ q, sentence })));
  for (const h of extractQuantities(headline)) {
    const comparable = inBody.filter(({ q }) => q.kind === h.kind);
    if (comparable.length === 0 || comparable.some(({ q }) => same(q.value, h.value))) continue;
    const smaller = comparable.filter(({ q }) => q.value < h.value);
    const closest = (smaller.length > 0 ? smaller : comparable).reduce((best, c) =>
      Math.abs(Math.log(c.q.value || 1) - Math.log(h.value || 1)) < Math.abs(Math.log(best.q.value || 1) - Math.log(h.value || 1)) ? c : best);
    if (smaller.length === comparable.length) {
      reasons.push(reason('number', `The headline's figure "${h.text}" is bigger than the body's "${closest.q.text}".`,
        bodySpan(closest.sentence, { text: closest.q.text, index: closest.q.index })));
    } else {
      reasons.push(reason('number', `The headline's figure "${h.text}" does not match the body's "${closest.q.text}".`,
        headlineSpan({ text: h.text, index: h.index })));
    }
  }
  return reasons;
}

/** True when a number reason says the headline inflated a figure. */
export function isInflation(r: Reason): boolean {
  return r.kind === 'number' && r.message.includes('is bigger than');
}
