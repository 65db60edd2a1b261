import type { EncodedPair } from '../nli/model.js';
import type { Claim } from '../segment/split-claims.js';
import { claimWordCoverage, nameStems } from '../nli/relevance.js';
import { headlineFrame } from '../signals/frame.js';
import { missingNames, runSignals, type SignalPhrases } from '../signals/index.js';
import { compareFigures, extractQuantities } from '../signals/quantities.js';
import type { Article, BodyAnchor, ClaimReport, PairScores, Premise, Reason, Report, ScoredPremise, Sentence, VerdictLabel } from '../types.js';
import { aggregate, focusPremises, keySentence, rankPremises, round, toEvidence, type RankedPremise } from './aggregate.js';
import { decide } from './decide.js';
import { claimFeatures, type Features } from './features.js';
import { type VerdictModel, verdictProbabilities } from './learned.js';
import type { Thresholds } from './thresholds.js';

/** One claim of the headline with the premises chosen for it. */
export interface PreparedClaim {
  claim: Claim;
  premises: Array<Premise & { relevance: number }>;
  encoded: EncodedPair[];
}

/** An article segmented and encoded, waiting for its premise scores. */
export interface Prepared {
  article: Omit<Article, 'id'> & { id?: string };
  sentences: Sentence[];
  claims: PreparedClaim[];
  started: number;
}

export interface BuildOptions {
  thresholds: Thresholds;
  /** The learned verdict; without one (a pulled model), the threshold rule decides. */
  verdictModel?: VerdictModel;
  phrases?: SignalPhrases;
  maxTokens: number;
}

const SOFTENING = new Set(['hedge', 'attribution', 'scope', 'condition']);
/**
 * Worst first: the headline's verdict is its worst claim's. A claim the body never addresses is
 * worse than one it states more weakly: the editor has nothing in the body to stand it on.
 */
const SEVERITY: VerdictLabel[] = ['contradicted', 'unsupported', 'overstated', 'supported'];

export interface JudgedClaim extends ClaimReport {
  ranked: RankedPremise[];
  features: Features;
  decisionInput: NonNullable<Report['decisionInput']>;
}

