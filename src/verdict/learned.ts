/**
 * The learned verdict: multinomial logistic regression over a claim's features, fitted by
 * training/fit-verdict.mjs and shipped beside the NLI model as verdict.json. Its output is a
 * probability per verdict; `confidence` is the chosen verdict's probability.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VERDICTS, type VerdictLabel } from '../types.js';
import { FEATURE_NAMES, type Features, featureVector } from './features.js';

export interface VerdictModel {
  classes: VerdictLabel[];
  features: string[];
  /** Standardisation applied before the weights: (x - mean) / scale. */
  mean: number[];
  scale: number[];
  /** One row per class: weights then bias. */
  weights: number[][];
  bias: number[];
  /** Softmax temperature chosen on held-out data (calibration). */
  temperature: number;
  /** What it was trained on, for README / version output. */
  trainedOn?: string;
}

export function parseVerdictModel(value: unknown, where: string): VerdictModel {
  const m = value as Partial<VerdictModel>;
  const ok = m && Array.isArray(m.classes) && m.classes.every((c) => (VERDICTS as readonly string[]).includes(c))
    && Array.isArray(m.features) && m.features.length === FEATURE_NAMES.length && m.features.every((f, i) => f === FEATURE_NAMES[i])
    && Array.isArray(m.weights) && m.weights.length === m.classes.length && m.weights.every((w) => Array.isArray(w) && w.length === FEATURE_NAMES.length)
    && Array.isArray(m.bias) && m.bias.length === m.classes.length && Array.isArray(m.mean) && Array.isArray(m.scale)
    && typeof m.temperature === 'number' && m.temperature > 0;
  if (!ok) {
    throw new Error(`${where}: not a verdict model for this version of headcheck (features must be ${FEATURE_NAMES.join(', ')}); refit it with training/fit-verdict.mjs`);
  }
  return m as VerdictModel;
}

/** The verdict model shipped with an NLI model folder (verdict.json), if any. */
export function loadVerdictModel(dir: string): VerdictModel | undefined {
  const file = path.join(dir, 'verdict.json');
  if (!existsSync(file)) return undefined;
  return parseVerdictModel(JSON.parse(readFileSync(file, 'utf8')), file);
}

export function verdictProbabilities(model: VerdictModel, features: Features): Record<VerdictLabel, number> {
  const x = featureVector(features).map((v, i) => (v - model.mean[i]!) / (model.scale[i]! || 1));
  const logits = model.weights.map((w, k) => (w.reduce((s, wi, i) => s + wi * x[i]!, 0) + model.bias[k]!) / model.temperature);
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  const out = { supported: 0, overstated: 0, contradicted: 0, unsupported: 0 } as Record<VerdictLabel, number>;
  model.classes.forEach((c, k) => (out[c] = exps[k]! / total));
  return out;
}
