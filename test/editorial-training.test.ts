import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface TrainingCase { id: string; tags: string[]; expected: string; headline: string; body: string; evidence: string[]; why: string }

const dirs = ['editorial', 'editorial-heldout', 'editorial-verdict'].map((d) => path.join(ROOT, 'training', d));
const cases = dirs.flatMap((dir) => readdirSync(dir).filter((f) => /^cases-.*\.jsonl$/.test(f)).sort()
  .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as TrainingCase)));
const heldOut = new Set(readdirSync(dirs[1]!).filter((f) => /^cases-.*\.jsonl$/.test(f))
  .flatMap((f) => readFileSync(path.join(dirs[1]!, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as TrainingCase).id)));
const issueExamples = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'issue-examples.json'), 'utf8')) as {
  modelPairs: Array<{ hypothesis: string }>; verdictExamples: Array<{ headline: string }>;
};
const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const STOPWORDS = new Set(['the', 'a', 'of', 'in', 'to', 'on', 'for', 'and', 'by', 'at', 'after', 'over', 'as', 'is']);
const contentWords = (s: string) => new Set(normalise(s).split(' ').filter((w) => w && !STOPWORDS.has(w)));
const jaccard = (a: Set<string>, b: Set<string>) => [...a].filter((w) => b.has(w)).length / Math.max(1, new Set([...a, ...b]).size);

// These cases train the model and the verdict (or measure them); if one leaked from the evaluation sets, every
// figure measured on those sets would be inflated.
describe('hand-written cases (training/editorial, training/editorial-heldout, training/editorial-verdict)', () => {
  it('are well formed: unique ids, a known verdict, evidence copied from the body', () => {
    expect(cases.length).toBeGreaterThanOrEqual(1900);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(['supported', 'overstated', 'contradicted', 'unsupported'], c.id).toContain(c.expected);
      expect(c.headline.trim().length, c.id).toBeGreaterThan(0);
      expect(c.evidence.length, c.id).toBeGreaterThan(0);
      for (const sentence of c.evidence) expect(c.body, `${c.id}: evidence not in body`).toContain(sentence);
    }
  });

  it('share no headline or body with the editorial suite or the public cases', () => {
    const evaluation = [path.join(ROOT, 'test', 'editorial', 'suite.jsonl'), path.join(ROOT, 'test', 'editorial', 'rewordings.jsonl'), path.join(ROOT, '..', 'shared', 'eval', 'public_cases.jsonl')]
      .filter(existsSync)
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { headline: string; body: string }));
    const seen = new Set(evaluation.flatMap((e) => [normalise(e.headline), normalise(e.body)]));
    const leaked = cases.filter((c) => seen.has(normalise(c.headline)) || seen.has(normalise(c.body))).map((c) => c.id);
    expect(leaked).toEqual([]);
  });

  // Writers reach for the same templates ("X festival goes ahead despite storm warning"): a training case whose
  // headline is a near-copy of one measured on would lift that figure without the model reading any better.
  it('train on no near-copy of a headline measured on, issue examples included (half or more of the content words shared)', () => {
    const measured = [path.join(ROOT, 'test', 'editorial', 'suite.jsonl'), path.join(ROOT, 'test', 'editorial', 'rewordings.jsonl'), path.join(ROOT, '..', 'shared', 'eval', 'public_cases.jsonl')]
      .filter(existsSync)
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { headline: string }).headline))
      .concat(cases.filter((c) => heldOut.has(c.id)).map((c) => c.headline))
      .concat(issueExamples.modelPairs.map((p) => p.hypothesis), issueExamples.verdictExamples.map((e) => e.headline))
      .map(contentWords);
    const nearCopies = cases.filter((c) => !heldOut.has(c.id))
      .filter((c) => measured.some((m) => jaccard(contentWords(c.headline), m) >= 0.5)).map((c) => c.id);
    expect(nearCopies).toEqual([]);
  });
});
