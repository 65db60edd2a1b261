import { VERDICTS, type VerdictLabel } from '../types.js';

export type Confusion = Record<VerdictLabel, Record<VerdictLabel, number>>;

export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Metrics {
  n: number;
  accuracy: number;
  /**
   * 95 % Wilson score interval of the accuracy: on 168 cases, 66 % right means anywhere from about
   * 59 to 73 %, so two models a few cases apart are not told apart by one run.
   */
  accuracyInterval: [number, number];
  macroF1: number;
  perVerdict: Record<VerdictLabel, ClassMetrics>;
  /** confusion[expected][predicted] */
  confusion: Confusion;
}

export function emptyConfusion(): Confusion {
  return Object.fromEntries(VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((p) => [p, 0]))])) as Confusion;
}

export function confusionMatrix(pairs: Array<{ expected: VerdictLabel; predicted: VerdictLabel }>): Confusion {
  const m = emptyConfusion();
  for (const { expected, predicted } of pairs) m[expected][predicted]++;
  return m;
}

/**
 * Accuracy, per-verdict precision / recall / F1 and macro-F1 (mean F1 over the verdicts that
 * occur in the expected labels or the predictions; a class with no support and no
 * predictions is left out rather than counted as 0 or 1).
 */
export function computeMetrics(pairs: Array<{ expected: VerdictLabel; predicted: VerdictLabel }>): Metrics {
  const confusion = confusionMatrix(pairs);
  const perVerdict = {} as Record<VerdictLabel, ClassMetrics>;
  const present: number[] = [];
  let correct = 0;
  for (const v of VERDICTS) {
    const tp = confusion[v][v];
    correct += tp;
    const support = VERDICTS.reduce((s, p) => s + confusion[v][p], 0);
    const predicted = VERDICTS.reduce((s, e) => s + confusion[e][v], 0);
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    perVerdict[v] = { precision, recall, f1, support };
    if (support > 0 || predicted > 0) present.push(f1);
  }
  return {
    n: pairs.length,
    accuracy: pairs.length === 0 ? 0 : correct / pairs.length,
    accuracyInterval: wilsonInterval(correct, pairs.length),
    macroF1: present.length === 0 ? 0 : present.reduce((a, b) => a + b, 0) / present.length,
    perVerdict,
    confusion,
  };
}

/** The 95 % Wilson score interval of a proportion (Wilson 1927); [0, 1] when n is 0. */
export function wilsonInterval(successes: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

export const FNC_TO_VERDICT: Record<string, VerdictLabel> = {
  agree: 'supported',
  disagree: 'contradicted',
  discuss: 'overstated',
  unrelated: 'unsupported',
};

export interface FncScore {
  score: number;
  max: number;
  /** score / max, 0..1 */
  relative: number;
}

/**
 * The FNC-1 score: 0.25 for a correct related/unrelated call; 0.75 more when a related
 * pair's exact stance is right. Max is what a perfect run would get.
 */
export function fncScore(pairs: Array<{ expected: VerdictLabel; predicted: VerdictLabel }>): FncScore {
  let score = 0;
  let max = 0;
  for (const { expected, predicted } of pairs) {
    const expRelated = expected !== 'unsupported';
    const predRelated = predicted !== 'unsupported';
    max += expRelated ? 1 : 0.25;
    if (expRelated === predRelated) score += 0.25;
    if (expRelated && expected === predicted) score += 0.75;
  }
  return { score, max, relative: max === 0 ? 0 : score / max };
}
