import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checker, createChecker } from '../src/checker.js';
import { readInputs } from '../src/input/read-inputs.js';
import { type Article, isErrorRecord, type Report } from '../src/types.js';
import { expectOrKnownMiss, knownMiss, ROOT } from './helpers.js';

/** Verdicts on the samples (written for this project) with the bundled model. */
const EXPECTED: Record<string, Report['verdict']> = {
  'samples/hedge-does-not-rule-out.md': 'overstated',
  'samples/supported-bridge.md': 'supported',
  'samples/contradicted-merger.html': 'contradicted',
  'samples/unsupported-library.txt': 'unsupported',
  'samples/inflated-figure.txt': 'overstated',
  attributed: 'overstated',
  'attribution-kept': 'supported',
  scope: 'overstated',
  talks: 'overstated',
  supported: 'supported',
  contradicted: 'contradicted',
  unsupported: 'unsupported',
};

describe('verdicts on the samples', () => {
  let checker: Checker;
  const reports = new Map<string, Report>();
  beforeAll(async () => {
    checker = await createChecker();
    const articles: Article[] = [];
    for await (const item of readInputs([path.join(ROOT, 'samples')], { maxBodyBytes: 2_000_000, cwd: ROOT })) {
      if ('article' in item) articles.push({ ...item.article, id: path.relative(ROOT, item.article.id).startsWith('samples') ? path.relative(ROOT, item.article.id) : item.article.id });
    }
    for await (const outcome of checker.checkMany(articles)) if (!isErrorRecord(outcome)) reports.set(outcome.id, outcome);
  });
  afterAll(() => checker.dispose());

  for (const [id, verdict] of Object.entries(EXPECTED)) {
    const listed = knownMiss('samples', id);
    it(`${id} → ${verdict}${listed ? ' (listed known miss)' : ''}`, () => {
      expect(reports.has(id)).toBe(true);
      expectOrKnownMiss('samples', id, reports.get(id)?.verdict, verdict);
    });
  }

  it('explains the hedge case with the exact span', () => {
    const report = reports.get('samples/hedge-does-not-rule-out.md')!;
    const hedge = report.reasons.find((r) => r.kind === 'hedge');
    expect(hedge?.span?.text).toBe('does not rule out');
  });

  it('explains the inflated figure by pointing at the body figure', () => {
    const report = reports.get('samples/inflated-figure.txt')!;
    expect(report.reasons.find((r) => r.kind === 'number')?.span?.text).toBe('90');
  });

  it('evidence offsets point into the body', () => {
    for (const report of reports.values()) {
      for (const e of report.evidence) {
        expect(e.start).toBeLessThan(e.end);
        expect(report.sentences.some((s) => s.start === e.start)).toBe(true);
      }
    }
  });
});
