export { decide } from './decide.js';
export type { Decision, DecisionInput } from './decide.js';
export { DEFAULT_THRESHOLDS, parseThresholds } from './thresholds.js';
export type { Thresholds } from './thresholds.js';
export { aggregate, focusPremises, rankPremises, keySentence, toEvidence } from './aggregate.js';
export type { RankedPremise, Focus } from './aggregate.js';
