import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { inspectModelDir, REQUIRED_MODEL_FILES } from '../nli/model.js';

const OPTIONAL_FILES = ['special_tokens_map.json', 'README.md'];
/** HF_ENDPOINT (as in Hugging Face's own tools) points pulls at a mirror. */
const defaultHub = () => (process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');
/** No answer (headers, or the next chunk of a file) for this long ends the pull. */
export const DEFAULT_PULL_TIMEOUT_MS = 30_000;

/** "owner/name": letters, digits, '-', '_', '.'; no '..', no absolute or nested paths. */
export function validateModelId(id: string): string | undefined {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/.test(id) || id.includes('..')) {
    return `invalid model id "${id}": use owner/name (letters, digits, - _ .), e.g. cross-encoder/nli-MiniLM2-L6-H768`;
  }
  return undefined;
}

export function localFolderName(id: string): string {
  return id.replace('/', '__');
}

export interface PullOptions {
  id: string;
  modelsDir: string;
  revision?: string;
  err: Writable;
  fetchImpl?: typeof fetch;
  /** Hub base URL; default HF_ENDPOINT or huggingface.co. */
  endpoint?: string;
  /** Connect/read inactivity limit per request, ms. */
  timeoutMs?: number;
}

class PullTimeout extends Error {}

/** A response body, read with an inactivity limit between chunks. */
async function readBody(response: Response, timeoutMs: number, url: string): Promise<Buffer> {
  if (!response.body) return Buffer.from(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      reader.read(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new PullTimeout(`${url}: no data for ${timeoutMs / 1000} s; try again later`)), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    if (next.done) break;
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads a model's HF-layout files into a temporary folder inside modelsDir, checks
 * them, then renames the folder into place, so a half-done pull never looks like a model.
 */
export async function pullModel(options: PullOptions): Promise<number> {
  const problem = validateModelId(options.id);
  if (problem) {
    options.err.write(`headcheck: error: ${problem}\n`);
    return 2;
  }
  const revision = options.revision ?? 'main';
  if (!/^[A-Za-z0-9._-]+$/.test(revision)) {
    options.err.write(`headcheck: error: invalid revision "${revision}"\n`);
    return 2;
  }
  const fetchImpl = options.fetchImpl ?? fetch;
  const hub = (options.endpoint ?? defaultHub()).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_PULL_TIMEOUT_MS;
  const target = path.resolve(options.modelsDir, localFolderName(options.id));
  if (existsSync(target)) {
    options.err.write(`headcheck: error: ${target} already exists; remove it first to pull again\n`);
    return 2;
  }
  await mkdir(options.modelsDir, { recursive: true });
  const temp = await mkdtemp(path.join(path.resolve(options.modelsDir), '.pull-'));
  // A killed pull must not leave its temporary folder behind.
  const onSignal = (signal: NodeJS.Signals) => {
    rmSync(temp, { recursive: true, force: true });
    options.err.write(`headcheck: pull interrupted (${signal}); nothing was kept\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const file of [...REQUIRED_MODEL_FILES, ...OPTIONAL_FILES]) {
      const url = `${hub}/${options.id}/resolve/${revision}/${file}`;
      let response: Response;
      // The time limit covers connecting and the headers; the body has its own limit per chunk.
      const controller = new AbortController();
      const headersTimer = setTimeout(() => controller.abort(new PullTimeout('headers')), timeoutMs);
      try {
        response = await fetchImpl(url, { signal: controller.signal });
      } catch (err) {
        if (controller.signal.aborted) throw new Error(`${hub} did not answer within ${timeoutMs / 1000} s; try again later, or check HF_ENDPOINT`);
        const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
        throw new Error(`cannot reach ${hub} (${cause}); "headcheck models pull" needs network access — on an offline machine, copy a model folder in and pass --model DIR`);
      } finally {
        clearTimeout(headersTimer);
      }
      if (!response.ok) {
        if (OPTIONAL_FILES.includes(file)) continue;
        throw new Error(`${url}: HTTP ${response.status}; is "${options.id}" an NLI model with an ONNX export (onnx/model_quantized.onnx)?`);
      }
      const dest = path.join(temp, file);
      await mkdir(path.dirname(dest), { recursive: true });
      try {
        await writeFile(dest, await readBody(response, timeoutMs, url));
      } finally {
        controller.abort();
      }
    }
    inspectModelDir(temp);
    await rename(temp, target);
    options.err.write(`headcheck: pulled ${options.id} into ${target}; use it with --model ${path.relative(process.cwd(), target) || target}\n`);
    return 0;
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    options.err.write(`headcheck: error: ${(err as Error).message}\n`);
    return 2;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}
