import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../src/types.js';
import { spawnSync } from 'node:child_process';
import { CLI, jsonLines, ROOT, runCli, tempDir } from './helpers.js';

const ALL = VERDICTS.join(',');
const SAMPLE = 'samples/supported-bridge.md';

function expectContract(record: Record<string, unknown>): void {
  expect(typeof record.id).toBe('string');
  expect(VERDICTS).toContain(record.verdict);
  expect(record.confidence).toEqual(expect.any(Number));
  expect(Object.keys(record.scores as object).sort()).toEqual(['contradiction', 'entailment', 'neutral', 'relevance']);
  expect(Array.isArray(record.evidence)).toBe(true);
  expect(Array.isArray(record.reasons)).toBe(true);
  for (const e of record.evidence as Array<Record<string, unknown>>) {
    expect(e).toMatchObject({ index: expect.any(Number), start: expect.any(Number), end: expect.any(Number), text: expect.any(String) });
    expect(Object.keys(e.scores as object).sort()).toEqual(['contradiction', 'entailment', 'neutral']);
  }
}

describe('exit codes', () => {
  it('0 when no verdict is at a fail-on level, 1 when one is', () => {
    expect(runCli([SAMPLE, '--fail-on', 'none']).code).toBe(0);
    expect(runCli([SAMPLE, '--fail-on', ALL]).code).toBe(1);
  });

  it('2 for usage errors, with a message', () => {
    const badLevel = runCli([SAMPLE, '--fail-on', 'wrong']);
    expect(badLevel.code).toBe(2);
    expect(badLevel.stderr).toContain('unknown verdict "wrong"');
    expect(runCli([SAMPLE, '--top-k', '0']).code).toBe(2);
    expect(runCli([SAMPLE, '--no-such-flag']).code).toBe(2);
    expect(runCli([]).stderr).toContain('no input');
    expect(runCli(['--headline', 'x']).stderr).toContain('--headline needs --body-file');
  });

  it('2 for a missing model, in one line naming the folder and the fix', () => {
    const r = runCli([SAMPLE, '--model', '/nonexistent/model']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/model directory \/nonexistent\/model not found; pass --model DIR/);
  });

  it('2 when an input is bad, after still checking the others', () => {
    const dir = tempDir();
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"id":"ok1","headline":"Bridge reopens","body":"The bridge reopened on Saturday."}\n{broken\n{"id":"ok2","headline":"Bridge reopens","body":"The bridge reopened on Saturday."}\n');
    const r = runCli([bad, path.join(dir, 'missing.md'), '--format', 'jsonl', '--fail-on', 'none']);
    expect(r.code).toBe(2);
    const records = jsonLines(r.stdout);
    expect(records.map((x) => x.id)).toEqual(['ok1', `${bad}:2`, 'ok2', path.join(dir, 'missing.md')]);
    expect(records[1]).toMatchObject({ error: { code: 'E_JSON' } });
    expect(records[3]).toMatchObject({ error: { code: 'E_NOT_FOUND' } });
    const text = runCli([bad, '--fail-on', 'none']);
    expect(text.stderr).toMatch(/headcheck: error E_JSON: .*bad\.jsonl:2: malformed JSON/);
    expect(text.stdout).toContain('ok1');
  });
});

