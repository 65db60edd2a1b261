import type { Reason, Sentence } from '../types.js';
import { bodySpan, findPhrases, reason } from './match.js';
import { HEADLINE_ATTRIBUTION, HEDGES } from './phrases.js';

/**
 * Hedge or modality in the body that the headline drops: the body says "may", "is
 * considering", "does not rule out"… and the headline states the thing as done.
 */
export function hedgeSignal(headline: string, evidence: Sentence[], extraHedges: readonly string[] = []): Reason[] {
  const hedges = [...HEDGES, ...extraHedges];
  if (findPhrases(headline, hedges).length > 0 || findPhrases(headline, HEADLINE_ATTRIBUTION).length > 0) return [];
  const reasons: Reason[] = [];
  for (const sentence of evidence) {
    const match = findPhrases(sentence.text, hedges)[0];
    if (match) {
      reasons.push(reason('hedge', `The body hedges ("${match.text.trim()}") where the headline states it as fact.`, bodySpan(sentence, match)));
    }
  }
  return reasons;
}
