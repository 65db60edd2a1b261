import { looksPlural } from './plural.js';

/**
 * One extractor for the figures in headlines and bodies: value or interval, unit, approximation,
 * level or change, multiplier, direction and the thing counted. Hand-written because the
 * figures headlines use ("three dozen", "nine in ten", "a third", "doubles", "6bn") need
 * the combination of all of these, and compare only like with like.
 */

export type QuantityUnit = 'percent' | 'points' | 'money' | 'count' | 'measure' | 'ratio';

export interface Quantity {
  /** The figure (for intervals, the midpoint); percent for shares ("a third" = 33.3). */
  value: number;
  low: number;
  high: number;
  unit: QuantityUnit;
  /** Currency or measure name (eur, usd, gbp, km, tonne…), when given. */
  unitName?: string;
  /** about / more-than / less-than / exact: widens what counts as the same figure. */
  approx: 'exact' | 'about' | 'more-than' | 'less-than';
  /** A change ("rose by 3 %", "doubles") rather than a level ("at 3 %", "to 3 %"). */
  change: boolean;
  /** +1 up, -1 down, 0 not said. */
  direction: -1 | 0 | 1;
  /** The stemmed word after the figure ("36 people" → "peopl"), when there is one. */
  noun?: string;
  text: string;
  index: number;
}

const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, a: 1, an: 1,
};
const SCALE: Record<string, number> = {
  dozen: 12, dozens: 12, hundred: 100, hundreds: 100, thousand: 1e3, thousands: 1e3, k: 1e3, million: 1e6, millions: 1e6,
  m: 1e6, mn: 1e6, billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};
// What a bare plural scale word spans ("hundreds" is 200–999); "tens" only before "of thousands".
const PLURAL_SCALE: Record<string, [number, number]> = {
  dozens: [24, 99], tens: [20, 99], hundreds: [200, 999], thousands: [2e3, 99_999], millions: [2e6, 999e6], billions: [2e9, 999e9],
};
const FRACTIONS: Record<string, number> = {
  half: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fifth: 20, fifths: 20, tenth: 10, tenths: 10,
};
const MULTIPLIERS: Record<string, number> = {
  double: 2, doubles: 2, doubled: 2, doubling: 2, triple: 3, triples: 3, tripled: 3, tripling: 3,
  quadruple: 4, quadruples: 4, quadrupled: 4, halve: 0.5, halves: 0.5, halved: 0.5, halving: 0.5,
};
const CURRENCY_SYMBOL: Record<string, string> = { $: 'usd', '£': 'gbp', '€': 'eur', '¥': 'jpy' };
const CURRENCY_WORD = /^(euros?|dollars?|pounds?|yen|francs?|kronor|krona|rupees?|yuan|pesos?)\b/i;
const MEASURE_WORD = /^(km|kilomet(?:re|er)s?|miles?|metres?|meters?|m2|tonnes?|tons?|kg|kilos?|kilograms?|litres?|liters?|degrees?|hours?|days?|weeks?|months?|years?|mph|km\/h|acres?|hectares?|gigawatts?|megawatts?|gw|mw)\b/i;
const UP = /\b(?:ris(?:e|es|en|ing)|rose|up|increas\w*|gr[eo]w\w*|climb\w*|jump\w*|soar\w*|surg\w*|gain\w*|boost\w*|rais\w*|hik\w*|higher|more|expand\w*)\s*(?:by|to|from)?\s*$/i;
const DOWN = /\b(?:f[ae]ll(?:s|en|ing)?|down|decreas\w*|drop\w*|declin\w*|eas(?:e|es|ed|ing)|slump\w*|plung\w*|shr[iau]nk\w*|cut\w*|los[et]\w*|lower|fewer|reduc\w*|slid\w*|dip\w*)\s*(?:by|to|from)?\s*$/i;
const NUMBER_WORD = Object.keys(SMALL).filter((w) => w !== 'a' && w !== 'an').join('|');

