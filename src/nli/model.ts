import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PairScores } from '../types.js';
import { type LabelMap, LabelMapError, mapLabels, toPairScores } from './labels.js';

/** A model that cannot be used; the message names the file and the fix. */
export class ModelError extends Error {
  override name = 'ModelError';
}

export interface NliModelOptions {
  /** Most tokens per pair, [CLS] and [SEP]s included. The premise is cut first. */
  maxTokens?: number;
  /** Pairs per forward pass. */
  batchSize?: number;
  /** onnxruntime intra-op threads; default: all cores, at most 4. */
  threads?: number;
}

export interface NliPair {
  premise: string;
  hypothesis: string;
}

export interface EncodedPair {
  ids: number[];
  typeIds: number[];
  /** True when the hypothesis itself had to be cut to fit maxTokens. */
  hypothesisTruncated: boolean;
}

/** Fewest tokens per pair that still leave room for a headline and some premise. */
export const MIN_TOKENS = 32;

/** The files a model folder must hold, relative to it. */
export const REQUIRED_MODEL_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model_quantized.onnx'] as const;

const MODEL_FILE_LIMITS: Record<(typeof REQUIRED_MODEL_FILES)[number], number> = {
  'config.json': 1_048_576, 'tokenizer.json': 64 * 1_048_576, 'tokenizer_config.json': 1_048_576, 'onnx/model_quantized.onnx': 2 * 1024 ** 3,
};

export const BUNDLED_MODEL_NAME = 'headcheck-nli-minilm-l6';

/** The model shipped in this package's models/ folder. */
export function bundledModelDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, '..', '..', 'models', BUNDLED_MODEL_NAME);
}

/** Checks a model folder before loading it; throws ModelError naming what is wrong. */
export function inspectModelDir(dir: string): { labels: LabelMap; config: Record<string, unknown> } {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new ModelError(`model directory ${dir} not found; pass --model DIR pointing at a Hugging Face layout folder, or run "headcheck models pull ID"`);
  }
  for (const file of REQUIRED_MODEL_FILES) {
    const full = path.join(dir, file);
    if (!existsSync(full)) {
      throw new ModelError(`${full} is missing; a model folder needs ${REQUIRED_MODEL_FILES.join(', ')} (export one with training/export.py or pull it)`);
    }
    // Regular files of a sane size only: a link to /dev/zero must not be read until memory runs out.
    const info = statSync(full);
    if (!info.isFile()) throw new ModelError(`${full} is not a regular file; restore the model file`);
    if (info.size > MODEL_FILE_LIMITS[file]) throw new ModelError(`${full} is ${info.size} bytes, more than a model of this kind needs (${MODEL_FILE_LIMITS[file]}); restore the model file`);
  }
  const configPath = path.join(dir, 'config.json');
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    throw new ModelError(`${configPath}: not valid JSON (${(err as Error).message}); restore the model's config.json`);
  }
  const positions = config.max_position_embeddings;
  if (positions !== undefined && (typeof positions !== 'number' || !Number.isInteger(positions) || positions < MIN_TOKENS)) {
    throw new ModelError(`${configPath}: "max_position_embeddings" is ${JSON.stringify(positions)}; it must be an integer of at least ${MIN_TOKENS} (restore the model's config.json)`);
  }
  try {
    return { labels: mapLabels(config.id2label, configPath), config };
  } catch (err) {
    if (err instanceof LabelMapError) throw new ModelError(err.message);
    throw err;
  }
}

type TransformersModule = typeof import('@huggingface/transformers');

interface Loaded {
  tf: TransformersModule;
  tokenizer: Awaited<ReturnType<TransformersModule['AutoTokenizer']['from_pretrained']>>;
  model: Awaited<ReturnType<TransformersModule['AutoModelForSequenceClassification']['from_pretrained']>>;
}

/**
 * The NLI cross-encoder: loaded once, offline, from a local folder; scores (premise,
 * hypothesis) pairs in length-sorted, dynamically padded batches.
 */
