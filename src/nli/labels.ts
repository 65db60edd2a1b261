import type { PairScores } from '../types.js';

/** Where each NLI class sits in the model's logits. */
export type LabelMap =
  | { kind: '3-way'; entailment: number; neutral: number; contradiction: number }
  | { kind: '2-way'; entailment: number; notEntailment: number };

export class LabelMapError extends Error {
  override name = 'LabelMapError';
}

function normalise(label: string): string {
  return label.toLowerCase().replace(/[^a-z]/g, '');
}

const ENTAILMENT = new Set(['entailment', 'entails', 'entailed', 'support', 'supports']);
const NEUTRAL = new Set(['neutral', 'notenoughinfo', 'nei']);
const CONTRADICTION = new Set(['contradiction', 'contradicts', 'contradict', 'refutes', 'refute']);
const NOT_ENTAILMENT = new Set(['notentailment', 'nonentailment', 'notentailed']);

/**
 * Reads config.json's id2label into a LabelMap: 3-way entailment/neutral/contradiction in
 * any order and spelling (ENTAILMENT, "not_entailment", SUPPORTS…), or 2-way
 * entailment/not_entailment. Anything else (e.g. LABEL_0/LABEL_1) is an error that says why.
 */
export function mapLabels(id2label: unknown, where = 'config.json'): LabelMap {
  if (id2label === null || typeof id2label !== 'object' || Array.isArray(id2label)) {
    throw new LabelMapError(`${where}: missing "id2label"; add e.g. {"0": "entailment", "1": "neutral", "2": "contradiction"}`);
  }
  const found: Record<string, number> = {};
  const entries = Object.entries(id2label as Record<string, unknown>);
  for (const [key, value] of entries) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || typeof value !== 'string') {
      throw new LabelMapError(`${where}: id2label entry ${JSON.stringify(key)}: ${JSON.stringify(value)} is not index → label name`);
    }
    const name = normalise(value);
    const role = ENTAILMENT.has(name) ? 'entailment' : NEUTRAL.has(name) ? 'neutral'
      : CONTRADICTION.has(name) ? 'contradiction' : NOT_ENTAILMENT.has(name) ? 'notEntailment' : undefined;
    if (!role) {
      throw new LabelMapError(`${where}: id2label label ${JSON.stringify(value)} is not an NLI class; use entailment / neutral / contradiction (or entailment / not_entailment)`);
    }
    if (role in found) throw new LabelMapError(`${where}: id2label names ${role} twice`);
    found[role] = index;
  }
  const roles = Object.keys(found).sort().join(',');
  const indexes = Object.values(found).sort((a, b) => a - b);
  if (indexes.some((v, i) => v !== i)) {
    throw new LabelMapError(`${where}: id2label indexes must be 0..${indexes.length - 1}, got ${indexes.join(', ')}`);
  }
  if (roles === 'contradiction,entailment,neutral') {
    return { kind: '3-way', entailment: found.entailment!, neutral: found.neutral!, contradiction: found.contradiction! };
  }
  if (roles === 'entailment,notEntailment') {
    return { kind: '2-way', entailment: found.entailment!, notEntailment: found.notEntailment! };
  }
  throw new LabelMapError(`${where}: id2label has ${entries.length} labels (${entries.map(([, v]) => v).join(', ')}); need entailment, neutral and contradiction, or entailment and not_entailment`);
}

/**
 * Logits of one pair to probabilities. A 2-way model cannot tell neutral from contradiction,
 * so its not_entailment mass is reported as neutral and contradiction is 0.
 */
export function toPairScores(logits: ArrayLike<number>, labels: LabelMap): PairScores {
  const probs = softmax(Array.from(logits));
  if (labels.kind === '3-way') {
    return { entailment: probs[labels.entailment]!, neutral: probs[labels.neutral]!, contradiction: probs[labels.contradiction]! };
  }
  return { entailment: probs[labels.entailment]!, neutral: probs[labels.notEntailment]!, contradiction: 0 };
}

export function softmax(values: number[]): number[] {
  const max = Math.max(...values);
  const exps = values.map((v) => Math.exp(v - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
