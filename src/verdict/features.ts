/**
 * What the learned verdict sees for one claim: the model's probabilities on the premises that
 * matter, how much of the claim the body covers, and each signal as a 0/1 feature (in the key
 * sentence, where it bears on the claim, and anywhere in the evidence).
 */
import type { AggregateScores, Reason } from '../types.js';
import type { Frame } from '../signals/frame.js';
import type { Focus } from './aggregate.js';

export const FEATURE_NAMES = [
  'entailment', 'contradiction', 'neutralOfEntailing', 'entailmentOfRelevant', 'contradictionOfRelevant', 'coverage',
  'coverageOfEntailing', 'margin', 'entailmentPlain', 'entailmentSoftened', 'contradictionPlain', 'contradictionSoftened',
  'hedgeKey', 'hedgeAny', 'plannedKey', 'attributionKey', 'sourceKey', 'conditionKey', 'inflated', 'direction', 'figureMismatch',
  'scopeKey', 'negationKey', 'oppositeKey', 'oppositeContradiction', 'headlineHedged', 'headlinePlanned', 'headlineSourced', 'logPremises',
  'figureMatch', 'entityMismatch', 'namesMissing', 'conditionAny', 'attributionAny', 'claimWordCoverage',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export interface FeatureInput {
  scores: AggregateScores;
  focus: Focus;
  /** Signals over the evidence sentences. */
  signals: Reason[];
  /** Sentence indexes of the key sentences (best-entailing and most relevant premises). */
  keySentences: Set<number | undefined>;
  /** The sentence the best-entailing premise rests on. */
  entailingKey?: number;
  /** The sentence the best-contradicting premise rests on. */
  contradictingKey?: number;
  /** The sentence the most relevant premise rests on. */
  relevantKey?: number;
  headline: Frame;
  premises: number;
  /** Headline figures found, in any form, in the evidence. */
  figureMatches: number;
  /** Share of the headline's names the body never uses. */
  namesMissing: number;
  /** Best share, over the premises, of the headline's words other than names (see claimWordCoverage). */
  claimWordCoverage: number;
}

const SOFTENING = new Set(['hedge', 'attribution', 'condition', 'scope']);

export function claimFeatures(input: FeatureInput): Features {
  const { scores, focus, signals, keySentences } = input;
  const inKey = (kind: string) => signals.some((r) => r.kind === kind && keySentences.has(r.span?.sentence));
  const any = (kind: string) => signals.some((r) => r.kind === kind);
  const softenedEntailing = signals.some((r) => SOFTENING.has(r.kind) && r.span?.sentence === input.entailingKey);
  // A hedged sentence cannot deny outright: "does not rule out selling" reads to the model like
  // "is not selling", and "may not" is not "did not".
  const softenedContradicting = signals.some((r) => SOFTENING.has(r.kind) && r.span?.sentence === input.contradictingKey);
  const softenedRelevant = signals.some((r) => SOFTENING.has(r.kind) && r.span?.sentence === input.relevantKey);
  const cOfRelevant = focus.mostRelevant?.scores.contradiction ?? 0;
  const E = scores.entailment;
  const C = scores.contradiction;
  const opposite = inKey('opposite');
  return {
    entailment: E,
    contradiction: C,
    neutralOfEntailing: focus.entailing?.scores.neutral ?? 1,
    entailmentOfRelevant: focus.mostRelevant?.scores.entailment ?? 0,
    contradictionOfRelevant: softenedRelevant ? 0 : cOfRelevant,
    coverage: scores.relevance,
    coverageOfEntailing: focus.entailing?.coverage ?? 0,
    margin: E - C,
    entailmentPlain: softenedEntailing ? 0 : E,
    entailmentSoftened: softenedEntailing ? E : 0,
    contradictionPlain: softenedContradicting ? 0 : C,
    contradictionSoftened: Math.max(softenedContradicting ? C : 0, softenedRelevant ? cOfRelevant : 0),
    hedgeKey: Number(signals.some((r) => r.kind === 'hedge' && keySentences.has(r.span?.sentence) && !r.message.includes('plans or expects'))),
    hedgeAny: Number(any('hedge')),
    plannedKey: Number(signals.some((r) => r.kind === 'hedge' && keySentences.has(r.span?.sentence) && r.message.includes('plans or expects'))),
    attributionKey: Number(inKey('attribution')),
    sourceKey: Number(inKey('source')),
    conditionKey: Number(inKey('condition')),
    inflated: Number(signals.some((r) => r.kind === 'number' && r.message.includes('is bigger than'))),
    direction: Number(any('direction')),
    figureMismatch: Number(signals.some((r) => r.kind === 'number' && r.message.includes('does not match'))),
    scopeKey: Number(inKey('scope')),
    negationKey: Number(inKey('negation')),
    oppositeKey: Number(opposite),
    oppositeContradiction: opposite ? C : 0,
    headlineHedged: Number(input.headline.certainty.certainty < 1 && input.headline.certainty.cue?.kind !== 'planned'),
    // "Council to close pool" announces a plan; it is not a hedge.
    headlinePlanned: Number(input.headline.certainty.cue?.kind === 'planned'),
    headlineSourced: Number(input.headline.source !== undefined),
    logPremises: Math.log1p(input.premises),
    figureMatch: Math.min(1, input.figureMatches),
    entityMismatch: Number(any('entity')),
    namesMissing: input.namesMissing,
    // A condition or attribution in another evidence sentence still limits the claim.
    conditionAny: Number(any('condition')),
    attributionAny: Number(any('attribution')),
    // On-topic bodies share the headline's names; whether they make its claim shows in the other words.
    claimWordCoverage: input.claimWordCoverage,
  };
}

export function featureVector(f: Features): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}
