import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { type CheckerOptions, createChecker } from '../checker.js';
import { ModelError } from '../nli/model.js';
import { write } from '../run.js';
import { isErrorRecord, VERDICTS, type VerdictLabel } from '../types.js';
import { csvRecords } from './csv.js';
import { computeMetrics, FNC_TO_VERDICT, fncScore, type FncScore, type Metrics, wilsonInterval } from './metrics.js';

export interface LabelledArticle {
  id: string;
  headline: string;
  body: string;
  expected: VerdictLabel;
  /** Phenomenon tags (editorial suite); accuracy is reported per tag. */
  tags?: string[];
  /** dev / test (editorial suite): `--split` keeps one. */
  split?: string;
}

export interface EvalOptions {
  data?: string;
  stances?: string;
  bodies?: string;
  bodyIds?: string;
  sample?: number;
  seed?: number;
  /** Keep only items whose `split` is this. */
  split?: string;
  /** Also make and verify headline suggestions, and report how often one is offered. */
  suggestions?: boolean;
  format: 'text' | 'json';
  predictions?: string;
  checker: CheckerOptions;
  out: Writable;
  err: Writable;
}

export interface EvalResult extends Metrics {
  source: string;
  fnc?: FncScore;
  errors: number;
  seconds: number;
  articlesPerSecond: number;
  pairsPerSecond: number;
  pairs: number;
  /** Expected calibration error of `confidence` (10 equal-width bins). */
  ece: number;
  /** Per tag, with the accuracy's 95 % Wilson interval (a tag has 8–30 cases: wide). */
  perTag?: Record<string, { n: number; correct: number; accuracy: number; interval: [number, number] }>;
  /** With --suggestions: flagged (overstated/contradicted) reports, and those given a verified suggestion. */
  suggestions?: { flagged: number; offered: number };
}