describe('output', () => {
  it('jsonl: one object per headline, with the contract fields; id from the record else file:line', () => {
    const r = runCli(['samples/batch.jsonl', 'samples/inflated-figure.txt', '--format', 'jsonl', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const records = jsonLines(r.stdout);
    expect(records).toHaveLength(8);
    records.forEach(expectContract);
    expect(records[0]!.id).toBe('attributed');
    expect(records[7]!.id).toBe('samples/inflated-figure.txt');
  });

  it('json: an array; --explain adds every sentence with offsets and scores', () => {
    const r = runCli([SAMPLE, '--format', 'json', '--explain', '--fail-on', 'none']);
    const [report] = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expectContract(report!);
    const sentences = report!.sentences as Array<{ text: string; start: number; end: number }>;
    expect(sentences.length).toBeGreaterThanOrEqual(4);
    expect((report!.sentenceScores as unknown[]).length).toBe(sentences.length);
  });

  it('is byte-identical across runs', () => {
    const args = ['samples', '--format', 'jsonl', '--fail-on', 'none'];
    expect(runCli(args).stdout).toBe(runCli(args).stdout);
  });

  it('text: colour only when asked for (FORCE_COLOR) and never with NO_COLOR or --no-color', () => {
    const ansi = /\u001b\[/;
    expect(runCli([SAMPLE, '--fail-on', 'none']).stdout).not.toMatch(ansi);
    expect(runCli([SAMPLE, '--fail-on', 'none'], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ansi);
    expect(runCli([SAMPLE, '--fail-on', 'none', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toMatch(ansi);
    expect(runCli([SAMPLE, '--fail-on', 'none'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout).not.toMatch(ansi);
  });

  it('-o writes the report to a file', () => {
    const out = path.join(tempDir(), 'r.jsonl');
    expect(runCli([SAMPLE, '-f', 'jsonl', '-o', out, '--fail-on', 'none']).stdout).toBe('');
    expect(existsSync(out)).toBe(true);
  });
});

describe('stdin and one-offs', () => {
  it('reads JSONL from -', () => {
    const input = '{"id":"a","headline":"Bridge reopens","body":"The bridge reopened on Saturday."}\n{"id":"b","headline":"Zoo closes","body":"The zoo closed."}\n';
    const r = runCli(['-', '--format', 'jsonl', '--fail-on', 'none'], { input });
    expect(jsonLines(r.stdout).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('reads a plain-text article from -', () => {
    const r = runCli(['-', '--format', 'jsonl', '--fail-on', 'none'], { input: 'Bridge reopens\nThe bridge reopened on Saturday.\n' });
    expect(jsonLines(r.stdout)).toMatchObject([{ id: 'stdin', headline: 'Bridge reopens' }]);
  });

  it('--headline with --body-file checks one headline', () => {
    const body = path.join(tempDir(), 'body.txt');
    writeFileSync(body, 'The bridge reopened on Saturday after repairs.');
    const r = runCli(['--headline', 'Bridge reopens', '--body-file', body, '-f', 'jsonl', '--fail-on', 'none']);
    expect(jsonLines(r.stdout)).toMatchObject([{ headline: 'Bridge reopens' }]);
  });
});

describe('headcheck nli', () => {
  it('scores JSONL pairs with id, label and three probabilities; bad lines become errors', () => {
    const input = [
      '{"id":"p1","premise":"The council approved the budget.","hypothesis":"The budget was approved."}',
      '{"id":"p2","premise":"A man is sleeping.","hypothesis":"A man is running."}',
      'oops',
    ].join('\n');
    const r = runCli(['nli', '-'], { input });
    expect(r.code).toBe(2);
    const out = jsonLines(r.stdout);
    expect(out.map((o) => o.id)).toEqual(['p1', 'p2', 'stdin:3']);
    for (const o of out.slice(0, 2)) {
      const s = o.scores as Record<string, number>;
      expect(s.entailment + s.neutral + s.contradiction).toBeCloseTo(1, 3);
      expect(['entailment', 'neutral', 'contradiction']).toContain(o.label);
    }
    expect(out[2]).toMatchObject({ error: { code: 'E_JSON' } });
  });
});

describe('headcheck eval', () => {
  it('reports accuracy, per-verdict F1, macro-F1, confusion and speed for labelled JSONL', () => {
    const file = path.join(tempDir(), 'labelled.jsonl');
    writeFileSync(file, [
      { headline: 'Bridge reopens on Saturday', body: 'The bridge reopened to traffic on Saturday, officials said.', expected: 'supported' },
      { headline: 'Zoo welcomes panda cubs', body: 'The city council approved a new budget for road repairs.', expected: 'unsupported' },
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = runCli(['eval', file, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, any>;
    expect(result.n).toBe(2);
    expect(result.accuracy).toBeGreaterThanOrEqual(0);
    expect(result.accuracy).toBeLessThanOrEqual(1);
    expect(Object.keys(result.confusion)).toEqual([...VERDICTS]);
    expect(Object.values(result.confusion).flatMap((row) => Object.values(row as Record<string, number>)).reduce((a, b) => a + b, 0)).toBe(2);
    expect(result.articlesPerSecond).toBeGreaterThan(0);
  });

  // ../shared sits beside the checkout in this workplace and in CI; a clone elsewhere has no
  // public cases, so the smoke test is skipped there (and required with CI=true).
  const PUBLIC_CASES = path.join(ROOT, '..', 'shared', 'eval', 'public_cases.jsonl');
  const HAVE_PUBLIC = existsSync(PUBLIC_CASES) || process.env.CI === 'true';
  if (!HAVE_PUBLIC) console.warn(`public-cases smoke test skipped: ${PUBLIC_CASES} not found; CI=true makes it required`);
  it.runIf(HAVE_PUBLIC)('gets the public editorial cases right at least as often as measured (smoke test)', () => {
    expect(existsSync(PUBLIC_CASES), `${PUBLIC_CASES} not found: check out ../shared beside the repository`).toBe(true);
    const r = runCli(['eval', PUBLIC_CASES, '--format', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, any>;
    expect(result.n).toBe(12);
    // Never tuned on: 9 of 12 right with the shipped model (2026-11-29, sixth session: the verdict refitted with
    // the verdict-only cases; 8 before); the floor leaves one case of slack.
    expect(Math.round(result.accuracy * 12)).toBeGreaterThanOrEqual(8);
  });

  it('reads FNC-1 style stances + bodies CSVs and reports the FNC score', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'bodies.csv'), 'Body ID,articleBody\n1,"The bridge reopened on Saturday, officials said."\n2,"The zoo welcomed two red panda cubs."\n');
    writeFileSync(path.join(dir, 'stances.csv'), 'Headline,Body ID,Stance\r\nBridge reopens,1,agree\r\nAirline cancels flights,2,unrelated\r\nBridge stays shut,1,disagree\r\n');
    const r = runCli(['eval', '--stances', path.join(dir, 'stances.csv'), '--bodies', path.join(dir, 'bodies.csv'), '-f', 'json']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, any>;
    expect(result.n).toBe(3);
    expect(result.fnc.max).toBeCloseTo(2.25);
    expect(result.fnc.relative).toBeGreaterThanOrEqual(0);
    const text = runCli(['eval', '--stances', path.join(dir, 'stances.csv'), '--bodies', path.join(dir, 'bodies.csv')]);
    expect(text.stdout).toMatch(/FNC-1 score .* of max/);
    expect(text.stdout).toMatch(/macro-F1/);
  });

  it('rejects bad labelled data with exit 2', () => {
    const file = path.join(tempDir(), 'bad.jsonl');
    writeFileSync(file, '{"headline":"h","body":"b","expected":"maybe"}\n');
    const r = runCli(['eval', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"expected" must be one of supported');
  });
});

describe('headcheck models pull', () => {
  it('rejects ids that could escape models/', () => {
    for (const id of ['../etc', '/abs/path', 'a/b/c', 'owner/..', 'noslash']) {
      const r = runCli(['models', 'pull', id]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('invalid model id');
    }
  });

  it('offline, fails with a clear message and leaves nothing behind', () => {
    const dir = tempDir();
    const r = runCli(['models', 'pull', 'owner/some-nli', '--dir', dir], { env: { HF_ENDPOINT: 'http://127.0.0.1:9' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9 .*needs network access/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('batch UX', () => {
  it('prints a one-line summary on stderr, and nothing with --quiet', () => {
    const r = runCli(['samples', '--fail-on', 'none']);
    expect(r.stderr).toMatch(/^12 checked: .*; 0 flagged in \d+\.\d s\n$/);
    expect(runCli(['samples', '--fail-on', 'none', '-q']).stderr).toBe('');
  });

  it('shows a progress line (count, rate, ETA) only when stderr is a terminal', () => {
    expect(runCli(['samples/batch.jsonl', '--fail-on', 'none']).stderr).not.toContain('\r');
    // `script` gives the CLI a pseudo-terminal, as an editor's shell would.
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${CLI} samples/batch.jsonl --fail-on none --no-color -f jsonl`, '/dev/null'], { cwd: ROOT, encoding: 'utf8' });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/headcheck: \d+\/7 checked, [\d.]+\/s, \d+s eta \d+s/);
  });
});
