import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArticleInput, type Checker, createChecker } from '../src/checker.js';
import { serializeOutcome } from '../src/report/serialize.js';
import type { CheckOutcome } from '../src/types.js';
import { jsonLines, ROOT, runCli } from './helpers.js';

/** Fifty other articles of varied length, so batches hold different widths and neighbours. */
function others(): ArticleInput[] {
  const topics = ['The port authority sold the old harbour land to a developer for 12 million pounds.', 'Shares in the airline fell 8 per cent after it cut its profit forecast.', 'The school board may delay the opening of the new campus until spring.', 'Police said the driver had been released without charge on Sunday.', 'Rainfall in the valley was the highest since records began in 1910.'];
  return Array.from({ length: 50 }, (_, i) => ({
    id: `other-${i}`,
    headline: ['Harbour land sold', 'Airline shares fall', 'Campus opening delayed', 'Driver charged', 'Record rain in valley'][i % 5]!,
    body: Array.from({ length: 1 + (i % 9) * 3 }, (_, j) => topics[(i + j) % topics.length]).join(' '),
  }));
}

const target: ArticleInput = {
  id: 'target',
  headline: 'Council shuts library and raises parking fees',
  body: 'The council voted on Monday to close the Elm Street library at the end of the month. Parking fees will stay at their current level until next year, the council leader said. About 40 people protested outside the town hall.',
};

async function find(checker: Checker, articles: ArticleInput[]): Promise<string> {
  let found: CheckOutcome | undefined;
  for await (const outcome of checker.checkMany(articles)) if (outcome.id === 'target') found = outcome;
  return JSON.stringify(serializeOutcome(found!, true));
}

describe('a pair\'s scores do not depend on what shares its batch', () => {
  let checker: Checker;
  beforeAll(async () => {
    checker = await createChecker();
  });
  afterAll(() => checker.dispose());

  it('one article\'s report is byte-identical alone, first, last and inside a batch of 50 others', async () => {
    const alone = JSON.stringify(serializeOutcome(await checker.check(target), true));
    const rest = others();
    expect(await find(checker, [target])).toBe(alone);
    expect(await find(checker, [target, ...rest])).toBe(alone);
    expect(await find(checker, [...rest, target])).toBe(alone);
    expect(await find(checker, [...rest.slice(0, 23), target, ...rest.slice(23)])).toBe(alone);
  });
});

describe('CLI: a file gives the same result alone and inside a folder', () => {
  it('samples/hedge-does-not-rule-out.md', () => {
    const file = 'samples/hedge-does-not-rule-out.md';
    const alone = jsonLines(runCli([file, '-f', 'jsonl', '-q']).stdout);
    const inFolder = jsonLines(runCli(['samples', '-f', 'jsonl', '-q']).stdout).filter((r) => r.id === file || r.id === path.join(ROOT, file));
    expect(alone).toHaveLength(1);
    expect(inFolder).toHaveLength(1);
    expect(inFolder[0]).toEqual(alone[0]);
  });
});
