import { contentTokens } from '../nli/relevance.js';
import type { Reason, Sentence } from '../types.js';
import { bodySpan, findPhrases, maskPhrases, reason } from './match.js';
import { HEDGES, NEGATIONS, OPPOSITES } from './phrases.js';

const NEGATION_WORDS = NEGATIONS.map((n) => (n === "n't" ? "\\p{L}+n't" : n));

/** Negations that are not hedges ("does not rule out" is a hedge, not a denial). */
function negationsIn(text: string): ReturnType<typeof findPhrases> {
  return findPhrases(maskPhrases(text, HEDGES), NEGATION_WORDS);
}

/** The body negates what the headline asserts (or the other way round). */
export function negationSignal(headline: string, evidence: Sentence[]): Reason[] {
  const headlineNegated = negationsIn(headline).length > 0;
  const reasons: Reason[] = [];
  for (const sentence of evidence) {
    const found = negationsIn(sentence.text)[0];
    if (!headlineNegated && found) {
      reasons.push(reason('negation', `The body says "${found.text}" where the headline has no negation.`, bodySpan(sentence, found)));
    } else if (headlineNegated && !found) {
      reasons.push(reason('negation', 'The headline is negated; this body sentence is not.', { text: sentence.text, start: sentence.start, end: sentence.end, in: 'body', sentence: sentence.index }));
    }
  }
  return reasons;
}

/** Share of the headline's other content words (the outcome word left out) found in the sentence. */
function aboutTheSame(headline: string, outcome: string, sentence: string): boolean {
  const skip = new Set(contentTokens(outcome));
  const wanted = contentTokens(headline).filter((t) => !skip.has(t));
  if (wanted.length === 0) return true;
  const have = new Set(contentTokens(sentence));
  return wanted.filter((t) => have.has(t)).length / wanted.length >= 0.3;
}

/**
 * Opposite outcomes: rose vs fell, approved vs rejected, reopens vs remains closed, in a
 * sentence about the same thing (it shares the headline's other words).
 */
export function oppositeSignal(headline: string, evidence: Sentence[]): Reason[] {
  const reasons: Reason[] = [];
  for (const [a, b] of OPPOSITES) {
    for (const [mine, theirs] of [[a, b], [b, a]] as const) {
      const said = findPhrases(headline, [mine])[0];
      if (!said || findPhrases(headline, [theirs]).length > 0) continue;
      for (const sentence of evidence) {
        const opposite = findPhrases(sentence.text, [theirs])[0];
        if (opposite && findPhrases(sentence.text, [mine]).length === 0 && aboutTheSame(headline, said.text, sentence.text)) {
          reasons.push(reason('opposite', `The body says "${opposite.text}" where the headline says "${said.text}".`, bodySpan(sentence, opposite)));
          break;
        }
      }
    }
  }
  return reasons;
}
