import type { Reason, Sentence } from '../types.js';
import { bodySpan, findPhrases, reason } from './match.js';
import { LIMITERS, UNIVERSALS } from './phrases.js';

/** A headline claim about a whole group: "all", "every", or a bare plural after its/their/the. */
function universalIn(headline: string): string | undefined {
  const universal = findPhrases(headline, UNIVERSALS)[0];
  if (universal) return universal.text;
  return /\b(?:its|their)\s+(\p{L}+s)\b/iu.exec(headline)?.[0];
}

/**
 * Scope widened: the body speaks of one branch, three schools, some patients; the headline
 * of all of them.
 */
export function scopeSignal(headline: string, evidence: Sentence[]): Reason[] {
  const universal = universalIn(headline);
  if (!universal || findPhrases(headline, LIMITERS).length > 0) return [];
  const reasons: Reason[] = [];
  for (const sentence of evidence) {
    const limiter = findPhrases(sentence.text, LIMITERS)[0];
    if (limiter) {
      reasons.push(reason('scope', `The body limits the claim ("${limiter.text}") where the headline says "${universal}".`, bodySpan(sentence, limiter)));
    }
  }
  return reasons;
}