export class NliModel {
  readonly maxTokens: number;
  readonly batchSize: number;
  private readonly tokenCache = new Map<string, number[]>();
  /** Pairs scored since load (for pairs/s in eval and bench). */
  pairsScored = 0;

  private constructor(
    readonly dir: string,
    readonly labels: LabelMap,
    private readonly loaded: Loaded,
    private readonly clsId: number,
    private readonly sepId: number,
    options: NliModelOptions,
  ) {
    const positions = Number((loadedConfig(loaded) as { max_position_embeddings?: number }).max_position_embeddings ?? 512);
    this.maxTokens = Math.min(options.maxTokens ?? 128, positions);
    this.batchSize = options.batchSize ?? 16;
  }

  static async load(dir: string, options: NliModelOptions = {}): Promise<NliModel> {
    if (options.maxTokens !== undefined && (!Number.isInteger(options.maxTokens) || options.maxTokens < MIN_TOKENS)) {
      throw new ModelError(`maxTokens must be an integer of at least ${MIN_TOKENS} (room for [CLS], a headline, some premise and two [SEP]s), got ${options.maxTokens}`);
    }
    const absolute = path.resolve(dir);
    const { labels } = inspectModelDir(absolute);
    const tf = await import('@huggingface/transformers');
    tf.env.allowRemoteModels = false;
    tf.env.allowLocalModels = true;
    tf.env.useFSCache = false;
    tf.env.useBrowserCache = false;
    const threads = options.threads ?? Math.min(4, (await import('node:os')).availableParallelism());
    let tokenizer: Loaded['tokenizer'];
    try {
      tokenizer = await tf.AutoTokenizer.from_pretrained(absolute, { local_files_only: true });
    } catch (err) {
      throw new ModelError(`${path.join(absolute, 'tokenizer.json')}: cannot load the tokenizer (${firstLine(err)}); restore tokenizer.json and tokenizer_config.json`);
    }
    let model: Loaded['model'];
    try {
      model = await tf.AutoModelForSequenceClassification.from_pretrained(absolute, {
        local_files_only: true,
        dtype: 'q8',
        device: 'cpu',
        // logSeverityLevel 3: onnxruntime's own multi-line warnings stay off stderr; errors still surface as ours.
        session_options: { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', logSeverityLevel: 3 },
      } as Parameters<TransformersModule['AutoModelForSequenceClassification']['from_pretrained']>[1]);
    } catch (err) {
      throw new ModelError(`${path.join(absolute, 'onnx', 'model_quantized.onnx')}: cannot be loaded (${firstLine(err)}); re-export it with training/export.py or pull the model again`);
    }
    const clsId = tokenizer.convert_tokens_to_ids('[CLS]');
    const sepId = tokenizer.sep_token_id ?? tokenizer.convert_tokens_to_ids('[SEP]');
    if (typeof clsId !== 'number' || typeof sepId !== 'number') {
      throw new ModelError(`${path.join(absolute, 'tokenizer.json')}: no [CLS]/[SEP] tokens; headcheck needs a BERT-style pair classifier`);
    }
    const nli = new NliModel(absolute, labels, { tf, tokenizer, model }, clsId, sepId, options);
    await nli.checkOutputWidth();
    return nli;
  }

  /** One probe pair: the model must give as many scores as config.json names labels. */
  private async checkOutputWidth(): Promise<void> {
    const expected = this.labels.kind === '3-way' ? 3 : 2;
    const { Tensor } = this.loaded.tf;
    const ids = this.encodePair(this.tokens('a'), this.tokens('b')).ids;
    const dims = [1, ids.length];
    const output = (await this.loaded.model({
      input_ids: new Tensor('int64', BigInt64Array.from(ids.map(BigInt)), dims),
      attention_mask: new Tensor('int64', BigInt64Array.from(ids.map(() => 1n)), dims),
      token_type_ids: new Tensor('int64', new BigInt64Array(ids.length), dims),
    })) as { logits: { dims: number[] } };
    const width = output.logits.dims[1];
    if (width !== expected) {
      await this.loaded.model.dispose();
      throw new ModelError(`${path.join(this.dir, 'onnx', 'model_quantized.onnx')} gives ${width} scores per pair but config.json id2label names ${expected}; fix id2label to match the model`);
    }
  }

  /** Token ids of a text without special tokens; cached, since sentences recur in windows. */
  tokens(text: string): number[] {
    let ids = this.tokenCache.get(text);
    if (!ids) {
      ids = this.loaded.tokenizer.encode(text, { add_special_tokens: false });
      if (this.tokenCache.size > 50_000) this.tokenCache.clear();
      this.tokenCache.set(text, ids);
    }
    return ids;
  }

  /**
   * [CLS] premise [SEP] hypothesis [SEP], cutting the premise's tail to fit. The hypothesis is
   * cut only when it alone leaves fewer than 16 premise tokens, and then says so.
   */
  encodePair(premiseIds: number[], hypothesisIds: number[]): EncodedPair {
    const budget = this.maxTokens - 3;
    const minPremise = Math.min(16, premiseIds.length);
    let hypothesis = hypothesisIds;
    let hypothesisTruncated = false;
    if (hypothesis.length > budget - minPremise) {
      hypothesis = hypothesis.slice(0, budget - minPremise);
      hypothesisTruncated = true;
    }
    const premise = premiseIds.slice(0, budget - hypothesis.length);
    const ids = [this.clsId, ...premise, this.sepId, ...hypothesis, this.sepId];
    const typeIds = ids.map((_, i) => (i < premise.length + 2 ? 0 : 1));
    return { ids, typeIds, hypothesisTruncated };
  }

  /** Scores pre-encoded pairs, in the order given. */
  async scoreEncoded(pairs: EncodedPair[]): Promise<PairScores[]> {
    const order = pairs.map((_, i) => i).sort((a, b) => pairs[a]!.ids.length - pairs[b]!.ids.length);
    const out: PairScores[] = new Array(pairs.length);
    this.pairsScored += pairs.length;
    const { Tensor } = this.loaded.tf;
    for (let start = 0; start < order.length; start += this.batchSize) {
      const batch = order.slice(start, start + this.batchSize);
      const width = Math.max(...batch.map((i) => pairs[i]!.ids.length));
      const size = batch.length * width;
      const ids = new BigInt64Array(size);
      const mask = new BigInt64Array(size);
      const types = new BigInt64Array(size);
      batch.forEach((pairIndex, row) => {
        const pair = pairs[pairIndex]!;
        for (let t = 0; t < pair.ids.length; t++) {
          ids[row * width + t] = BigInt(pair.ids[t]!);
          mask[row * width + t] = 1n;
          types[row * width + t] = BigInt(pair.typeIds[t]!);
        }
      });
      const dims = [batch.length, width];
      const output = (await this.loaded.model({
        input_ids: new Tensor('int64', ids, dims),
        attention_mask: new Tensor('int64', mask, dims),
        token_type_ids: new Tensor('int64', types, dims),
      })) as { logits: { data: Float32Array; dims: number[] } };
      const classes = output.logits.dims[1]!;
      batch.forEach((pairIndex, row) => {
        out[pairIndex] = toPairScores(output.logits.data.subarray(row * classes, (row + 1) * classes), this.labels);
      });
    }
    return out;
  }

  /** Scores raw text pairs (the `headcheck nli` command). */
  async score(pairs: NliPair[]): Promise<PairScores[]> {
    return this.scoreEncoded(pairs.map((p) => this.encodePair(this.tokens(p.premise), this.tokens(p.hypothesis))));
  }

  async dispose(): Promise<void> {
    await this.loaded.model.dispose();
  }
}

function loadedConfig(loaded: Loaded): Record<string, unknown> {
  return (loaded.model as unknown as { config?: Record<string, unknown> }).config ?? {};
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split('\n')[0]!.slice(0, 200);
}
