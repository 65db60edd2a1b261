import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checker, createChecker } from '../src/checker.js';
import { collect, jsonLines, runCli, tempDir } from './helpers.js';

const WORDS = ['council', 'budget', 'river', 'flood', 'school', 'minister', 'rates', 'homes', 'bridge', 'police'];
function longBody(sentences: number): string {
  const parts: string[] = [];
  for (let i = 0; i < sentences; i++) parts.push(`The ${WORDS[i % 10]} report number ${i} was published on day ${i % 31}.`);
  return parts.join(' ');
}

describe('limits', () => {
  let checker: Checker;
  beforeAll(async () => {
    checker = await createChecker({ topK: 8 });
  });
  afterAll(() => checker.dispose());

  it('a 100,000-sentence body scores only the top-k premises (plus the lede)', async () => {
    const before = checker.model.pairsScored;
    const report = await checker.check({ id: 'long', headline: 'Council approves river budget', body: longBody(100_000) });
    expect(report.sentences).toHaveLength(100_000);
    expect(checker.model.pairsScored - before).toBeLessThanOrEqual(9);
    expect(report.evidence.length).toBeGreaterThan(0);
  });

  it('a single 10 MB body is rejected by default with the fix, and checked when the limit is raised', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'huge.txt');
    const body = longBody(190_000);
    expect(body.length).toBeGreaterThan(10_000_000);
    writeFileSync(file, `Council approves river budget\n${body}`);
    const [rejected] = await collect([file]);
    expect(rejected).toMatchObject({ error: { error: { code: 'E_TOO_LARGE' } } });
    const [accepted] = await collect([file], { maxBodyBytes: 20_000_000 });
    expect('article' in accepted!).toBe(true);
    const report = await checker.check((accepted as { article: { headline: string; body: string } }).article);
    expect(['supported', 'overstated', 'contradicted', 'unsupported']).toContain(report.verdict);
  });

  it('a body with no sentence boundary is one premise', async () => {
    const report = await checker.check({ headline: 'Bridge reopens', body: 'the bridge reopened on saturday after repairs and traffic is flowing again' });
    expect(report.sentences).toHaveLength(1);
  });

  it('a headline longer than the model window is cut and the report says so', () => {
    const dir = tempDir();
    const file = path.join(dir, 'long-headline.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'h', headline: `Council approves ${'very '.repeat(200)}big budget`, body: 'The council approved the budget.' })}\n`);
    const [record] = jsonLines(runCli([file, '-f', 'jsonl', '--fail-on', 'none']).stdout);
    expect((record!.reasons as Array<{ kind: string; message: string }>).find((r) => r.kind === 'truncated')?.message)
      .toMatch(/headline is longer than the model's 128-token window/);
  });
});
