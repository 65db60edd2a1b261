import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, runCli, tempDir } from './helpers.js';

/** Usage and output errors: one line on stderr, exit 2 (1 means "flagged"), never a stack trace. */
describe('usage errors exit 2 with one line', () => {
  it.each([
    [['nli', '--bogus']], [['nli', '--format', 'xml']], [['eval', '--bogus']], [['models', 'pull']], [['models', 'bogus']], [['--bogus']],
    [['samples/hedge-does-not-rule-out.md', '--fail-on', '']],
  ])('%j', (args) => {
    const r = runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('headcheck: error'))).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).not.toContain('Usage:');
  });

  it('--help and --version exit 0', () => {
    expect(runCli(['--help']).code).toBe(0);
    expect(runCli(['--version']).code).toBe(0);
  });
});

describe('bad -o targets and closed pipes exit 2 with one line', () => {
  it.each([['/nonexistent-folder/report.txt', 'its folder does not exist'], ['DIR', 'it is a directory'], ['/dev/full', 'no space left']])('-o %s', (target, message) => {
    const out = target === 'DIR' ? tempDir() : target;
    const r = runCli(['samples/hedge-does-not-rule-out.md', '-o', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('EPIPE (| head -1)', async () => {
    // 40 records are written in several groups, so writes go on after the reader has gone.
    const child = spawn(process.execPath, [CLI, '-', '-f', 'jsonl', '-q'], { cwd: ROOT });
    child.stdin.end(Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `a${i}`, headline: 'Mayor quits', body: 'The mayor said on Monday she would resign. Her deputy takes over.' })).join('\n'));
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(stderr).toContain('the reader closed the pipe');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('nothing silent', () => {
  it('input errors and the summary reach stderr in every format', () => {
    const out = `${tempDir()}/out.sarif`;
    const r = runCli(['missing.md', 'samples/supported-bridge.md', '-f', 'sarif', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_NOT_FOUND: missing.md');
    expect(r.stderr).toMatch(/1 checked: .*1 error/);
    const json = runCli(['missing.md', '-f', 'json', '-q']);
    expect(json.stderr).toContain('E_NOT_FOUND');
  });

  it('`headcheck help` works and --help shows defaults', () => {
    const help = runCli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: headcheck');
    expect(runCli(['--help']).stdout).toMatch(/--fail-on[\s\S]*default: config, else\s+"contradicted,overstated"/);
  });
});
