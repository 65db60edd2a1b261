import type { Writable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { byteLines } from '../input/byte-lines.js';
import { NliModel, ModelError, bundledModelDir, type NliPair } from '../nli/model.js';
import { write } from '../run.js';
import type { PairScores } from '../types.js';

export interface NliOptions {
  inputs: string[];
  format: 'jsonl' | 'json' | 'text';
  model?: string;
  out: Writable;
  err: Writable;
  stdin?: NodeJS.ReadableStream & AsyncIterable<Buffer | string>;
  batch?: number;
}

type NliRecord = { id: string; label: string; scores: PairScores } | { id: string; error: { code: string; message: string } };

/** The label with the highest probability (a 2-way model's not_entailment reports as neutral). */
export function topLabel(scores: PairScores): keyof PairScores {
  return (Object.keys(scores) as Array<keyof PairScores>).reduce((a, b) => (scores[b] > scores[a] ? b : a));
}

function parsePairLine(text: string, where: string): { id: string; pair?: NliPair; error?: string } {
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    return { id: where, error: `${where}: malformed JSON (${(err as Error).message})` };
  }
  const id = typeof value?.id === 'string' || typeof value?.id === 'number' ? String(value.id) : where;
  if (typeof value?.premise !== 'string' || typeof value?.hypothesis !== 'string') {
    return { id, error: `${where}: needs string "premise" and "hypothesis"` };
  }
  return { id, pair: { premise: value.premise, hypothesis: value.hypothesis } };
}

/** `headcheck nli`: scores raw pairs from JSONL; exit 2 if any line was bad or the model failed. */
export async function runNli(options: NliOptions): Promise<number> {
  let model: NliModel;
  try {
    model = await NliModel.load(options.model ?? bundledModelDir());
  } catch (err) {
    options.err.write(`headcheck: error: ${err instanceof ModelError ? err.message : (err as Error).message}\n`);
    return 2;
  }
  let errors = 0;
  let count = 0;
  const batchSize = options.batch ?? 64;
  let pending: Array<{ id: string; pair?: NliPair; error?: string }> = [];
  const emit = async (record: NliRecord): Promise<void> => {
    if (options.format === 'jsonl') await write(options.out, `${JSON.stringify(record)}\n`);
    else if (options.format === 'json') await write(options.out, `${count === 0 ? '[\n' : ',\n'}${JSON.stringify(record)}`);
    else if ('error' in record) options.err.write(`headcheck: error: ${record.error.message}\n`);
    else {
      const s = record.scores;
      await write(options.out, `${record.id}\t${record.label}\tE ${s.entailment.toFixed(3)}  N ${s.neutral.toFixed(3)}  C ${s.contradiction.toFixed(3)}\n`);
    }
    count++;
  };
  const flush = async (): Promise<void> => {
    const valid = pending.filter((p) => p.pair);
    const scores = await model.score(valid.map((p) => p.pair!));
    let next = 0;
    for (const p of pending) {
      if (p.error) {
        errors++;
        await emit({ id: p.id, error: { code: 'E_JSON', message: p.error } });
      } else {
        const s = scores[next++]!;
        const rounded = { entailment: round(s.entailment), neutral: round(s.neutral), contradiction: round(s.contradiction) };
        await emit({ id: p.id, label: topLabel(rounded), scores: rounded });
      }
    }
    pending = [];
  };
  for (const input of options.inputs.length > 0 ? options.inputs : ['-']) {
    const stream = input === '-' ? options.stdin ?? process.stdin : createReadStream(input);
    const label = input === '-' ? 'stdin' : input;
    try {
      for await (const { line, text, invalidUtf8 } of byteLines(stream as never)) {
        if (invalidUtf8) pending.push({ id: `${label}:${line}`, error: `${label}:${line}: invalid UTF-8` });
        else if (text && text.trim()) pending.push(parsePairLine(text, `${label}:${line}`));
        if (pending.length >= batchSize) await flush();
      }
    } catch (err) {
      errors++;
      const code = (err as NodeJS.ErrnoException).code;
      options.err.write(`headcheck: error: ${label}: cannot read (${code ?? (err as Error).message})\n`);
    }
  }
  await flush();
  if (options.format === 'json') await write(options.out, count === 0 ? '[]\n' : '\n]\n');
  await model.dispose();
  return errors > 0 ? 2 : 0;
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}
