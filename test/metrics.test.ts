import { describe, expect, it } from 'vitest';
import { computeMetrics, fncScore, wilsonInterval } from '../src/eval/metrics.js';
import { parseCsv } from '../src/eval/csv.js';
import { stratifiedSample } from '../src/eval/run-eval.js';
import type { VerdictLabel } from '../src/types.js';

const pair = (expected: VerdictLabel, predicted: VerdictLabel) => ({ expected, predicted });

describe('metrics', () => {
  const pairs = [
    pair('supported', 'supported'), pair('supported', 'supported'), pair('supported', 'overstated'),
    pair('overstated', 'overstated'), pair('overstated', 'supported'),
    pair('contradicted', 'contradicted'),
    pair('unsupported', 'overstated'),
  ];

  it('builds the confusion matrix as [expected][predicted]', () => {
    const m = computeMetrics(pairs);
    expect(m.confusion.supported).toEqual({ supported: 2, overstated: 1, contradicted: 0, unsupported: 0 });
    expect(m.confusion.unsupported.overstated).toBe(1);
  });

  it('computes accuracy, per-verdict precision/recall/F1 and macro-F1 by hand-checked numbers', () => {
    const m = computeMetrics(pairs);
    expect(m.accuracy).toBeCloseTo(4 / 7);
    // supported: tp 2, predicted 3, support 3 → P 2/3, R 2/3, F1 2/3
    expect(m.perVerdict.supported).toMatchObject({ precision: expect.closeTo(2 / 3), recall: expect.closeTo(2 / 3), f1: expect.closeTo(2 / 3), support: 3 });
    // overstated: tp 1, predicted 3, support 2 → P 1/3, R 1/2, F1 0.4
    expect(m.perVerdict.overstated.f1).toBeCloseTo(0.4);
    expect(m.perVerdict.contradicted.f1).toBe(1);
    expect(m.perVerdict.unsupported).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 1 });
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.4 + 1 + 0) / 4);
  });

  it('gives the accuracy a 95 % Wilson interval (textbook values)', () => {
    const [low, high] = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 3);
    expect(high).toBeCloseTo(0.9433, 3);
    expect(wilsonInterval(0, 10)[0]).toBeCloseTo(0, 9);
    expect(wilsonInterval(0, 10)[1]).toBeCloseTo(0.2775, 3);
    expect(wilsonInterval(10, 10)[1]).toBeCloseTo(1, 9);
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
    const m = computeMetrics(pairs);
    expect(m.accuracyInterval[0]).toBeLessThan(m.accuracy);
    expect(m.accuracyInterval[1]).toBeGreaterThan(m.accuracy);
  });

  it('leaves a verdict with no support and no predictions out of macro-F1', () => {
    expect(computeMetrics([pair('supported', 'supported'), pair('overstated', 'overstated')]).macroF1).toBe(1);
  });

  it('scores FNC-1: 0.25 per related/unrelated call, 0.75 more per exact related stance', () => {
    const s = fncScore([
      pair('supported', 'supported'), // 1.0 of 1.0
      pair('contradicted', 'overstated'), // 0.25 of 1.0
      pair('unsupported', 'unsupported'), // 0.25 of 0.25
      pair('unsupported', 'supported'), // 0 of 0.25
      pair('overstated', 'unsupported'), // 0 of 1.0
    ]);
    expect(s.score).toBeCloseTo(1.5);
    expect(s.max).toBeCloseTo(3.5);
    expect(s.relative).toBeCloseTo(1.5 / 3.5);
  });
});

describe('csv and sampling', () => {
  it('parses quoted fields with commas, quotes and line breaks, CRLF or LF', () => {
    expect(parseCsv('a,b\r\n1,"x, ""y""\nz"\r\n2,plain\n')).toEqual([['a', 'b'], ['1', 'x, "y"\nz'], ['2', 'plain']]);
  });

  it('takes a stratified, seeded, order-keeping sample', () => {
    const items = [...Array(80)].map((_, i) => ({ i, expected: (i < 60 ? 'unsupported' : i < 76 ? 'overstated' : 'supported') as VerdictLabel }));
    const a = stratifiedSample(items, 20, 7);
    expect(a.filter((x) => x.expected === 'unsupported')).toHaveLength(15);
    expect(a.filter((x) => x.expected === 'overstated')).toHaveLength(4);
    expect(a.filter((x) => x.expected === 'supported')).toHaveLength(1);
    expect(a.map((x) => x.i)).toEqual([...a.map((x) => x.i)].sort((x, y) => x - y));
    expect(stratifiedSample(items, 20, 7)).toEqual(a);
    expect(stratifiedSample(items, 20, 8)).not.toEqual(a);
  });
});