/** One claim: aggregate its premises, run the signals on the sentences that matter, decide. */
export function judgeClaim(claim: PreparedClaim, scores: PairScores[], sentences: Sentence[], options: BuildOptions): JudgedClaim {
  // Signals and features read what the model scored (a question's statement); the frame reads the headline.
  const text = claim.claim.scored ?? claim.claim.text;
  const scored: ScoredPremise[] = claim.premises.map((p, i) => ({ ...p, scores: scores[i]! }));
  const ranked = rankPremises(text, scored);
  const aggregateScores = aggregate(ranked);
  const focus = focusPremises(ranked);
  const focusList = [focus.entailing, focus.contradicting, focus.mostRelevant].filter((p): p is RankedPremise => p !== undefined);
  const evidenceSentences = [...new Set(focusList.flatMap((p) => p.sentences))].sort((a, b) => a - b).map((i) => sentences[i]!);
  const signals = runSignals(text, evidenceSentences, options.phrases);
  const entailingKey = focus.entailing ? keySentence(text, focus.entailing, sentences) : undefined;
  const relevantKey = focus.mostRelevant ? keySentence(text, focus.mostRelevant, sentences) : undefined;
  const contradictingKey = focus.contradicting ? keySentence(text, focus.contradicting, sentences) : undefined;
  const keys = new Set([entailingKey?.index, relevantKey?.index]);
  const frame = headlineFrame(claim.claim.text);
  const decisionInput = {
    bestEntailment: focus.entailing?.scores.entailment ?? 0,
    entailingPremiseSoftened: signals.some((r) => SOFTENING.has(r.kind) && r.span?.sentence === entailingKey?.index),
    oppositeInKeySentence: signals.some((r) => (r.kind === 'opposite' || r.kind === 'direction') && keys.has(r.span?.sentence)),
    signals,
  };
  const bodyText = sentences.map((s) => s.text).join(' ');
  const figureMatches = compareFigures(extractQuantities(text), evidenceSentences.flatMap((s) => extractQuantities(s.text))).filter((f) => f.kind === 'match').length;
  const features = claimFeatures({
    scores: aggregateScores, focus, signals, keySentences: keys, entailingKey: entailingKey?.index, contradictingKey: contradictingKey?.index, relevantKey: relevantKey?.index, headline: frame, premises: ranked.length,
    figureMatches, namesMissing: missingNames(text, bodyText), claimWordCoverage: bestClaimWordCoverage(text, ranked, bodyText),
  });

  let verdict: VerdictLabel;
  let confidence: number;
  let basis: Reason;
  if (options.verdictModel) {
    const probs = verdictProbabilities(options.verdictModel, features);
    verdict = (Object.keys(probs) as VerdictLabel[]).reduce((a, b) => (probs[b] > probs[a] ? b : a));
    if (frame.question) {
      // A question asserts nothing: it is "supported" when the body takes it up, else unsupported.
      verdict = probs.unsupported > 0.5 ? 'unsupported' : 'supported';
      confidence = round(verdict === 'unsupported' ? probs.unsupported : 1 - probs.unsupported);
      basis = { kind: 'question', message: verdict === 'supported' ? 'The headline asks a question the body takes up; a question asserts nothing to overstate.' : 'The headline asks a question the body does not take up.' };
    } else {
      confidence = round(probs[verdict]);
      basis = basisFor(verdict, aggregateScores.entailment, aggregateScores.contradiction, aggregateScores.relevance);
    }
  } else {
    const decision = decide({ ...decisionInput, scores: aggregateScores, reasons: signals }, options.thresholds);
    ({ verdict, confidence, basis } = decision);
  }

  const explained = relevantSignals(verdict, signals, keys);
  const reasons: Reason[] = basis.kind === 'number' && explained.some((r) => r.kind === 'number') ? explained : [basis, ...explained];
  if (claim.encoded.some((e) => e.hypothesisTruncated)) {
    reasons.push({ kind: 'truncated', message: `The headline is longer than the model's ${options.maxTokens}-token window; only its start was compared.` });
  }
  // An overstated claim's evidence is the sentence that says less: the best-entailing one when the
  // model leans to entailment there, else the one that shares most of the claim's words.
  const entailingLeads = verdict === 'supported' || (focus.entailing?.scores.entailment ?? 0) >= 0.5;
  const order = verdict === 'contradicted' ? [focus.contradicting, focus.mostRelevant, focus.entailing]
    : verdict === 'unsupported' || !entailingLeads ? [focus.mostRelevant, focus.entailing, focus.contradicting]
      : [focus.entailing, focus.mostRelevant, focus.contradicting];
  const evidence = dedupe(order.filter((p): p is RankedPremise => p !== undefined)).map((p) => toEvidence(p, sentences));
  return { text: claim.claim.text, start: claim.claim.start, end: claim.claim.end, verdict, confidence, scores: aggregateScores, evidence, reasons, ranked, features, decisionInput };
}

function bestClaimWordCoverage(claim: string, premises: RankedPremise[], bodyText: string): number {
  const names = nameStems(bodyText);
  return round(Math.max(0, ...premises.map((p) => claimWordCoverage(claim, p.text, names))));
}

function basisFor(verdict: VerdictLabel, E: number, C: number, coverage: number): Reason {
  switch (verdict) {
    case 'supported':
      return { kind: 'entailment', message: `A body sentence states the claim (entailment ${pct(E)}).` };
    case 'contradicted':
      return { kind: 'contradiction', message: `The body reports a different outcome (contradiction ${pct(C)}).` };
    case 'unsupported':
      return { kind: 'no-evidence', message: `No body sentence addresses the claim (best coverage of its words ${pct(coverage)}, entailment ${pct(E)}).` };
    default:
      return { kind: 'not-entailed', message: `The body addresses the claim but says less (best entailment ${pct(E)}).` };
  }
}

