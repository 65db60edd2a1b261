import type { EncodedPair } from '../nli/model.js';
import { runSignals, type SignalPhrases } from '../signals/index.js';
import type { Article, PairScores, Premise, Reason, Report, ScoredPremise, Sentence } from '../types.js';
import { aggregate, focusPremises, keySentence, rankPremises, round, toEvidence, type RankedPremise } from './aggregate.js';
import { decide } from './decide.js';
import type { Thresholds } from './thresholds.js';

/** An article segmented and encoded, waiting for its premise scores. */
export interface Prepared {
  article: Omit<Article, 'id'> & { id?: string };
  sentences: Sentence[];
  premises: Array<Premise & { relevance: number }>;
  encoded: EncodedPair[];
  started: number;
}

export interface BuildOptions {
  thresholds: Thresholds;
  phrases?: SignalPhrases;
  maxTokens: number;
}

const SOFTENING = new Set(['hedge', 'attribution', 'scope']);

/**
 * Premise scores to a Report: aggregate, find the premises the verdict rests on, run the
 * signals on their sentences, apply the verdict rule, pick the reasons and the evidence.
 */
export function buildReport(prepared: Prepared, scores: PairScores[], options: BuildOptions): Report {
  const { article, sentences, premises, encoded } = prepared;
  const headline = article.headline;
  const scored: ScoredPremise[] = premises.map((p, i) => ({ ...p, scores: scores[i]! }));
  const ranked = rankPremises(headline, scored);
  const aggregateScores = aggregate(ranked);
  const focus = focusPremises(ranked);
  const focusList = [focus.entailing, focus.contradicting, focus.mostRelevant].filter((p): p is RankedPremise => p !== undefined);
  const evidenceSentences = [...new Set(focusList.flatMap((p) => p.sentences))].sort((a, b) => a - b).map((i) => sentences[i]!);
  const signals = runSignals(headline, evidenceSentences, options.phrases);
  const entailingKey = focus.entailing ? keySentence(headline, focus.entailing, sentences) : undefined;
  const relevantKey = focus.mostRelevant ? keySentence(headline, focus.mostRelevant, sentences) : undefined;
  const keys = new Set([entailingKey?.index, relevantKey?.index]);
  const decisionInput = {
    bestEntailment: focus.entailing?.scores.entailment ?? 0,
    entailingPremiseSoftened: signals.some((r) => SOFTENING.has(r.kind) && r.span?.sentence === entailingKey?.index),
    oppositeInKeySentence: signals.some((r) => r.kind === 'opposite' && keys.has(r.span?.sentence)),
    signals,
  };
  const decision = decide({ ...decisionInput, scores: aggregateScores, reasons: signals }, options.thresholds);

  const explained = relevantSignals(decision.verdict, signals);
  // An inflated figure is its own explanation; the generic line would only repeat it.
  const reasons: Reason[] = decision.basis.kind === 'number' && explained.some((r) => r.kind === 'number') ? explained : [decision.basis, ...explained];
  if (encoded.some((e) => e.hypothesisTruncated)) {
    reasons.push({ kind: 'truncated', message: `The headline is longer than the model's ${options.maxTokens}-token window; only its start was compared.` });
  }
  const order = decision.verdict === 'contradicted' ? [focus.contradicting, focus.mostRelevant, focus.entailing]
    : decision.verdict === 'unsupported' ? [focus.mostRelevant, focus.entailing, focus.contradicting]
      : [focus.entailing, focus.mostRelevant, focus.contradicting];
  const evidence = dedupe(order.filter((p): p is RankedPremise => p !== undefined)).map((p) => toEvidence(p, sentences));

  return {
    id: article.id ?? 'article',
    headline,
    body: article.body,
    verdict: decision.verdict,
    confidence: decision.confidence,
    scores: aggregateScores,
    evidence,
    reasons,
    sentences,
    sentenceScores: sentenceScores(sentences.length, ranked),
    source: article.source,
    decisionInput,
  };
}

function relevantSignals(verdict: Report['verdict'], signals: Reason[]): Reason[] {
  const kinds = verdict === 'overstated' ? ['hedge', 'attribution', 'number', 'scope']
    : verdict === 'contradicted' ? ['negation', 'opposite'] : [];
  const seen = new Set<string>();
  return signals.filter((r) => {
    const key = `${r.kind}:${r.span?.start}:${r.message}`;
    if (!kinds.includes(r.kind) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function dedupe(premises: RankedPremise[]): RankedPremise[] {
  const seen = new Set<string>();
  return premises.filter((p) => {
    const key = p.sentences.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Per sentence: its own scores when it was scored alone, else the best premise holding it. */
function sentenceScores(count: number, ranked: RankedPremise[]): Report['sentenceScores'] {
  const out: NonNullable<Report['sentenceScores']> = [];
  for (let i = 0; i < count; i++) {
    const own = ranked.find((p) => p.kind === 'sentence' && p.sentences[0] === i);
    const holder = own ?? ranked.filter((p) => p.sentences.includes(i)).sort((a, b) => b.scores.entailment - a.scores.entailment)[0];
    if (!holder) continue;
    const s: PairScores = holder.scores;
    out.push({ index: i, entailment: round(s.entailment), neutral: round(s.neutral), contradiction: round(s.contradiction), relevance: round(holder.coverage) });
  }
  return out;
}
