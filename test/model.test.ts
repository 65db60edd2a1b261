import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NliModel } from '../src/nli/model.js';
import { expectOrKnownMiss, knownMiss, MODEL_DIR, ROOT } from './helpers.js';

/** The bundled model gives sensible probabilities on clear pairs written for this test. */
describe('bundled NLI model', () => {
  let model: NliModel;
  beforeAll(async () => {
    model = await NliModel.load(MODEL_DIR);
  });
  afterAll(async () => {
    await model.dispose();
  });

  const argmax = (s: Record<string, number>) => Object.entries(s).sort((a, b) => b[1] - a[1])[0]![0];

  it('loads offline with 3-way labels', () => {
    expect(model.labels.kind).toBe('3-way');
  });

  const pairs = [
    { premise: 'The city council voted on Tuesday to approve the new budget.', hypothesis: 'The council approved the budget.', want: 'entailment' },
    { premise: 'Two firefighters rescued a cat from a tree on Main Street.', hypothesis: 'Firefighters rescued a cat.', want: 'entailment' },
    { premise: 'The city council voted on Tuesday to reject the new budget.', hypothesis: 'The council approved the budget.', want: 'contradiction' },
    { premise: 'A man is sleeping on the sofa.', hypothesis: 'A man is running a marathon.', want: 'contradiction' },
    { premise: 'The museum opened a new wing for modern art.', hypothesis: 'The museum director plans to retire next year.', want: 'neutral' },
    { premise: 'A woman is reading a book in the park.', hypothesis: 'The woman is reading a novel by her favourite author.', want: 'neutral' },
    // The four pairs of the model-v2 issue (news-style, written for it).
    ...(JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'issue-examples.json'), 'utf8')) as {
      modelPairs: Array<{ premise: string; hypothesis: string; want: string }>;
    }).modelPairs,
  ];
  for (const pair of pairs) {
    // Keyed by premise: two pairs share the hypothesis "The council approved the budget."
    const listed = knownMiss('model', pair.premise);
    it(`${pair.want}: "${pair.premise}" / "${pair.hypothesis}"${listed ? ' (listed known miss)' : ''}`, async () => {
      const [s] = await model.score([pair]);
      expect(s!.entailment + s!.neutral + s!.contradiction).toBeCloseTo(1, 5);
      expectOrKnownMiss('model', pair.premise, argmax({ ...s! }), pair.want);
    });
  }

  it('cuts the premise, never silently the headline, to fit the token window', () => {
    const premise = model.tokens('word '.repeat(400));
    const headline = model.tokens('Short headline here');
    const pair = model.encodePair(premise, headline);
    expect(pair.ids).toHaveLength(model.maxTokens);
    expect(pair.hypothesisTruncated).toBe(false);
    expect(pair.ids.slice(-headline.length - 1, -1)).toEqual(headline);
    const long = model.encodePair(premise, model.tokens('very long headline '.repeat(100)));
    expect(long.hypothesisTruncated).toBe(true);
    expect(long.ids).toHaveLength(model.maxTokens);
  });
});
