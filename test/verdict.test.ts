import { describe, expect, it } from 'vitest';
import { decide, DEFAULT_THRESHOLDS, parseThresholds } from '../src/verdict/index.js';
import type { Reason } from '../src/types.js';

const t = { entailment: 0.5, contradiction: 0.5, contradictionWithSignal: 0.3, relevance: 0.3 };
const scores = (entailment: number, contradiction: number, relevance: number) => ({ entailment, neutral: 1 - entailment - contradiction, contradiction, relevance });
const hedge: Reason = { kind: 'hedge', message: 'h' };
const inflated: Reason = { kind: 'number', message: 'The headline\'s figure "400" is bigger than the body\'s "40".' };
const negation: Reason = { kind: 'negation', message: 'n' };
const input = (s: ReturnType<typeof scores>, reasons: Reason[] = [], softened = false, opposite = false) => ({ scores: s, bestEntailment: s.entailment, entailingPremiseSoftened: softened, oppositeInKeySentence: opposite, reasons });

describe('decide', () => {
  it('supported: entailed by a plain sentence', () => {
    expect(decide(input(scores(0.9, 0.05, 0.8)), t)).toMatchObject({ verdict: 'supported', confidence: 0.9 });
  });
  it('overstated: entailed only by a hedged sentence, or on topic but not entailed', () => {
    expect(decide(input(scores(0.9, 0.05, 0.8), [hedge], true), t).verdict).toBe('overstated');
    expect(decide(input(scores(0.2, 0.1, 0.6)), t).verdict).toBe('overstated');
  });
  it('overstated, not contradicted, when the conflict is an inflated figure', () => {
    expect(decide(input(scores(0.1, 0.85, 0.7), [inflated]), t)).toMatchObject({ verdict: 'overstated', basis: { kind: 'number' } });
  });
  it('contradicted: the model says so, or a negation signal backs a weaker score', () => {
    expect(decide(input(scores(0.1, 0.8, 0.7)), t).verdict).toBe('contradicted');
    expect(decide(input(scores(0.2, 0.35, 0.7), [negation]), t).verdict).toBe('contradicted');
    expect(decide(input(scores(0.2, 0.35, 0.7)), t).verdict).toBe('overstated');
  });
  it('contradicted: an opposite outcome in a key sentence outweighs a lexical-overlap entailment', () => {
    const opposite: Reason = { kind: 'opposite', message: 'remain closed vs reopens' };
    expect(decide(input(scores(0.8, 0.1, 0.7), [opposite], false, true), t).verdict).toBe('contradicted');
    expect(decide(input(scores(0.8, 0.1, 0.7), [opposite], false, false), t).verdict).toBe('supported');
    expect(decide(input(scores(0.8, 0.1, 0.7), [opposite, inflated], false, true), t).verdict).toBe('overstated');
  });
  it('unsupported: off-topic body', () => {
    expect(decide(input(scores(0.2, 0.1, 0.1)), t)).toMatchObject({ verdict: 'unsupported', basis: { kind: 'no-evidence' } });
    expect(decide(input(scores(0.9, 0.1, 0.1)), t).verdict).toBe('supported');
  });
  it('confidence stays in [0, 1]', () => {
    for (const e of [0, 0.3, 1]) for (const c of [0, 0.5, 1]) for (const r of [0, 1]) {
      const { confidence } = decide(input(scores(e, Math.min(c, 1 - e), r), [hedge, negation]), t);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});

describe('thresholds', () => {
  it('validates overrides, naming the bad key', () => {
    expect(parseThresholds({ entailment: 0.7 }, 'cfg.json')).toEqual({ entailment: 0.7 });
    expect(() => parseThresholds({ entailmnt: 0.7 }, 'cfg.json')).toThrow(/cfg\.json: unknown threshold "entailmnt"/);
    expect(() => parseThresholds({ relevance: 2 }, 'cfg.json')).toThrow(/"relevance" must be a number between 0 and 1/);
    expect(Object.keys(DEFAULT_THRESHOLDS).sort()).toEqual(['contradiction', 'contradictionWithSignal', 'entailment', 'relevance']);
  });
});
