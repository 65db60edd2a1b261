import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { inspectModelDir, REQUIRED_MODEL_FILES } from '../nli/model.js';

const OPTIONAL_FILES = ['special_tokens_map.json', 'README.md'];
/** HF_ENDPOINT (as in Hugging Face's own tools) points pulls at a mirror. */
const HUB = (process.env.HF_ENDPOINT ?? 'https://huggingface.co').replace(/\/+$/, '');

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
  const target = path.resolve(options.modelsDir, localFolderName(options.id));
  if (existsSync(target)) {
    options.err.write(`headcheck: error: ${target} already exists; remove it first to pull again\n`);
    return 2;
  }
  await mkdir(options.modelsDir, { recursive: true });
  const temp = await mkdtemp(path.join(path.resolve(options.modelsDir), '.pull-'));
  try {
    for (const file of [...REQUIRED_MODEL_FILES, ...OPTIONAL_FILES]) {
      const url = `${HUB}/${options.id}/resolve/${revision}/${file}`;
      let response: Response;
      try {
        response = await fetchImpl(url);
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
        throw new Error(`cannot reach ${HUB} (${cause}); "headcheck models pull" needs network access — on an offline machine, copy a model folder in and pass --model DIR`);
      }
      if (!response.ok) {
        if (OPTIONAL_FILES.includes(file)) continue;
        throw new Error(`${url}: HTTP ${response.status}; is "${options.id}" an NLI model with an ONNX export (onnx/model_quantized.onnx)?`);
      }
      const dest = path.join(temp, file);
      await mkdir(path.dirname(dest), { recursive: true });
      await writeFile(dest, Buffer.from(await response.arrayBuffer()));
    }
    inspectModelDir(temp);
    await rename(temp, target);
    options.err.write(`headcheck: pulled ${options.id} into ${target}; use it with --model ${path.relative(process.cwd(), target) || target}\n`);
    return 0;
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    options.err.write(`headcheck: error: ${(err as Error).message}\n`);
    return 2;
  }
}
