import type { Premise, Sentence } from '../types.js';
import { bm25 } from './relevance.js';

export interface PremiseOptions {
  /** Premises the model scores for a long body (all of them when the body has fewer). */
  topK: number;
  /** Sentences in the lede premise. */
  ledeSentences?: number;
}

/** Every candidate premise: each sentence, each pair of adjacent sentences, and the lede. */
export function buildPremises(sentences: Sentence[], ledeSentences = 3): Premise[] {
  const premises: Premise[] = sentences.map((s) => ({ kind: 'sentence', sentences: [s.index], text: s.text }));
  for (let i = 0; i + 1 < sentences.length; i++) {
    premises.push({ kind: 'window', sentences: [i, i + 1], text: `${sentences[i]!.text} ${sentences[i + 1]!.text}` });
  }
  if (sentences.length > ledeSentences) {
    const lede = sentences.slice(0, ledeSentences);
    premises.push({ kind: 'lede', sentences: lede.map((s) => s.index), text: lede.map((s) => s.text).join(' ') });
  }
  return premises;
}

/**
 * The premises worth a model call: all of them for a short body; for a long one the top-k
 * by BM25 against the headline, always keeping the lede (news puts the claim up top).
 */
export function selectPremises(headline: string, sentences: Sentence[], options: PremiseOptions): Array<Premise & { relevance: number }> {
  const all = buildPremises(sentences, options.ledeSentences ?? 3);
  const scores = bm25(headline, all.map((p) => p.text));
  const ranked = all.map((p, i) => ({ ...p, relevance: scores[i]! }));
  if (ranked.length <= options.topK) return ranked;
  const order = ranked.map((_, i) => i).sort((a, b) => ranked[b]!.relevance - ranked[a]!.relevance || a - b);
  const keep = new Set(order.slice(0, options.topK));
  const lede = ranked.findIndex((p) => p.kind === 'lede');
  if (lede >= 0) keep.add(lede);
  else keep.add(ranked.findIndex((p) => p.kind === 'sentence' && p.sentences[0] === 0));
  return [...keep].sort((a, b) => a - b).map((i) => ranked[i]!);
}
