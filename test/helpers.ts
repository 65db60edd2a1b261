import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readInputs, type InputItem, type ReadOptions } from '../src/input/read-inputs.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const MODEL_DIR = path.join(ROOT, 'models', 'headcheck-nli-minilm-l6');

export function tempDir(prefix = 'headcheck-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export async function collect(specs: string[], opts: Partial<ReadOptions> = {}): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(specs, { maxBodyBytes: 2_000_000, ...opts })) items.push(item);
  return items;
}

export function stdinOf(text: string | Buffer): Readable {
  return Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);
}
