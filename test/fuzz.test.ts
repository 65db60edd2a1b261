import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checker, createChecker } from '../src/checker.js';
import { readInputs } from '../src/input/read-inputs.js';
import { isErrorRecord, VERDICTS } from '../src/types.js';
import { stdinOf } from './helpers.js';

/** Cases per property: small in npm test, large under `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);

const newsWord = fc.constantFrom('Mr.', 'Dr.', 'U.S.', 'council', 'may', 'not', '3.5%', '$1.2bn', '40', 'fell', 'rose', '"quote"', '(aside)', '...', '-', '\n', '\n\n', '•', 'Jan.', 'said', 'accused');
const articleText = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(newsWord, { maxLength: 80 }).map((w) => w.join(' ')),
);

describe('fuzzing', () => {
  let checker: Checker;
  beforeAll(async () => {
    checker = await createChecker({ topK: 6 });
  });
  afterAll(() => checker.dispose());

  it('any headline and body: no crash, offsets inside the body, probabilities valid, a known verdict', async () => {
    await fc.assert(
      fc.asyncProperty(articleText, articleText, async (headline, body) => {
        const outcomes = [];
        for await (const o of checker.checkMany([{ id: 'x', headline: headline || 'h', body }])) outcomes.push(o);
        expect(outcomes).toHaveLength(1);
        const o = outcomes[0]!;
        if (isErrorRecord(o)) return;
        expect(VERDICTS).toContain(o.verdict);
        expect(o.confidence).toBeGreaterThanOrEqual(0);
        expect(o.confidence).toBeLessThanOrEqual(1);
        for (const s of o.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(body.length);
          expect(body.slice(s.start, s.end)).toBe(s.text);
        }
        for (const e of o.evidence) {
          const sum = e.scores.entailment + e.scores.neutral + e.scores.contradiction;
          expect(Math.abs(sum - 1)).toBeLessThan(1e-3);
          for (const p of Object.values(e.scores)) expect(p >= 0 && p <= 1).toBe(true);
          expect(e.end).toBeLessThanOrEqual(body.length);
        }
        for (const r of o.reasons) {
          if (r.span?.in === 'body') expect(body.slice(r.span.start, r.span.end)).toBe(r.span.text);
          if (r.span?.in === 'headline') expect(o.headline.slice(r.span.start, r.span.end)).toBe(r.span.text);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('any JSONL stream (truncated records, random bytes): one item per non-empty line, one outcome per item', async () => {
    const validLine = fc.record({ id: fc.string({ maxLength: 8 }), headline: fc.string({ maxLength: 40 }), body: fc.string({ maxLength: 120 }) }).map((r) => JSON.stringify(r));
    const line = fc.oneof(
      validLine,
      validLine.chain((l) => fc.nat({ max: l.length }).map((n) => l.slice(0, n))),
      fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b.filter((x) => x !== 10 && x !== 13)).toString('latin1')),
      fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b.filter((x) => x !== 10 && x !== 13))),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), async (lines) => {
        const first = `{"id":"first","headline":"H","body":"B."}`;
        const chunks = [Buffer.from(`${first}\n`), ...lines.map((l) => Buffer.concat([typeof l === 'string' ? Buffer.from(l) : Buffer.from(l), Buffer.from('\n')]))];
        const input = Buffer.concat(chunks);
        const expectedItems = chunks.filter((chunk) => {
          const line = chunk.subarray(0, chunk.length - 1);
          try {
            return new TextDecoder('utf-8', { fatal: true }).decode(line).trim().length > 0;
          } catch {
            return true; // invalid UTF-8 is reported as an error item
          }
        }).length;
        const items = [];
        for await (const item of readInputs(['-'], { maxBodyBytes: 100_000, stdin: stdinOf(input) })) items.push(item);
        expect(items).toHaveLength(expectedItems);
        const outcomes = [];
        for await (const o of checker.checkMany(items)) outcomes.push(o);
        expect(outcomes).toHaveLength(items.length);
      }),
      { numRuns: RUNS },
    );
  });
});
