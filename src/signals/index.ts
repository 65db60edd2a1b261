import type { Reason, Sentence } from '../types.js';
import { attributionSignal } from './attribution.js';
import { hedgeSignal } from './hedge.js';
import { negationSignal, oppositeSignal } from './negation.js';
import { numberSignal } from './numbers.js';
import { scopeSignal } from './scope.js';

export interface SignalPhrases {
  hedges?: string[];
  attributions?: string[];
}

/** Every signal over the evidence sentences, in a fixed order. */
export function runSignals(headline: string, evidence: Sentence[], phrases: SignalPhrases = {}): Reason[] {
  return [
    ...hedgeSignal(headline, evidence, phrases.hedges),
    ...attributionSignal(headline, evidence, phrases.attributions),
    ...numberSignal(headline, evidence),
    ...scopeSignal(headline, evidence),
    ...negationSignal(headline, evidence),
    ...oppositeSignal(headline, evidence),
  ];
}

export { attributionSignal, headlineAttributes } from './attribution.js';
export { hedgeSignal } from './hedge.js';
export { negationSignal, oppositeSignal } from './negation.js';
export { numberSignal, extractQuantities, isInflation } from './numbers.js';
export { scopeSignal } from './scope.js';
export * as phrases from './phrases.js';
