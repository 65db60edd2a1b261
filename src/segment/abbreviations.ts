/**
 * Abbreviations that end in a period but rarely end a sentence. Kept as data so that a
 * newsroom can see (and tests can pin) exactly what the splitter treats as non-final.
 */

/** Titles and words that are always followed by more of the same sentence. */
export const NEVER_FINAL = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr',
  'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'det', 'mt', 'ft', 'vs', 'v',
  'no', 'nos', 'fig', 'figs', 'vol', 'pp', 'p', 'para', 'approx', 'est', 'dept', 'e.g', 'i.e',
  'cf', 'ca', 'c', 'al', 'op',
]);

/** Month abbreviations: not final when a day or year number follows ("Jan. 5"). */
export const MONTHS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Abbreviations that can end a sentence ("moved to the U.S."): final only when the next
 * word is a common sentence opener.
 */
export const SOMETIMES_FINAL = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'inc', 'corp', 'co', 'ltd', 'plc', 'llc', 'bros', 'etc', 'a.m', 'p.m',
]);

export const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those',
  'but', 'and', 'in', 'on', 'at', 'after', 'before', 'when', 'while', 'its', 'his', 'her', 'their',
  'there', 'however', 'meanwhile', 'officials', 'police', 'some', 'many', 'no', 'one', 'if', 'as',
]);