/** The headline's verdict from its claims: any contradicted, else any not addressed, else any overstated. */
export function combineVerdicts(verdicts: VerdictLabel[]): VerdictLabel {
  return SEVERITY.find((v) => verdicts.includes(v))!;
}

/**
 * Premise scores to a Report: judge each claim, then the headline by its worst claim; the
 * reasons and evidence are those of the claims that decide it.
 */
export function buildReport(prepared: Prepared, scores: PairScores[], options: BuildOptions): Report {
  const { article, sentences } = prepared;
  let offset = 0;
  const judged = prepared.claims.map((c) => {
    const own = scores.slice(offset, offset + c.premises.length);
    offset += c.premises.length;
    return judgeClaim(c, own, sentences, options);
  });
  const verdict = combineVerdicts(judged.map((j) => j.verdict));
  // The headline's verdict is always one of its claims'; the most confident of those speaks for it.
  const main = judged.filter((j) => j.verdict === verdict).reduce((a, b) => (b.confidence > a.confidence ? b : a));
  const multi = judged.length > 1;
  const reasons = multi
    ? judged.filter((j) => j.verdict !== 'supported' || verdict === 'supported').flatMap((j) => j.reasons.map((r) => ({ ...r, message: `"${j.text}": ${r.message}` })))
    : main.reasons;
  const evidence = (multi ? dedupe(judged.flatMap((j) => j.evidence.slice(0, 2))) : main.evidence).map((e) => place(e, article.body, article.source?.anchors));
  const confidence = main.confidence;

  return {
    id: article.id ?? 'article',
    headline: article.headline,
    body: article.body,
    verdict,
    confidence,
    scores: main.scores,
    evidence,
    reasons,
    claims: judged.map(({ text, start, end, verdict: v, confidence: c, scores: s, evidence: e, reasons: r }) => ({ text, start, end, verdict: v, confidence: c, scores: s, evidence: e, reasons: r })),
    sentences,
    sentenceScores: sentenceScores(sentences.length, judged.flatMap((j) => j.ranked)),
    source: article.source,
    ...(article.suppression ? { suppressed: article.suppression } : {}),
    decisionInput: { ...main.decisionInput, features: judged.map((j) => j.features) },
  };
}

function relevantSignals(verdict: VerdictLabel, signals: Reason[], keys: Set<number | undefined>): Reason[] {
  const kinds = verdict === 'overstated' ? ['hedge', 'attribution', 'source', 'condition', 'number', 'scope']
    : verdict === 'contradicted' ? ['negation', 'opposite', 'direction', 'entity'] : [];
  const seen = new Set<string>();
  const picked = signals.filter((r) => {
    const key = `${r.kind}:${r.span?.start}:${r.message}`;
    if (!kinds.includes(r.kind) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Key-sentence signals first: they bear on the claim most directly.
  return [...picked.filter((r) => keys.has(r.span?.sentence)), ...picked.filter((r) => !keys.has(r.span?.sentence))];
}

/** Drops items that cover the same sentences as an earlier one. */
function dedupe<T extends { sentences: number[] }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((e) => {
    const key = e.sentences.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * An evidence span's line and column in the source file, from the nearest body anchor before it:
 * exact for text and JSONL, the paragraph's start plus the offset inside it for Markdown and HTML.
 */
export function place<T extends { start: number }>(evidence: T, body: string, anchors: BodyAnchor[] | undefined): T & { line?: number; column?: number } {
  if (!anchors || anchors.length === 0) return evidence;
  let anchor: BodyAnchor | undefined;
  for (const a of anchors) if (a.offset <= evidence.start) anchor = a;
  if (!anchor) return evidence;
  const between = body.slice(anchor.offset, evidence.start);
  const breaks = between.split('\n').length - 1;
  const column = breaks === 0 ? anchor.column + between.length : between.length - between.lastIndexOf('\n');
  return { ...evidence, line: anchor.line + breaks, column };
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
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
