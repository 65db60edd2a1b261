import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAIL_ON, loadConfig, validateConfig } from '../src/config/load-config.js';
import { tempDir } from './helpers.js';

function tree(files: Record<string, unknown>): string {
  const root = tempDir();
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

describe('config discovery', () => {
  it('finds headcheck.config.json from a subfolder, walking up', () => {
    const root = tree({ 'headcheck.config.json': { topK: 4, failOn: ['contradicted'], model: 'my-model' }, 'a/b/x.md': '' });
    const cfg = loadConfig(path.join(root, 'a', 'b'));
    expect(cfg).toMatchObject({ topK: 4, failOn: ['contradicted'], model: path.join(root, 'my-model'), file: path.join(root, 'headcheck.config.json') });
  });

  it('takes .headcheckrc.json and the package.json "headcheck" key; the nearest folder wins', () => {
    expect(loadConfig(tree({ '.headcheckrc.json': { topK: 3 } })).topK).toBe(3);
    const root = tree({ 'package.json': { name: 'x', headcheck: { topK: 5 } }, 'sub/.headcheckrc.json': { topK: 6 } });
    expect(loadConfig(root).topK).toBe(5);
    expect(loadConfig(path.join(root, 'sub')).topK).toBe(6);
    expect(loadConfig(tree({ 'package.json': { name: 'no-key' } })).failOn).toEqual(DEFAULT_FAIL_ON);
  });

  it('--config FILE overrides discovery', () => {
    const root = tree({ 'headcheck.config.json': { topK: 4 }, 'other.json': { topK: 9 } });
    expect(loadConfig(root, 'other.json').topK).toBe(9);
    expect(() => loadConfig(root, 'missing.json')).toThrow(/--config missing\.json: no such file/);
  });

  it('unknown keys and wrong types are errors naming the key and the file', () => {
    const bad = (value: unknown) => () => loadConfig(tree({ 'headcheck.config.json': value }));
    expect(bad({ topk: 3 })).toThrow(/headcheck\.config\.json: unknown key "topk"/);
    expect(bad({ topK: '3' })).toThrow(/"topK" must be a positive integer, got "3"/);
    expect(bad({ failOn: ['wrong'] })).toThrow(/"failOn": unknown verdict "wrong"/);
    expect(bad({ hedges: ['(unclosed'] })).toThrow(/"hedges" entry "\(unclosed" is not a valid regular expression/);
    expect(bad({ thresholds: { entailment: 'high' } })).toThrow(/threshold "entailment" must be a number/);
    expect(bad('{ not json')).toThrow(/headcheck\.config\.json: not valid JSON/);
    expect(bad([1])).toThrow(/must be a JSON object/);
  });

  it('compiles boilerplate patterns and keeps globs', () => {
    const cfg = loadConfig(tree({ 'headcheck.config.json': { boilerplate: ['^Advertisement feature'], include: ['articles/**/*.md'], ignore: ['**/drafts/**'] } }));
    expect(cfg.boilerplate![0]!.test('advertisement feature here')).toBe(true);
    expect(cfg.include).toEqual(['articles/**/*.md']);
  });
});

describe('precedence in the CLI: flag > config > defaults', () => {
  it('failOn from config applies, and --fail-on overrides it', async () => {
    const { runCli, ROOT } = await import('./helpers.js');
    const dir = tree({ 'headcheck.config.json': { failOn: ['supported', 'overstated', 'contradicted', 'unsupported'] } });
    const sample = path.join(ROOT, 'samples', 'supported-bridge.md');
    expect(runCli([sample, '-q'], { cwd: dir }).code).toBe(1);
    expect(runCli([sample, '-q', '--fail-on', 'none'], { cwd: dir }).code).toBe(0);
    // defaults (contradicted,overstated) when no config: an empty config dir with none above it
    expect(runCli([sample, '-q', '--config', path.join(tree({ 'c.json': {} }), 'c.json')], { cwd: dir }).code).toBe(0);
  });

  it('a bad config file is exit 2 with the key and file named', async () => {
    const { runCli, ROOT } = await import('./helpers.js');
    const dir = tree({ '.headcheckrc.json': { topK: 0 } });
    const r = runCli([path.join(ROOT, 'samples', 'supported-bridge.md')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.headcheckrc\.json: "topK" must be a positive integer, got 0/);
  });

  it('thresholds from config change verdicts', async () => {
    const { runCli, ROOT, jsonLines } = await import('./helpers.js');
    const sample = path.join(ROOT, 'samples', 'supported-bridge.md');
    const strict = tree({ 'headcheck.config.json': { thresholds: { entailment: 1, relevance: 0 } } });
    const [record] = jsonLines(runCli([sample, '-f', 'jsonl', '--fail-on', 'none'], { cwd: strict }).stdout);
    expect(record!.verdict).not.toBe('supported');
  });
});

describe('config phrases are bounded', () => {
  it('refuses patterns with nested repetition, too many entries or too long ones, naming the fix', () => {
    expect(() => validateConfig({ hedges: ['(a+)+$'] }, 'c.json')).toThrow(/c\.json: "hedges" entry "\(a\+\)\+\$" has .*nested.*exponential/);
    expect(() => validateConfig({ attributions: ['(\\w*)*x'] }, 'c.json')).toThrow(/nested/);
    expect(() => validateConfig({ hedges: Array.from({ length: 501 }, (_, i) => `word${i}`) }, 'c.json')).toThrow(/501 entries; at most 500/);
    expect(() => validateConfig({ boilerplate: ['x'.repeat(201)] }, 'c.json')).toThrow(/201 characters; at most 200/);
  });

  it('accepts ordinary phrase patterns', () => {
    expect(validateConfig({ hedges: ['mulls', 'weigh(?:s|ing)?', '([a-z]+ )?said'] }, 'c.json').hedges).toHaveLength(3);
  });
});
