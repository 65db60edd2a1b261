import type { AggregateScores, Reason, VerdictLabel } from '../types.js';
import { isInflation } from '../signals/numbers.js';
import type { Thresholds } from './thresholds.js';

export interface DecisionInput {
  scores: AggregateScores;
  /** Entailment of the best premise and whether its key sentence hedges / attributes / narrows. */
  bestEntailment: number;
  entailingPremiseSoftened: boolean;
  /** An opposite outcome (fell vs rose, remains closed vs reopens) in a key sentence. */
  oppositeInKeySentence: boolean;
  /** Signals over the evidence sentences. */
  reasons: Reason[];
}

export interface Decision {
  verdict: VerdictLabel;
  confidence: number;
  /** Why, in one line, for the reasons list. */
  basis: Reason;
}

const SOFTENERS = new Set(['hedge', 'attribution', 'scope']);

/**
 * The verdict rule, in order: off-topic → unsupported; an opposite outcome in a key sentence,
 * the model's contradiction (or a
 * negation signal with some contradiction) → contradicted, unless the only conflict is an
 * inflated figure; an inflated figure → overstated; entailed by a plain sentence → supported;
 * entailed only by a hedged one, or on topic but not entailed → overstated.
 */
export function decide(input: DecisionInput, t: Thresholds): Decision {
  const { scores, reasons } = input;
  const inflated = reasons.some(isInflation);
  const negated = reasons.some((r) => r.kind === 'negation');
  const softened = reasons.some((r) => SOFTENERS.has(r.kind));
  const E = scores.entailment;
  const C = scores.contradiction;

  if (scores.relevance < t.relevance && E < t.entailment) {
    return {
      verdict: 'unsupported',
      confidence: round((1 - E) * (1 - scores.relevance)),
      basis: { kind: 'no-evidence', message: `No body sentence addresses the headline (best coverage of its words ${pct(scores.relevance)}, entailment ${pct(E)}).` },
    };
  }
  if (!inflated && input.oppositeInKeySentence) {
    // The model can miss a reversed outcome that shares the headline's words; the signal names it.
    return { verdict: 'contradicted', confidence: round(Math.max(C, 0.6)), basis: { kind: 'contradiction', message: `The body reports a different outcome from the headline's (model contradiction ${pct(C)}).` } };
  }
  if (!inflated && C >= t.contradiction && C > E) {
    return { verdict: 'contradicted', confidence: round(C), basis: { kind: 'contradiction', message: `A body sentence contradicts the headline (contradiction ${pct(C)}).` } };
  }
  // A body that hedges says "not decided", not "no": the hedge is the better explanation.
  if (!inflated && negated && !input.entailingPremiseSoftened && C >= t.contradictionWithSignal && E < t.entailment) {
    return { verdict: 'contradicted', confidence: round(0.5 + C / 2), basis: { kind: 'contradiction', message: `The body states the opposite (contradiction ${pct(C)}, with a negation or opposite outcome).` } };
  }
  if (inflated) {
    return { verdict: 'overstated', confidence: round(Math.max(0.6, 1 - E)), basis: { kind: 'number', message: 'The headline inflates a figure the body gives.' } };
  }
  if (E >= t.entailment && !input.entailingPremiseSoftened) {
    return { verdict: 'supported', confidence: round(E), basis: { kind: 'entailment', message: `A body sentence states the headline (entailment ${pct(E)}).` } };
  }
  if (E >= t.entailment) {
    return { verdict: 'overstated', confidence: round(0.5 + (1 - E) / 2), basis: { kind: 'not-entailed', message: `The closest body sentence says it only with a hedge, an attribution or a narrower scope (entailment ${pct(E)}).` } };
  }
  return {
    verdict: 'overstated',
    confidence: round(softened ? 0.5 + (1 - E) / 2 : 1 - E - C / 2),
    basis: { kind: 'not-entailed', message: `The body addresses the headline but does not state it (best entailment ${pct(E)}).` },
  };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 1000) / 1000;
}
