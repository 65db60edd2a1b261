/** Public shapes of headcheck. Every stage takes and returns plain data. */

export const VERDICTS = ['supported', 'overstated', 'contradicted', 'unsupported'] as const;
export type VerdictLabel = (typeof VERDICTS)[number];

/** One article to check: a headline (the hypothesis) and its body (the premises). */
export interface Article {
  /** Stable id: the input record's `id`, else `file:line` or the file path. */
  id: string;
  headline: string;
  body: string;
  /** Where the article came from, for locations in SARIF / annotations. */
  source?: ArticleSource;
  /** The desk accepted this headline (an inline marker or front-matter key in the article). */
  suppression?: Suppression;
}

/** A finding the desk has accepted: still reported, never flagged (exit code, annotations). */
export interface Suppression {
  kind: 'inline' | 'front-matter' | 'baseline';
  justification?: string;
}

export interface ArticleSource {
  file?: string;
  /** 1-based line of the headline in `file`, when known. */
  line?: number;
  /** 1-based column of the headline in `file`, when known. */
  column?: number;
  /** Body offsets whose position in `file` is known (paragraph starts), to place evidence. */
  anchors?: BodyAnchor[];
}

/** A body character offset and the 1-based line and column in the source file it comes from. */
export interface BodyAnchor {
  offset: number;
  line: number;
  column: number;
}

/** A body sentence with its character offsets in `Article.body` (end exclusive). */
export interface Sentence {
  index: number;
  text: string;
  start: number;
  end: number;
}

/** Probabilities the NLI model gives to one (premise, hypothesis) pair; they sum to 1. */
export interface PairScores {
  entailment: number;
  neutral: number;
  contradiction: number;
}

/** A premise: one sentence, two adjacent sentences, or the lede. */
export interface Premise {
  kind: 'sentence' | 'window' | 'lede';
  /** Indexes of the body sentences it is made of, ascending. */
  sentences: number[];
  text: string;
}

export interface ScoredPremise extends Premise {
  relevance: number;
  scores: PairScores;
}

export type ReasonKind =
  | 'hedge'
  | 'attribution'
  | 'source'
  | 'condition'
  | 'direction'
  | 'entity'
  | 'question'
  | 'number'
  | 'scope'
  | 'negation'
  | 'opposite'
  | 'contradiction'
  | 'entailment'
  | 'not-entailed'
  | 'no-evidence'
  | 'truncated';

/** One explanation: what was found, where, and what it means for the headline. */
export interface Reason {
  kind: ReasonKind;
  message: string;
  /** The exact text found, and where: in a body sentence or in the headline. */
  span?: Span;
}

export interface Span {
  text: string;
  /** Character offsets in the body (`in: 'body'`) or in the headline (`in: 'headline'`). */
  start: number;
  end: number;
  in: 'body' | 'headline';
  /** Body sentence index, when `in` is 'body'. */
  sentence?: number;
}

export interface Evidence {
  /** Index of the (first) sentence. */
  index: number;
  sentences: number[];
  start: number;
  end: number;
  text: string;
  kind: Premise['kind'];
  relevance: number;
  scores: PairScores;
  /** 1-based line and column in the source file, when the input format lets them be known. */
  line?: number;
  column?: number;
}

export interface AggregateScores {
  /** Max entailment over the scored premises. */
  entailment: number;
  /** Mean neutral probability over the scored premises. */
  neutral: number;
  /** Max contradiction over the scored premises. */
  contradiction: number;
  /** Highest normalised lexical relevance of any premise, 0..1. */
  relevance: number;
}

/** The decision for one headline. */
export interface Verdict {
  verdict: VerdictLabel;
  /**
   * How sure the checker is of `verdict`, 0..1: with the bundled model, the learned verdict's
   * calibrated probability (of the deciding claim).
   */
  confidence: number;
  scores: AggregateScores;
  evidence: Evidence[];
  reasons: Reason[];
}

/** One claim of a multi-claim headline ("Council shuts library and raises fees"), judged on its own. */
export interface ClaimReport {
  text: string;
  /** Offsets in the headline of the part the claim comes from. */
  start: number;
  end: number;
  verdict: VerdictLabel;
  confidence: number;
  scores: AggregateScores;
  evidence: Evidence[];
  reasons: Reason[];
}

/** One checked article: what the formatters print. */
export interface Report extends Verdict {
  id: string;
  headline: string;
  /** The body as checked (after boilerplate removal); sentence offsets point into it. */
  body: string;
  source?: ArticleSource;
  /** The headline's claims, each judged; the headline's verdict is the worst claim's. */
  claims: ClaimReport[];
  /** Set when the finding is accepted (marker, front matter, or listed in --baseline). */
  suppressed?: Suppression;
  /**
   * For an overstated or contradicted headline: a rewrite built from the evidence and its frame
   * that the checker itself rates `supported` against the same body (none when no candidate is).
   */
  suggestion?: { text: string; confidence: number };
  /** Every body sentence (with offsets) and, under --explain, their scores. */
  sentences: Sentence[];
  /** Per sentence scores when `explain` is on: best premise containing each sentence. */
  sentenceScores?: Array<PairScores & { index: number; relevance: number }>;
  timings?: { ms: number };
  /**
   * @internal What the verdict rule saw (all signals, the entailing premise's state), kept for
   * threshold calibration; never serialised.
   */
  decisionInput?: {
    bestEntailment: number;
    entailingPremiseSoftened: boolean;
    oppositeInKeySentence: boolean;
    signals: Reason[];
    /** Learned-verdict features, one set per claim. */
    features?: Array<Record<string, number>>;
  };
}

export type ErrorCode =
  | 'E_READ'
  | 'E_NOT_FOUND'
  | 'E_BINARY'
  | 'E_ENCODING'
  | 'E_JSON'
  | 'E_FIELD'
  | 'E_EMPTY'
  | 'E_NO_HEADLINE'
  | 'E_NO_BODY'
  | 'E_TOO_LARGE'
  | 'E_LOOP'
  | 'E_UNSUPPORTED'
  | 'E_INTERNAL';

/** An input that could not be checked. It takes the place of a Report in the output. */
export interface ErrorRecord {
  id: string;
  error: { code: ErrorCode; message: string };
  source?: ArticleSource;
}

export type CheckOutcome = Report | ErrorRecord;

export function isErrorRecord(outcome: CheckOutcome): outcome is ErrorRecord {
  return 'error' in outcome;
}
