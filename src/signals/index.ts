import type { Reason, Sentence } from '../types.js';
import { attributionSignal } from './attribution.js';
import { conditionSignal } from './condition.js';
import { entitySignal } from './entity.js';
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
    ...conditionSignal(headline, evidence),
    ...numberSignal(headline, evidence),
    ...scopeSignal(headline, evidence),
    ...negationSignal(headline, evidence),
    ...oppositeSignal(headline, evidence),
    ...entitySignal(headline, evidence),
  ];
}

export { attributionSignal, headlineAttributes } from './attribution.js';
export { hedgeSignal } from './hedge.js';
export { negationSignal, oppositeSignal } from './negation.js';
export { numberSignal, isInflation } from './numbers.js';
export { conditionSignal } from './condition.js';
export { entitySignal, missingNames } from './entity.js';
export { extractQuantities, compareFigures, type Quantity, type FigureFinding } from './quantities.js';
export { headlineFrame, bodyFrame, type Frame } from './frame.js';
export { scopeSignal } from './scope.js';
export * as phrases from './phrases.js';