/** Loads {id, headline, body, expected} JSONL; a bad line is an error, not a skip. */
export async function loadLabelledJsonl(file: string): Promise<LabelledArticle[]> {
  const text = await readFile(file, 'utf8');
  const out: LabelledArticle[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${file}:${i + 1}`;
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(line) as Record<string, unknown>;
    } catch (err) {
      throw new Error(`${where}: malformed JSON (${(err as Error).message})`);
    }
    if (typeof r.headline !== 'string' || typeof r.body !== 'string') throw new Error(`${where}: needs string "headline" and "body"`);
    if (!(VERDICTS as readonly unknown[]).includes(r.expected)) throw new Error(`${where}: "expected" must be one of ${VERDICTS.join(', ')}`);
    if (r.tags !== undefined && !(Array.isArray(r.tags) && r.tags.every((t) => typeof t === 'string'))) throw new Error(`${where}: "tags" must be an array of strings`);
    out.push({
      id: r.id === undefined ? where : String(r.id), headline: r.headline, body: r.body, expected: r.expected as VerdictLabel,
      ...(r.tags ? { tags: r.tags as string[] } : {}), ...(typeof r.split === 'string' ? { split: r.split } : {}),
    });
  });
  return out;
}

/** FNC-1 stances + bodies CSVs to labelled articles (agree → supported, …), optionally only some bodies. */
export async function loadFnc(stancesFile: string, bodiesFile: string, bodyIdsFile?: string): Promise<LabelledArticle[]> {
  const bodies = new Map(csvRecords(await readFile(bodiesFile, 'utf8')).map((r) => [r['Body ID']!, r.articleBody!]));
  const keep = bodyIdsFile ? new Set((await readFile(bodyIdsFile, 'utf8')).split(/\s+/).filter(Boolean)) : undefined;
  const out: LabelledArticle[] = [];
  csvRecords(await readFile(stancesFile, 'utf8')).forEach((r, i) => {
    const bodyId = r['Body ID']!;
    if (keep && !keep.has(bodyId)) return;
    const expected = FNC_TO_VERDICT[r.Stance!.trim()];
    const body = bodies.get(bodyId);
    if (!expected) throw new Error(`${stancesFile}:${i + 2}: unknown stance "${r.Stance}"`);
    if (body === undefined) throw new Error(`${stancesFile}:${i + 2}: body ${bodyId} not in ${bodiesFile}`);
    out.push({ id: `fnc:${i + 2}:${bodyId}`, headline: r.Headline!, body, expected });
  });
  return out;
}

/** Deterministic PRNG (mulberry32) so --sample with a --seed is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stratified sample: each verdict keeps its share of n (at least one when present), order kept. */
export function stratifiedSample<T extends { expected: VerdictLabel }>(items: T[], n: number, seed: number): T[] {
  if (n >= items.length) return items;
  const random = seededRandom(seed);
  const byClass = new Map<VerdictLabel, number[]>();
  items.forEach((item, i) => byClass.set(item.expected, [...(byClass.get(item.expected) ?? []), i]));
  const chosen: number[] = [];
  for (const indexes of byClass.values()) {
    const want = Math.max(1, Math.round((n * indexes.length) / items.length));
    for (let i = indexes.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
    }
    chosen.push(...indexes.slice(0, want));
  }
  return chosen.sort((a, b) => a - b).map((i) => items[i]!);
}

/** Expected calibration error: |accuracy − mean confidence| per confidence bin, weighted by bin size. */
export function expectedCalibrationError(items: Array<{ expected: VerdictLabel; predicted: VerdictLabel; confidence: number }>, bins = 10): number {
  if (items.length === 0) return 0;
  const sums = Array.from({ length: bins }, () => ({ n: 0, conf: 0, correct: 0 }));
  for (const it of items) {
    const b = sums[Math.min(bins - 1, Math.floor(it.confidence * bins))]!;
    b.n++;
    b.conf += it.confidence;
    b.correct += Number(it.expected === it.predicted);
  }
  return sums.reduce((e, b) => e + (b.n === 0 ? 0 : (b.n / items.length) * Math.abs(b.correct / b.n - b.conf / b.n)), 0);
}

function perTag(items: Array<{ expected: VerdictLabel; predicted: VerdictLabel; tags?: string[] }>): EvalResult['perTag'] {
  const out: NonNullable<EvalResult['perTag']> = {};
  for (const it of items) {
    for (const tag of new Set(it.tags ?? [])) {
      const t = (out[tag] ??= { n: 0, correct: 0, accuracy: 0, interval: [0, 1] });
      t.n++;
      t.correct += Number(it.expected === it.predicted);
    }
  }
  for (const t of Object.values(out)) {
    t.accuracy = t.correct / t.n;
    t.interval = wilsonInterval(t.correct, t.n);
  }
  return Object.keys(out).length > 0 ? Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b))) : undefined;
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

export function formatEvalText(r: EvalResult): string {
  const lines = [`${r.source}: ${r.n} articles, ${r.errors} errors`, `accuracy ${pct(r.accuracy)} (95% interval ${pct(r.accuracyInterval[0])}–${pct(r.accuracyInterval[1])})   macro-F1 ${r.macroF1.toFixed(3)}`];
  if (r.fnc) lines.push(`FNC-1 score ${r.fnc.score.toFixed(2)} / ${r.fnc.max.toFixed(2)} = ${pct(r.fnc.relative)} of max`);
  lines.push('', `${'verdict'.padEnd(14)}${'precision'.padStart(10)}${'recall'.padStart(10)}${'F1'.padStart(8)}${'support'.padStart(9)}`);
  for (const v of VERDICTS) {
    const m = r.perVerdict[v];
    lines.push(`${v.padEnd(14)}${m.precision.toFixed(3).padStart(10)}${m.recall.toFixed(3).padStart(10)}${m.f1.toFixed(3).padStart(8)}${String(m.support).padStart(9)}`);
  }
  lines.push('', `confusion (rows expected, columns predicted)`, `${''.padEnd(14)}${VERDICTS.map((v) => v.slice(0, 11).padStart(13)).join('')}`);
  for (const e of VERDICTS) lines.push(`${e.padEnd(14)}${VERDICTS.map((p) => String(r.confusion[e][p]).padStart(13)).join('')}`);
  lines.push('', `expected calibration error of confidence: ${r.ece.toFixed(3)}`);
  if (r.suggestions) lines.push(`suggestions: ${r.suggestions.offered} of ${r.suggestions.flagged} flagged headlines got one the checker rates supported (${pct(r.suggestions.offered / Math.max(1, r.suggestions.flagged))})`);
  if (r.perTag) {
    lines.push('', `${'tag'.padEnd(18)}${'accuracy'.padStart(9)}${'95% interval'.padStart(16)}${'n'.padStart(6)}`);
    for (const [tag, t] of Object.entries(r.perTag)) lines.push(`${tag.padEnd(18)}${pct(t.accuracy).padStart(9)}${`${pct(t.interval[0])}–${pct(t.interval[1])}`.padStart(16)}${String(t.n).padStart(6)}`);
  }
  lines.push('', `${r.seconds.toFixed(1)} s: ${r.articlesPerSecond.toFixed(1)} articles/s, ${r.pairsPerSecond.toFixed(1)} NLI pairs/s (${r.pairs} pairs)`);
  return `${lines.join('\n')}\n`;
}

/** `headcheck eval`: returns the exit code (0, or 2 on bad data / model). */
export async function runEval(options: EvalOptions): Promise<number> {
  let items: LabelledArticle[];
  let source: string;
  try {
    if (options.stances || options.bodies) {
      if (!options.stances || !options.bodies) throw new Error('FNC-1 evaluation needs both --stances FILE and --bodies FILE');
      items = await loadFnc(options.stances, options.bodies, options.bodyIds);
      source = `FNC-1 ${options.stances}${options.bodyIds ? ` (bodies in ${options.bodyIds})` : ''}`;
    } else if (options.data) {
      items = await loadLabelledJsonl(options.data);
      source = options.data;
    } else {
      throw new Error('give a JSONL file of {id, headline, body, expected}, or --stances and --bodies');
    }
  } catch (err) {
    options.err.write(`headcheck: error: ${(err as Error).message}\n`);
    return 2;
  }
  if (options.split) {
    items = items.filter((item) => item.split === options.split);
    source += ` (split ${options.split})`;
    if (items.length === 0) {
      options.err.write(`headcheck: error: no items with "split": "${options.split}" in ${source}\n`);
      return 2;
    }
  }
  if (options.sample) {
    items = stratifiedSample(items, options.sample, options.seed ?? 1);
    source += ` (stratified sample of ${items.length}, seed ${options.seed ?? 1})`;
  }
  let checker;
  try {
    checker = await createChecker({ ...options.checker, suggest: Boolean(options.suggestions) });
  } catch (err) {
    options.err.write(`headcheck: error: ${err instanceof ModelError ? err.message : (err as Error).message}\n`);
    return 2;
  }
  const predictions = options.predictions ? createWriteStream(options.predictions) : undefined;
  const pairs: Array<{ expected: VerdictLabel; predicted: VerdictLabel; confidence: number; tags?: string[] }> = [];
  let errors = 0;
  let flagged = 0;
  let offered = 0;
  const started = performance.now();
  const pairsBefore = checker.model.pairsScored;
  let index = 0;
  for await (const outcome of checker.checkMany(items.map(({ expected: _e, ...a }) => a))) {
    const item = items[index++]!;
    const expected = item.expected;
    if (isErrorRecord(outcome)) {
      errors++;
      options.err.write(`headcheck: error: ${outcome.error.message}\n`);
      continue;
    }
    pairs.push({ expected, predicted: outcome.verdict, confidence: outcome.confidence, tags: item.tags });
    if (outcome.verdict === 'overstated' || outcome.verdict === 'contradicted') {
      flagged++;
      if (outcome.suggestion) offered++;
    }
    if (predictions) {
      await write(predictions, `${JSON.stringify({ id: outcome.id, expected, tags: item.tags, split: item.split, predicted: outcome.verdict, claims: outcome.claims?.map((c) => ({ text: c.text, verdict: c.verdict })), suggestion: outcome.suggestion?.text, confidence: outcome.confidence, scores: outcome.scores, decisionInput: outcome.decisionInput })}\n`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const scored = checker.model.pairsScored - pairsBefore;
  await checker.dispose();
  if (predictions) await new Promise<void>((resolve) => predictions.end(resolve));
  const result: EvalResult = {
    source,
    ...computeMetrics(pairs),
    fnc: options.stances ? fncScore(pairs) : undefined,
    errors,
    seconds,
    articlesPerSecond: pairs.length / seconds,
    pairsPerSecond: scored / seconds,
    pairs: scored,
    ece: expectedCalibrationError(pairs),
    suggestions: options.suggestions ? { flagged, offered } : undefined,
    perTag: perTag(pairs),
  };
  await write(options.out, options.format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatEvalText(result));
  return errors > 0 ? 2 : 0;
}
