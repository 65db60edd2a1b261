import { stem } from '../nli/relevance.js';
import type { Reason, Sentence } from '../types.js';
import { bodySpan, findPhrases, reason } from './match.js';
import { LIMITERS, UNIVERSALS } from './phrases.js';
import { isNotPlural } from './plural.js';

/** A limiter or a count and the next three words, among which the noun it limits ("three primary schools"). */
const LIMITED_NOUN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?<lim>(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|some|most|many|half) of (?:its|their|the) (?:\d+|\p{L}+)|${LIMITERS.join('|')}|most|many|selected|\d{1,3}(?:,\d{3})*)(?<words>(?:\s+[\p{L}'-]+){1,3})`,
  'giu',
);
// A headline plural is quantified, not generic, after a count or a scale word ("more than a
// million visitors", "2.1m pounds", "Hundreds of jobs", "Third of Marlow County farms").
const QUANTIFIER_BEFORE = new RegExp(String.raw`(?:${LIMITERS.join('|')}|most|many|selected|\d[\d,.]*(?:m|bn|k)?|half|third|quarter|hundreds?|thousands?|millions?|billions?|dozens?)\s+(?:\S+\s+){0,3}$`, 'iu');

// A number next to a month is a date ("12 April", "April 12"), not a count of the words after it.
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_WORD = new RegExp(String.raw`^${MONTH}\.?$`, 'iu');
const MONTH_BEFORE = new RegExp(String.raw`(?<![\p{L}])${MONTH}\.?\s+$`, 'iu');

const nounKey = (word: string) => stem(word.toLowerCase().replace(/ies$/, 'y').replace(/(?<=\w{3})s$/, ''));

/**
 * A headline claim about a whole group: "all", "every", or a plural after its/their. "All" and
 * "every" claim the whole group outright, and bodies narrow them in many ways ("pupils in the
 * final two years", "two of the five routes"), so any limiter counts; "its sales" is a weaker
 * claim, limited only by a limiter on the same noun ("three cities" does not limit "its sales").
 */
function universalIn(headline: string): { text: string; noun?: string } | undefined {
  const universal = findPhrases(headline, UNIVERSALS)[0];
  if (universal) return { text: universal.text };
  const possessive = /\b(?:its|their)\s+(\p{L}+s)\b/iu.exec(headline);
  return possessive ? { text: possessive[0], noun: nounKey(possessive[1]!) } : undefined;
}

/** The limiter's noun is the group's: "three shops" limits "its shops", "three cities" does not limit "its sales". */
function limitsNoun(sentence: string, limiter: { text: string; index: number }, noun: string): boolean {
  const next = sentence.slice(limiter.index + limiter.text.length).trim().split(/\s+/).slice(0, 4);
  return next.some((w) => nounKey(w.replace(/[^\p{L}'-]/gu, '')) === noun);
}

/** Plural nouns the headline states without a limiter or count ("schools shut", "all flights"). */
function unlimitedPlurals(headline: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of headline.matchAll(/\p{L}{3,}s\b/gu)) {
    if (isNotPlural(m[0]) || QUANTIFIER_BEFORE.test(headline.slice(0, m.index))) continue;
    out.set(nounKey(m[0]), m[0]);
  }
  return out;
}

/**
 * Scope widened: the body speaks of one branch, three schools, some farmers; the headline of
 * all of them, or of the bare plural.
 */
export function scopeSignal(headline: string, evidence: Sentence[]): Reason[] {
  const reasons: Reason[] = [];
  const universal = universalIn(headline);
  const headlineLimited = findPhrases(headline, LIMITERS).length > 0;
  const plurals = unlimitedPlurals(headline);
  for (const sentence of evidence) {
    if (universal && !headlineLimited) {
      const limiter = findPhrases(sentence.text, LIMITERS).find((l) => !universal.noun || limitsNoun(sentence.text, l, universal.noun));
      if (limiter) {
        reasons.push(reason('scope', `The body limits the claim ("${limiter.text}") where the headline says "${universal.text}".`, bodySpan(sentence, limiter)));
        continue;
      }
    }
    for (const m of sentence.text.matchAll(LIMITED_NOUN)) {
      const g = m.groups!;
      if (/^(?:19|20)\d\d$/.test(g.lim!)) continue;
      const words = g.words!.trim().split(/\s+/);
      if (/^\d/.test(g.lim!) && (MONTH_WORD.test(words[0]!) || MONTH_BEFORE.test(sentence.text.slice(0, m.index)))) continue;
      const at = words.findIndex((w) => plurals.has(nounKey(w)));
      if (at < 0) continue;
      const text = `${g.lim} ${words.slice(0, at + 1).join(' ')}`;
      const said = plurals.get(nounKey(words[at]!))!;
      reasons.push(reason('scope', `The body speaks of "${text}"; the headline of ${universal ? `"${universal.text}"` : `"${said}" in general`}.`, bodySpan(sentence, { text, index: m.index! })));
      break;
    }
  }
  return reasons;
}
