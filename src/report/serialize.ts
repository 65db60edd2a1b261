import { type ArticleSource, type CheckOutcome, isErrorRecord } from '../types.js';

/**
 * One outcome as a plain object with a fixed key order, so json / jsonl output is
 * byte-identical for the same input. Sentences and their scores only under --explain.
 */
export function serializeOutcome(outcome: CheckOutcome, explain: boolean): Record<string, unknown> {
  if (isErrorRecord(outcome)) {
    return { id: outcome.id, error: outcome.error, ...(outcome.source ? { source: publicSource(outcome.source) } : {}) };
  }
  const out: Record<string, unknown> = {
    id: outcome.id,
    headline: outcome.headline,
    verdict: outcome.verdict,
    confidence: outcome.confidence,
    scores: outcome.scores,
    evidence: outcome.evidence,
    reasons: outcome.reasons,
    claims: outcome.claims.map((c) => ({ text: c.text, verdict: c.verdict, confidence: c.confidence, evidence: c.evidence, reasons: c.reasons })),
  };
  if (outcome.suggestion) out.suggestion = outcome.suggestion;
  if (outcome.suppressed) out.suppressed = outcome.suppressed;
  if (outcome.source) out.source = publicSource(outcome.source);
  if (explain) {
    out.body = outcome.body;
    out.sentences = outcome.sentences;
    out.sentenceScores = outcome.sentenceScores;
  }
  if (outcome.timings) out.timings = outcome.timings;
  return out;
}

/** The source as users see it: file, line, column (body anchors are internal). */
function publicSource(source: ArticleSource): ArticleSource {
  const { anchors: _anchors, ...rest } = source;
  return rest;
}
