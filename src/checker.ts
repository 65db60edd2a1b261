import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { InputItem } from './input/read-inputs.js';
import { NliModel, bundledModelDir } from './nli/model.js';
import { selectPremises } from './nli/premises.js';
import { splitClaims } from './segment/split-claims.js';
import { splitSentences } from './segment/split-sentences.js';
import type { SignalPhrases } from './signals/index.js';
import { coverage } from './nli/relevance.js';
import { suggestionCandidates } from './suggest/candidates.js';
import { type Article, type CheckOutcome, isErrorRecord, type PairScores, type Report } from './types.js';
import { buildReport, type Prepared } from './verdict/build-report.js';
import { loadVerdictModel, type VerdictModel } from './verdict/learned.js';
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
  /** Offer a verified headline for overstated and contradicted reports (default on). */
  suggest?: boolean;
}

export interface ArticleInput {
  id?: string;
  headline: string;
  body: string;
  source?: Article['source'];
  suppression?: Article['suppression'];
}

export interface Checker {
  readonly model: NliModel;
  readonly thresholds: Thresholds;
  /** The learned verdict shipped with the model (verdict.json); undefined: the threshold rule decides. */
  readonly verdictModel?: VerdictModel;
  readonly topK: number;
  check(article: ArticleInput): Promise<Report>;
  /** Checks articles (or reader items) one by one; an article that fails becomes an error record. */
  checkMany(items: Iterable<ArticleInput | InputItem> | AsyncIterable<ArticleInput | InputItem>): AsyncGenerator<CheckOutcome>;
  dispose(): Promise<void>;
}

export const DEFAULT_TOP_K = 10;
/** Articles whose premises share batches in checkMany. */
const GROUP_SIZE = 8;

/** Calibrated thresholds shipped with a model (models/<name>/headcheck.json), if any. */
export function modelThresholds(dir: string): Partial<Thresholds> {
  const file = path.join(dir, 'headcheck.json');
  if (!existsSync(file)) return {};
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { thresholds?: unknown };
  return parsed.thresholds === undefined ? {} : parseThresholds(parsed.thresholds, file);
}

