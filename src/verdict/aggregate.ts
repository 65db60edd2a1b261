import type { AggregateScores, Evidence, ScoredPremise, Sentence } from '../types.js';
import { coverage } from '../nli/relevance.js';

export interface RankedPremise extends ScoredPremise {
  /** Share of the headline's content words in the premise, 0..1. */
  coverage: number;
}

export function rankPremises(headline: string, premises: ScoredPremise[]): RankedPremise[] {
  return premises.map((p) => ({ ...p, coverage: coverage(headline, p.text) }));
}

export function aggregate(premises: RankedPremise[]): AggregateScores {
  if (premises.length === 0) return { entailment: 0, neutral: 1, contradiction: 0, relevance: 0 };
  return {
    entailment: round(Math.max(...premises.map((p) => p.scores.entailment))),
    neutral: round(premises.reduce((s, p) => s + p.scores.neutral, 0) / premises.length),
    contradiction: round(Math.max(...premises.map((p) => p.scores.contradiction))),
    relevance: round(Math.max(...premises.map((p) => p.coverage))),
  };
}

function argmax<T>(items: T[], key: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const item of items) {
    const v = key(item);
    if (v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

export interface Focus {
  entailing?: RankedPremise;
  contradicting?: RankedPremise;
  mostRelevant?: RankedPremise;
}

/** The premises the verdict rests on: best entailing, best contradicting, most relevant. */
export function focusPremises(premises: RankedPremise[]): Focus {
  return {
    entailing: argmax(premises, (p) => p.scores.entailment),
    contradicting: argmax(premises, (p) => p.scores.contradiction),
    mostRelevant: argmax(premises, (p) => p.coverage + p.relevance / 100),
  };
}

/** The sentence of a premise that carries most of the headline's words. */
export function keySentence(headline: string, premise: RankedPremise, sentences: Sentence[]): Sentence {
  const own = premise.sentences.map((i) => sentences[i]!);
  return argmax(own, (s) => coverage(headline, s.text)) ?? own[0]!;
}

export function toEvidence(premise: RankedPremise, sentences: Sentence[]): Evidence {
  const first = sentences[premise.sentences[0]!]!;
  const last = sentences[premise.sentences[premise.sentences.length - 1]!]!;
  return {
    index: first.index,
    sentences: premise.sentences,
    start: first.start,
    end: last.end,
    text: premise.text,
    kind: premise.kind,
    relevance: round(premise.coverage),
    scores: {
      entailment: round(premise.scores.entailment),
      neutral: round(premise.scores.neutral),
      contradiction: round(premise.scores.contradiction),
    },
  };
}

export function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
