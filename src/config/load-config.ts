import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFailOn } from '../run.js';
import type { VerdictLabel } from '../types.js';
import { parseThresholds, type Thresholds } from '../verdict/thresholds.js';

/** What a config file may set. Paths are relative to the file's folder. */
export interface HeadcheckConfig {
  model?: string;
  failOn?: VerdictLabel[] | string;
  thresholds?: Partial<Thresholds>;
  topK?: number;
  maxBodyBytes?: number;
  hedges?: string[];
  attributions?: string[];
  boilerplate?: string[];
  include?: string[];
  ignore?: string[];
}

export interface ResolvedConfig {
  /** The file it came from, if any. */
  file?: string;
  model?: string;
  failOn: VerdictLabel[];
  thresholds?: Partial<Thresholds>;
  topK?: number;
  maxBodyBytes?: number;
  hedges?: string[];
  attributions?: string[];
  boilerplate?: RegExp[];
  include?: string[];
  ignore?: string[];
}

export const DEFAULT_FAIL_ON: VerdictLabel[] = ['contradicted', 'overstated'];
export const CONFIG_FILES = ['headcheck.config.json', '.headcheckrc.json'] as const;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The config that applies in `cwd`: --config FILE, else the nearest file found walking up. */
export function findConfig(cwd: string): { file: string; value: unknown } | undefined {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    for (const name of CONFIG_FILES) {
      const file = path.join(dir, name);
      if (existsSync(file)) return { file, value: readJson(file) };
    }
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg)) {
      const value = readJson(pkg) as Record<string, unknown>;
      if (value && typeof value === 'object' && 'headcheck' in value) return { file: `${pkg}#headcheck`, value: value.headcheck };
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(`${file}: not valid JSON (${(err as Error).message})`);
  }
}

const STRING_LISTS = ['hedges', 'attributions', 'boilerplate', 'include', 'ignore'] as const;
/** Config phrases run on every sentence of every article: their number and size are bounded. */
export const MAX_CONFIG_PATTERNS = 500;
export const MAX_PATTERN_LENGTH = 200;

/**
 * Patterns that can backtrack exponentially: a quantified group that itself holds a quantifier
 * ("(a+)+", "(\\w*)*", "(x|xy){2,}") or a quantified back-reference. Linear alternatives exist
 * for every phrase list headcheck needs, so such patterns are refused rather than timed out.
 */
export function unsafePattern(pattern: string): string | undefined {
  const stack: Array<{ quantified: boolean; alternation: boolean }> = [];
  let lastGroup: { quantified: boolean; alternation: boolean } | undefined;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (/[1-9]/.test(pattern[i + 1] ?? '') && /^[*+{]/.test(pattern[i + 2] ?? '')) return 'a quantified back-reference';
      i++;
      lastGroup = undefined;
      continue;
    }
    if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      i = end < 0 ? pattern.length : end;
      lastGroup = undefined;
      continue;
    }
    if (c === '(') stack.push({ quantified: false, alternation: false });
    else if (c === ')') lastGroup = stack.pop();
    else if (c === '|' && stack.length > 0) stack[stack.length - 1]!.alternation = true;
    else if (/[*+{]/.test(c) || (c === '?' && pattern[i - 1] !== '(')) {
      if (c !== '?' && lastGroup && (lastGroup.quantified || lastGroup.alternation)) return 'a repeated group that itself repeats or alternates (nested quantifiers)';
      for (const g of stack) g.quantified = true;
      if (lastGroup && stack.length > 0) stack[stack.length - 1]!.quantified = true;
      lastGroup = undefined;
      continue;
    } else lastGroup = undefined;
  }
  return undefined;
}
const KNOWN = ['model', 'failOn', 'thresholds', 'topK', 'maxBodyBytes', ...STRING_LISTS];

/** Validates a config object; every problem names the key and the file. */
export function validateConfig(value: unknown, file: string): ResolvedConfig {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${file}: the config must be a JSON object`);
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!KNOWN.includes(key)) throw new ConfigError(`${file}: unknown key "${key}"; known keys: ${KNOWN.join(', ')}`);
  }
  const baseDir = path.dirname(file.replace(/#headcheck$/, ''));
  const out: ResolvedConfig = { file, failOn: DEFAULT_FAIL_ON };
  if (raw.model !== undefined) {
    if (typeof raw.model !== 'string' || raw.model === '') throw new ConfigError(`${file}: "model" must be a folder path (string)`);
    out.model = path.resolve(baseDir, raw.model);
  }
  if (raw.failOn !== undefined) {
    const list = Array.isArray(raw.failOn) && raw.failOn.every((v) => typeof v === 'string') ? raw.failOn.join(',')
      : typeof raw.failOn === 'string' ? raw.failOn : undefined;
    if (list === undefined) throw new ConfigError(`${file}: "failOn" must be a list of verdicts or a comma-separated string`);
    try {
      out.failOn = parseFailOn(list);
    } catch (err) {
      throw new ConfigError(`${file}: "failOn": ${(err as Error).message.replace(/^--fail-on: /, '')}`);
    }
  }
  if (raw.thresholds !== undefined) {
    try {
      out.thresholds = parseThresholds(raw.thresholds, file);
    } catch (err) {
      throw new ConfigError((err as Error).message);
    }
  }
  for (const key of ['topK', 'maxBodyBytes'] as const) {
    const v = raw[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new ConfigError(`${file}: "${key}" must be a positive integer, got ${JSON.stringify(v)}`);
    out[key] = v;
  }
  for (const key of STRING_LISTS) {
    const v = raw[key];
    if (v === undefined) continue;
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string' && s.length > 0)) {
      throw new ConfigError(`${file}: "${key}" must be a list of non-empty strings`);
    }
    if (key === 'hedges' || key === 'attributions' || key === 'boilerplate') {
      if (v.length > MAX_CONFIG_PATTERNS) throw new ConfigError(`${file}: "${key}" has ${v.length} entries; at most ${MAX_CONFIG_PATTERNS} are allowed`);
      for (const pattern of v as string[]) {
        if (pattern.length > MAX_PATTERN_LENGTH) throw new ConfigError(`${file}: "${key}" entry ${JSON.stringify(pattern.slice(0, 40))}… is ${pattern.length} characters; at most ${MAX_PATTERN_LENGTH}`);
        const unsafe = unsafePattern(pattern);
        if (unsafe) throw new ConfigError(`${file}: "${key}" entry ${JSON.stringify(pattern)} has ${unsafe}, which can take exponential time; write it without the nested repetition`);
        try {
          new RegExp(pattern, 'iu');
        } catch (err) {
          throw new ConfigError(`${file}: "${key}" entry ${JSON.stringify(pattern)} is not a valid regular expression (${(err as Error).message})`);
        }
      }
    }
    if (key === 'boilerplate') out.boilerplate = (v as string[]).map((p) => new RegExp(p, 'iu'));
    else out[key] = v as string[];
  }
  return out;
}

/** Loads the config for a run: explicit file, else discovered, else defaults. */
export function loadConfig(cwd: string, explicit?: string): ResolvedConfig {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!existsSync(file)) throw new ConfigError(`--config ${explicit}: no such file`);
    return validateConfig(readJson(file), file);
  }
  const found = findConfig(cwd);
  return found ? validateConfig(found.value, found.file) : { failOn: DEFAULT_FAIL_ON };
}
