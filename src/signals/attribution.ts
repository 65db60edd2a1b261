import type { Reason, Sentence } from '../types.js';
import { bodySpan, findPhrases, reason } from './match.js';
import { ATTRIBUTIONS, HEADLINE_ATTRIBUTION } from './phrases.js';

/** True when the headline itself attributes the claim ("X accuses Y", "…, police say", quotes, a colon). */
export function headlineAttributes(headline: string, extra: readonly string[] = []): boolean {
  return findPhrases(headline, [...HEADLINE_ATTRIBUTION, ...extra]).length > 0 || /:\s|["“”‘’']\S[^"“”]*["“”’']/.test(headline);
}

/**
 * The body only reports someone's claim or accusation; the headline states it as fact.
 */
export function attributionSignal(headline: string, evidence: Sentence[], extraAttributions: readonly string[] = []): Reason[] {
  if (headlineAttributes(headline, extraAttributions)) return [];
  const reasons: Reason[] = [];
  for (const sentence of evidence) {
    const match = findPhrases(sentence.text, [...ATTRIBUTIONS, ...extraAttributions])[0];
    if (match) {
      reasons.push(reason('attribution', `The body reports it as someone's claim ("${match.text}"); the headline states it as fact.`, bodySpan(sentence, match)));
    }
  }
  return reasons;
}
