import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checker, createChecker } from '../src/checker.js';
import { isErrorRecord, type VerdictLabel } from '../src/types.js';
import { ROOT } from './helpers.js';

interface Case { id: string; split: 'dev' | 'test'; tags: string[]; expected: VerdictLabel; headline: string; body: string }
interface Rewording { of: string; expected: VerdictLabel; headline: string; body: string }

const read = <T>(file: string): T[] => readFileSync(path.join(ROOT, 'test', 'editorial', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
const suite = read<Case>('suite.jsonl');
const rewordings = read<Rewording>('rewordings.jsonl');

/**
 * Floors measured with the bundled model on the suite's test half (never tuned on; see
 * test/editorial/README.md): 66.1 % (111 of 168) on 2026-11-29 (stage 2 with 1,930 cases, fifth session; the same
 * with the verdict refitted in the sixth), floor about two points below. They
 * catch a model or rule change that loses ground; raise them when the numbers rise.
 */
const TEST_HALF_ACCURACY_FLOOR = 0.64;

async function verdicts(checker: Checker, items: Array<{ id: string; headline: string; body: string }>): Promise<Map<string, VerdictLabel>> {
  const out = new Map<string, VerdictLabel>();
  for await (const o of checker.checkMany(items)) if (!isErrorRecord(o)) out.set(o.id, o.verdict);
  return out;
}

describe('editorial suite (bundled model)', () => {
  let checker: Checker;
  let got: Map<string, VerdictLabel>;
  beforeAll(async () => {
    // Verdicts only: suggestions are measured with `headcheck eval --suggestions`.
    checker = await createChecker({ suggest: false });
    got = await verdicts(checker, suite);
  }, 120_000);
  afterAll(() => checker.dispose());

  it('has a fixed split: odd ids dev, even ids test, and every tag on both sides', () => {
    for (const c of suite) expect(c.split).toBe(Number(c.id.replace(/\D/g, '')) % 2 ? 'dev' : 'test');
    const tags = new Set(suite.map((c) => c.tags[0]));
    for (const tag of tags) {
      expect(suite.filter((c) => c.split === 'test' && c.tags.includes(tag)).length).toBeGreaterThanOrEqual(8);
      expect(suite.filter((c) => c.tags.includes(tag)).length).toBeGreaterThanOrEqual(12);
    }
  });

  it(`gets at least ${TEST_HALF_ACCURACY_FLOOR * 100} % of the test half right`, () => {
    const test = suite.filter((c) => c.split === 'test');
    const right = test.filter((c) => got.get(c.id) === c.expected).length;
    expect(right / test.length).toBeGreaterThanOrEqual(TEST_HALF_ACCURACY_FLOOR);
  });

  it('gives a reworded case (other names, order, synonyms) the same verdict as the original', async () => {
    const reworded = await verdicts(checker, rewordings.map((r, i) => ({ id: `r${i}`, headline: r.headline, body: r.body })));
    const differ = rewordings.filter((r, i) => reworded.get(`r${i}`) !== got.get(r.of)).map((r) => `${r.of}: ${got.get(r.of)} vs reworded ${reworded.get(`r${rewordings.indexOf(r)}`)}`);
    expect(differ.length, differ.join('; ')).toBeLessThanOrEqual(REWORDING_DISAGREEMENTS);
  });
});

/**
 * Measured 2026-11-29 with the shipped model: 1 of the 8 rewordings gets another verdict (e322)
 * since the verdict was refitted in the sixth session (the limit leaves one case of slack); before
 * that 2 (e122, e322), with the stage 2 of 1,542 cases 2 (e232, e322), of 1,200 cases 3.
 */
const REWORDING_DISAGREEMENTS = 2;