// One pass over the text; alternatives are ordered so the longest reading wins.
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?:` +
    // 1: "nine in ten", "one in five"
    String.raw`(?<inA>\d+|${NUMBER_WORD}) (?:in|out of) (?<inB>\d+|${NUMBER_WORD})` +
    // 2: fractions: "a third", "two-thirds", "half"
    String.raw`|(?<fracN>a|an|one|two|three|${NUMBER_WORD})?[\s-]?(?<frac>half|thirds?|quarters?|fifths?|tenths?)(?! of a (?:mile|century|hour))` +
    // 3: currency, number, scale, unit
    String.raw`|(?<cur>[$£€¥]\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|${NUMBER_WORD}|a|an)` +
    String.raw`(?:(?:\s?(?:-|to|and)\s?)(?<num2>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))?` +
    String.raw`(?<scale>\s?(?:dozens?|hundreds?|thousands?|millions?|billions?|trillion|bn|mn|tn|k|m|b)(?![\p{L}]))?` +
    String.raw`(?<pct>\s?(?:%|per ?cent|percent|percentage points?|points?\b|pts\b))?` +
    String.raw`)(?![\p{L}\p{N}])`,
  'giu',
);
const APPROX_BEFORE: Array<[RegExp, Quantity['approx']]> = [
  [/\b(?:about|around|roughly|nearly|almost|approximately|some|close to|an estimated|up to|circa|c\.)\s*$/i, 'about'],
  [/\b(?:more than|over|at least|upwards of|in excess of|above)\s*$/i, 'more-than'],
  [/\b(?:less than|under|fewer than|below|at most)\s*$/i, 'less-than'],
];

/**
 * The thing counted: the first plural noun among the next three words ("30 fraud charges" →
 * charge, "36 people" → people); singular and plural meet ("charges" / "charge"). None when no
 * plural follows ("50,000 without power", "10 million a year"): then only the size decides.
 */
function countedNoun(after: string): string | undefined {
  const ws = (after.match(/^(?:(?:more|extra|new|additional|fewer|of the|of)\s+)?((?:\p{L}[\p{L}'’-]*\s*){1,3})/u)?.[1] ?? '').split(/\s+/).filter((w) => w.length >= 3);
  const word = ws.find(looksPlural);
  return word?.toLowerCase().replace(/(?:ies)$/, 'y').replace(/(?<=\w{3})s$/, '').replace(/e$/, '');
}

function parseNumber(token: string): number {
  const lower = token.toLowerCase();
  return SMALL[lower] ?? Number(lower.replace(/,/g, ''));
}

/** Figures in a text, in order. Years, ordinals and a bare "one" / "a" are left out. */
export function extractQuantities(text: string): Quantity[] {
  const out: Quantity[] = [];
  FIGURE.lastIndex = 0;
  for (let m = FIGURE.exec(text); m; m = FIGURE.exec(text)) {
    const g = m.groups ?? {};
    const whole = m[0];
    if (!whole.trim()) {
      FIGURE.lastIndex++;
      continue;
    }
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + whole.length, m.index + whole.length + 30).replace(/^\s+/, '');
    let value: number;
    let low: number;
    let high: number;
    let unit: QuantityUnit = 'count';
    let unitName: string | undefined;
    if (g.inA) {
      value = (100 * parseNumber(g.inA)) / parseNumber(g.inB!);
      low = high = value;
      unit = 'percent';
    } else if (g.frac) {
      const n = g.fracN && !/^an?$/i.test(g.fracN) ? parseNumber(g.fracN) : 1;
      value = n * FRACTIONS[g.frac.toLowerCase()]!;
      low = high = value;
      unit = 'percent';
    } else {
      const num = g.num!;
      if (/^an?$/i.test(num) && !(g.scale && /dozen/i.test(g.scale))) continue;
      const scaleWord = g.scale?.trim().toLowerCase();
      const hasUnit = Boolean(g.cur || scaleWord || g.pct);
      if (/^one$/i.test(num) && !hasUnit) continue; // "one of the…", "no one"
      if (!hasUnit && !g.num2 && /^(1[5-9]\d\d|20\d\d)$/.test(num)) continue; // a year
      if (/^(st|nd|rd|th)\b/i.test(after)) continue;
      // "m" / "b" / "k" alone are scales only straight after digits or a currency.
      if (scaleWord && /^[mbk]$/.test(scaleWord) && (!/\d$/.test(num) || /^\s/.test(g.scale!))) continue;
      const scale = scaleWord ? SCALE[scaleWord] ?? 1 : 1;
      low = parseNumber(num) * scale;
      high = g.num2 ? parseNumber(g.num2) * scale : low;
      value = (low + high) / 2;
      if (g.pct) unit = /point|pts/i.test(g.pct) ? 'points' : 'percent';
      else if (g.cur) {
        unit = 'money';
        unitName = CURRENCY_SYMBOL[g.cur.trim()];
      } else if (CURRENCY_WORD.test(after)) {
        unit = 'money';
        unitName = CURRENCY_WORD.exec(after)![1]!.toLowerCase().replace(/s$/, '').replace(/^euro$/, 'eur').replace(/^dollar$/, 'usd').replace(/^pound$/, 'gbp');
      } else if (MEASURE_WORD.test(after)) {
        unit = 'measure';
        unitName = MEASURE_WORD.exec(after)![1]!.toLowerCase().replace(/s$/, '');
      }
    }
    if (!Number.isFinite(value)) continue;
    const approx = APPROX_BEFORE.find(([re]) => re.test(before))?.[1] ?? (g.num2 ? 'about' : 'exact');
    const direction: -1 | 0 | 1 = UP.test(before) ? 1 : DOWN.test(before) ? -1 : 0;
    // "rose by 3 %" / "up 3 %" is a change; "rose to 3 %" and "down from 3.6 %" are levels.
    const change = (direction !== 0 && !/\b(?:to|from|at)\s*$/i.test(before)) || /^(?:up|down|more|less|higher|lower|rise|increase|fall|drop)\b/i.test(after);
    const noun = unit === 'count' ? countedNoun(after) : undefined;
    out.push({ value, low, high, unit, unitName, approx, change, direction, noun, text: whole.trim(), index: m.index });
  }
  // "Hundreds of jobs", "dozens injured", "tens of thousands": a range, not a number.
  for (const m of text.matchAll(/(?<!\d[\s-]?)\b(?:(dozens|hundreds|thousands|millions|billions)|tens(?=\s+of\s+(?:thousands|millions)))(?:\s+of\s+(thousands|millions))?\b/giu)) {
    if (out.some((q) => m.index! >= q.index && m.index! < q.index + q.text.length)) continue;
    const [low0, high0] = PLURAL_SCALE[(m[1] ?? 'tens').toLowerCase()]!;
    const times = m[2] ? SCALE[m[2].toLowerCase()]! : 1;
    const [low, high] = [low0 * times, high0 * times];
    const before = text.slice(Math.max(0, m.index! - 40), m.index);
    const after = text.slice(m.index! + m[0].length, m.index! + m[0].length + 30).replace(/^\s+(?:of\s+)?/, '');
    const currency = CURRENCY_WORD.exec(after);
    const direction: -1 | 0 | 1 = UP.test(before) ? 1 : DOWN.test(before) ? -1 : 0;
    out.push({
      value: Math.sqrt(low * high), low, high, unit: currency ? 'money' : 'count', approx: 'about', change: false, direction,
      noun: currency ? undefined : countedNoun(after), text: m[0], index: m.index!,
      ...(currency ? { unitName: currency[1]!.toLowerCase().replace(/s$/, '').replace(/^euro$/, 'eur').replace(/^dollar$/, 'usd').replace(/^pound$/, 'gbp') } : {}),
    });
  }
  for (const m of text.matchAll(/\b(doubl\w+|tripl\w+|quadrupl\w+|halv\w+|halves)\b/giu)) {
    const factor = MULTIPLIERS[m[1]!.toLowerCase()];
    if (factor === undefined) continue;
    out.push({ value: (factor - 1) * 100, low: (factor - 1) * 100, high: (factor - 1) * 100, unit: 'percent', approx: 'exact', change: true, direction: factor > 1 ? 1 : -1, text: m[0], index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Same figure, given how exact each side is ("about 40" is 36–44; "more than 40" is ≥ 40). */
export function sameFigure(headline: Quantity, body: Quantity): boolean {
  const slack = (q: Quantity) => (q.approx === 'exact' ? 0.015 : 0.12);
  const tol = Math.max(slack(headline), slack(body));
  const lo = body.low * (1 - tol);
  const hi = body.high * (1 + tol);
  if (body.approx === 'more-than') return headline.value >= body.low * (1 - tol);
  if (body.approx === 'less-than') return headline.value <= body.high * (1 + tol);
  return headline.high >= lo && headline.low <= hi;
}

/** Like with like: the same kind of figure about the same counted thing. */
export function comparable(headline: Quantity, body: Quantity): boolean {
  // Headlines drop the currency: "Fare dodging costs 10 million" over "6.5 million pounds".
  if (headline.unit === 'count' && body.unit === 'money' && !headline.noun && /(?:\d[kmb]|bn|mn|thousand|million|billion|trillion)$/i.test(headline.text)) {
    const ratio = headline.value / (body.value || 1);
    return ratio > 0.05 && ratio < 20;
  }
  if (headline.unit !== body.unit) return false;
  if (headline.change !== body.change && (headline.unit === 'percent' || headline.unit === 'points')) return false;
  if (headline.unitName && body.unitName && headline.unitName !== body.unitName) return false;
  if (headline.unit === 'count') {
    if (headline.noun && body.noun) return headline.noun === body.noun;
    const ratio = headline.value / (body.value || 1);
    return ratio > 0.05 && ratio < 20;
  }
  return true;
}

export type FigureFinding =
  | { kind: 'match'; headline: Quantity; body: Quantity }
  | { kind: 'inflated'; headline: Quantity; body: Quantity }
  | { kind: 'smaller'; headline: Quantity; body: Quantity }
  | { kind: 'direction'; headline: Quantity; body: Quantity };

/**
 * Each headline figure against the body's: the same figure (in any form) is a match; a
 * comparable one moving the other way is a direction conflict; a comparable smaller one in the
 * body means the headline inflated it.
 */
export function compareFigures(headlineFigures: Quantity[], bodyFigures: Quantity[]): FigureFinding[] {
  const findings: FigureFinding[] = [];
  for (const h of headlineFigures) {
    const exact = bodyFigures.find((b) => sameFigure(h, b) && (b.unit === h.unit || b.unit === 'count' || h.unit === 'count') && !(h.noun && b.noun && h.noun !== b.noun));
    const like = bodyFigures.filter((b) => comparable(h, b));
    const reversed = like.find((b) => h.direction !== 0 && b.direction !== 0 && h.direction !== b.direction);
    if (reversed) {
      findings.push({ kind: 'direction', headline: h, body: reversed });
      continue;
    }
    if (exact) {
      findings.push({ kind: 'match', headline: h, body: exact });
      continue;
    }
    if (like.length === 0) continue;
    const smaller = like.filter((b) => b.high < h.low);
    const closest = (list: Quantity[]) => list.reduce((best, b) => (Math.abs(Math.log((b.value || 1) / (h.value || 1))) < Math.abs(Math.log((best.value || 1) / (h.value || 1))) ? b : best));
    if (smaller.length === like.length) findings.push({ kind: 'inflated', headline: h, body: closest(smaller) });
    else findings.push({ kind: 'smaller', headline: h, body: closest(like) });
  }
  return findings;
}
