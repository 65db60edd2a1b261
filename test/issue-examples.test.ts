import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checker, createChecker } from '../src/checker.js';
import type { Report, VerdictLabel } from '../src/types.js';
import { expectOrKnownMiss, ROOT } from './helpers.js';

/**
 * The examples of the verdict-v2 issue (new cases written for it, never tuned on), in order,
 * with the verdict and the reason a user should see.
 */
const EXAMPLES = (JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'issue-examples.json'), 'utf8')) as {
  verdictExamples: Array<{ key: string; headline: string; body: string; verdict: VerdictLabel; reason?: string }>;
}).verdictExamples;

describe('verdict-v2 issue examples (bundled model)', () => {
  let checker: Checker;
  const reports = new Map<string, Report>();
  beforeAll(async () => {
    checker = await createChecker();
    for (const e of EXAMPLES) reports.set(e.key, await checker.check({ id: e.key, headline: e.headline, body: e.body }));
  }, 60_000);
  afterAll(() => checker.dispose());

  for (const e of EXAMPLES) {
    it(`${e.headline} → ${e.verdict}${e.reason ? ` (${e.reason})` : ''}`, () => {
      const report = reports.get(e.key)!;
      expectOrKnownMiss('issue-examples', e.key, report.verdict, e.verdict);
      if (e.reason && report.verdict === e.verdict) expect(report.reasons.map((r) => r.kind)).toContain(e.reason);
    });
  }

  it('checks each claim of a multi-claim headline and reports them', () => {
    const report = reports.get('library-fees')!;
    expect(report.claims.map((c) => c.text)).toEqual(['Council shuts library', 'Council raises parking fees']);
  });
});