/** Loads the model once and returns the checker that uses it. */
export async function createChecker(options: CheckerOptions = {}): Promise<Checker> {
  const topK = options.topK ?? DEFAULT_TOP_K;
  if (!Number.isInteger(topK) || topK < 1) throw new Error(`topK must be a positive integer, got ${topK}`);
  const dir = path.resolve(options.model ?? bundledModelDir());
  const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS, ...modelThresholds(dir), ...options.thresholds };
  // Thresholds set in config ask for the threshold rule; otherwise the learned verdict decides.
  const verdictModel = options.thresholds && Object.keys(options.thresholds).length > 0 ? undefined : loadVerdictModel(dir);
  const model = await NliModel.load(dir, { maxTokens: options.maxTokens, batchSize: options.batchSize, threads: options.threads });

  function prepare(article: ArticleInput): Prepared {
    const headline = article.headline.replace(/\s+/g, ' ').trim();
    const sentences = splitSentences(article.body);
    const claims = splitClaims(headline).map((claim) => {
      const premises = selectPremises(claim.scored ?? claim.text, sentences, { topK });
      const hypothesis = model.tokens(claim.scored ?? claim.text);
      const encoded = premises.map((p) => model.encodePair(p.sentences.flatMap((i) => model.tokens(sentences[i]!.text)), hypothesis));
      return { claim, premises, encoded };
    });
    return { article: { ...article, headline }, sentences, claims, started: performance.now() };
  }

  function encodedOf(prepared: Prepared) {
    return prepared.claims.flatMap((c) => c.encoded);
  }

  function finish(prepared: Prepared, scores: PairScores[]): Report {
    const report = buildReport(prepared, scores, { thresholds, verdictModel, phrases: options.phrases, maxTokens: model.maxTokens });
    if (options.timings) report.timings = { ms: Math.round(performance.now() - prepared.started) };
    return report;
  }

  /** Rates each candidate rewrite against the same body; keeps the best one rated supported. */
  async function withSuggestion(report: Report): Promise<Report> {
    if (options.suggest === false || (report.verdict !== 'overstated' && report.verdict !== 'contradicted') || report.evidence.length === 0) return report;
    const main = report.evidence[0]!;
    const key = main.sentences.map((i) => report.sentences[i]!).reduce((best, s) => (coverage(report.headline, s.text) > coverage(report.headline, best.text) ? s : best));
    let best: Report['suggestion'];
    for (const text of suggestionCandidates(report, key.text)) {
      const prepared = prepare({ headline: text, body: report.body });
      const rated = buildReport(prepared, await model.scoreEncoded(encodedOf(prepared)), { thresholds, verdictModel, phrases: options.phrases, maxTokens: model.maxTokens });
      if (rated.verdict === 'supported' && (!best || rated.confidence > best.confidence)) best = { text, confidence: rated.confidence };
    }
    return best ? { ...report, suggestion: best } : report;
  }

  async function check(article: ArticleInput): Promise<Report> {
    const prepared = prepare(article);
    return withSuggestion(finish(prepared, await model.scoreEncoded(encodedOf(prepared))));
  }

  /** Scores the premises of several articles in shared batches: fuller batches, less padding. */
  async function checkGroup(group: Array<{ id: string; article?: ArticleInput; error?: CheckOutcome }>): Promise<CheckOutcome[]> {
    const prepared = group.map((g) => {
      if (g.error || !g.article) return undefined;
      try {
        return prepare({ ...g.article, id: g.id });
      } catch (err) {
        g.error = internalError(g.id, err, g.article.source);
        return undefined;
      }
    });
    const all = prepared.flatMap((p) => (p ? encodedOf(p) : []));
    let scores: PairScores[] = [];
    try {
      scores = await model.scoreEncoded(all);
    } catch {
      // One article's pairs can break a shared batch: fall back to scoring each on its own.
      return Promise.all(group.map(async (g) => g.error ?? check({ ...g.article!, id: g.id }).catch((err) => internalError(g.id, err, g.article!.source))));
    }
    let offset = 0;
    const reports: CheckOutcome[] = group.map((g, i) => {
      const p = prepared[i];
      if (g.error || !p) return g.error!;
      const count = encodedOf(p).length;
      const own = scores.slice(offset, offset + count);
      offset += count;
      try {
        return finish(p, own);
      } catch (err) {
        return internalError(g.id, err, g.article?.source);
      }
    });
    const out: CheckOutcome[] = [];
    for (const [i, r] of reports.entries()) {
      out.push(isErrorRecord(r) ? r : await withSuggestion(r).catch((err) => internalError(group[i]!.id, err, group[i]!.article?.source)));
    }
    return out;
  }

  async function* checkMany(items: Iterable<ArticleInput | InputItem> | AsyncIterable<ArticleInput | InputItem>): AsyncGenerator<CheckOutcome> {
    let n = 0;
    let group: Array<{ id: string; article?: ArticleInput; error?: CheckOutcome }> = [];
    for await (const item of items) {
      n++;
      if ('error' in item) group.push({ id: item.error.id, error: item.error });
      else {
        const article = 'article' in item ? item.article : item;
        group.push({ id: article.id ?? `#${n}`, article });
      }
      if (group.length >= GROUP_SIZE) {
        yield* await checkGroup(group);
        group = [];
      }
    }
    if (group.length > 0) yield* await checkGroup(group);
  }

  return { model, thresholds, verdictModel, topK, check, checkMany, dispose: () => model.dispose() };
}

function internalError(id: string, err: unknown, source?: Article['source']): CheckOutcome {
  return { id, error: { code: 'E_INTERNAL', message: `${id}: could not be checked (${(err as Error).message})` }, source };
}
