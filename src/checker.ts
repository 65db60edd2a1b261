import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InputItem } from './input/read-inputs.js';
import { NliModel, bundledModelDir, type EncodedPair } from './nli/model.js';
import { selectPremises } from './nli/premises.js';
import { splitSentences } from './segment/split-sentences.js';
import { runSignals, type SignalPhrases } from './signals/index.js';
import type { Article, CheckOutcome, PairScores, Reason, Report, ScoredPremise } from './types.js';
import { aggregate, focusPremises, keySentence, rankPremises, round, toEvidence, type RankedPremise } from './verdict/aggregate.js';
import { decide } from './verdict/decide.js';
import { DEFAULT_THRESHOLDS, parseThresholds, type Thresholds } from './verdict/thresholds.js';

export interface CheckerOptions {
  /** Model folder (Hugging Face layout); default: the bundled model. */
  model?: string;
  /** Premises scored per long article. */
  topK?: number;
  thresholds?: Partial<Thresholds>;
  /** Extra hedge / attribution phrases (regular-expression sources). */
  phrases?: SignalPhrases;
  maxTokens?: number;
  batchSize?: number;
  threads?: number;
  /** Add wall-clock time per article to each report (off by default: output stays byte-identical). */
  timings?: boolean;
}

export interface ArticleInput {
  id?: string;
  headline: string;
  body: string;
  source?: Article['source'];
}

export interface Checker {
  readonly model: NliModel;
  readonly thresholds: Thresholds;
  readonly topK: number;
  check(article: ArticleInput): Promise<Report>;
  /** Checks articles (or reader items) one by one; an article that fails becomes an error record. */
  checkMany(items: Iterable<ArticleInput | InputItem> | AsyncIterable<ArticleInput | InputItem>): AsyncGenerator<CheckOutcome>;
  dispose(): Promise<void>;
}

export const DEFAULT_TOP_K = 10;
const SOFTENING = new Set(['hedge', 'attribution', 'scope']);

/** Calibrated thresholds shipped with a model (models/<name>/headcheck.json), if any. */
export function modelThresholds(dir: string): Partial<Thresholds> {
  const file = path.join(dir, 'headcheck.json');
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { thresholds?: unknown };
  return parsed.thresholds === undefined ? {} : parseThresholds(parsed.thresholds, file);
}

/** Loads the model once and returns the checker that uses it. */
export async function createChecker(options: CheckerOptions = {}): Promise<Checker> {
  const dir = path.resolve(options.model ?? bundledModelDir());
  const model = await NliModel.load(dir, { maxTokens: options.maxTokens, batchSize: options.batchSize, threads: options.threads });
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...modelThresholds(dir), ...options.thresholds };
  const topK = options.topK ?? DEFAULT_TOP_K;
  if (!Number.isInteger(topK) || topK < 1) throw new Error(`topK must be a positive integer, got ${topK}`);

  async function check(article: ArticleInput): Promise<Report> {
    const started = performance.now();
    const headline = article.headline.replace(/\s+/g, ' ').trim();
    const sentences = splitSentences(article.body);
    const selected = selectPremises(headline, sentences, { topK });
    const hypothesis = model.tokens(headline);
    const encoded: EncodedPair[] = selected.map((p) =>
      model.encodePair(p.sentences.flatMap((i) => model.tokens(sentences[i]!.text)), hypothesis));
    const scores = await model.scoreEncoded(encoded);
    const scored: ScoredPremise[] = selected.map((p, i) => ({ ...p, scores: scores[i]! }));
    const ranked = rankPremises(headline, scored);
    const aggregateScores = aggregate(ranked);
    const focus = focusPremises(ranked);
    const focusList = [focus.entailing, focus.contradicting, focus.mostRelevant].filter((p): p is RankedPremise => p !== undefined);
    const evidenceSentences = [...new Set(focusList.flatMap((p) => p.sentences))].sort((a, b) => a - b).map((i) => sentences[i]!);
    const signals = runSignals(headline, evidenceSentences, options.phrases);
    const entailingKey = focus.entailing ? keySentence(headline, focus.entailing, sentences) : undefined;
    const decisionInput = {
      bestEntailment: focus.entailing?.scores.entailment ?? 0,
      entailingPremiseSoftened: signals.some((r) => SOFTENING.has(r.kind) && r.span?.sentence === entailingKey?.index),
      signals,
    };
    const decision = decide({ ...decisionInput, scores: aggregateScores, reasons: signals }, thresholds);

    const explained = relevantSignals(decision.verdict, signals);
    // An inflated figure is its own explanation; the generic line would only repeat it.
    const reasons: Reason[] = decision.basis.kind === 'number' && explained.some((r) => r.kind === 'number') ? explained : [decision.basis, ...explained];
    if (encoded.some((e) => e.hypothesisTruncated)) {
      reasons.push({ kind: 'truncated', message: `The headline is longer than the model's ${model.maxTokens}-token window; only its start was compared.` });
    }
    const order = decision.verdict === 'contradicted' ? [focus.contradicting, focus.mostRelevant, focus.entailing]
      : decision.verdict === 'unsupported' ? [focus.mostRelevant, focus.entailing, focus.contradicting]
        : [focus.entailing, focus.mostRelevant, focus.contradicting];
    const evidence = dedupe(order.filter((p): p is RankedPremise => p !== undefined)).map((p) => toEvidence(p, sentences));

    const report: Report = {
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
    if (options.timings) report.timings = { ms: Math.round(performance.now() - started) };
    return report;
  }

  async function* checkMany(items: Iterable<ArticleInput | InputItem> | AsyncIterable<ArticleInput | InputItem>): AsyncGenerator<CheckOutcome> {
    let n = 0;
    for await (const item of items) {
      n++;
      if ('error' in item) {
        yield item.error;
        continue;
      }
      const article = 'article' in item ? item.article : item;
      const id = article.id ?? `#${n}`;
      try {
        yield await check({ ...article, id });
      } catch (err) {
        yield { id, error: { code: 'E_INTERNAL', message: `${id}: could not be checked (${(err as Error).message})` }, source: article.source };
      }
    }
  }

  return { model, thresholds, topK, check, checkMany, dispose: () => model.dispose() };
}

function relevantSignals(verdict: Report['verdict'], signals: Reason[]): Reason[] {
  const kinds = verdict === 'overstated' ? ['hedge', 'attribution', 'number', 'scope']
    : verdict === 'contradicted' ? ['negation'] : [];
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
