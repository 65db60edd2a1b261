import { stem } from '../nli/relevance.js';
import { verbLike } from '../segment/split-claims.js';
import type { Reason, Sentence } from '../types.js';
import { bodySpan, reason } from './match.js';

/**
 * Another entity of the same kind: the headline's "education minister" where the body's
 * minister is "transport minister", or a name the body never mentions while it names another
 * of the same role. Compares modifier + head noun pairs, so only like with like: a name with a
 * name ("Olsby council" / "Drenford council"), a common noun with a common noun ("transport
 * minister" / "education minister"); "the town council" may well be the Drenford council, and a
 * verb before the noun ("it follows council proposals") is no modifier.
 */
const ROLE_PAIR = /(?<![\p{L}])([\p{L}][\p{L}'-]+)\s+(minister|secretary|department|ministry|team|club|striker|manager|coach|chief|director|council|school|hospital|university|company|firm|bank|party|court|union|airport|station|line|road|street|bridge|city|county|region|province|state|province|festival|museum|police)(?![\p{L}])/giu;
const NOT_MODIFIERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'this', 'that', 'new', 'former', 'local', 'senior', 'junior', 'deputy', 'prime', 'first', 'chief', 'top', 'said', 'says', 'and', 'of', 'to', 'by', 'for', 'with', 'whose', 'which', 'who', 'same', 'other']);

interface RolePair {
  modifier: string;
  /** The modifier is a name (capitalised inside its sentence). */
  proper: boolean;
  head: string;
  text: string;
  index: number;
}

function rolePairs(text: string): RolePair[] {
  const out: RolePair[] = [];
  for (const m of text.matchAll(ROLE_PAIR)) {
    const modifier = m[1]!.toLowerCase();
    if (NOT_MODIFIERS.has(modifier) || verbLike(m[1]!)) continue;
    const proper = /^\p{Lu}/u.test(m[1]!) && m.index! > 0;
    out.push({ modifier: stem(modifier), proper, head: m[2]!.toLowerCase(), text: m[0], index: m.index! });
  }
  return out;
}

export function entitySignal(headline: string, evidence: Sentence[]): Reason[] {
  const wanted = rolePairs(headline);
  if (wanted.length === 0) return [];
  const reasons: Reason[] = [];
  const bodyText = evidence.map((s) => s.text).join(' ').toLowerCase();
  for (const w of wanted) {
    if (bodyText.includes(w.text.toLowerCase())) continue;
    for (const sentence of evidence) {
      const other = rolePairs(sentence.text).find((p) => p.head === w.head && p.modifier !== w.modifier && p.proper === w.proper);
      if (other) {
        reasons.push(reason('entity', `The body's ${w.head} is "${other.text}", not "${w.text}".`, bodySpan(sentence, { text: other.text, index: other.index })));
        break;
      }
    }
  }
  return reasons;
}

/** Share of the headline's names (capitalised words) that the body never uses. */
export function missingNames(headline: string, body: string): number {
  const names = [...headline.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}'-]{2,}/gu)].map((m) => m[0].toLowerCase());
  if (names.length === 0) return 0;
  const lower = body.toLowerCase();
  return names.filter((n) => !lower.includes(n)).length / names.length;
}
