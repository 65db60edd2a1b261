import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tempDir } from './helpers.js';

const md = (headline: string, body: string) => `# ${headline}\n\n${body}\n`;

describe('headcheck --watch', () => {
  it('checks once, then prints only files whose result changed', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), md('Council approves budget', 'The council approved the budget on Monday.'));
    writeFileSync(path.join(dir, 'b.md'), md('Bridge reopens', 'The bridge reopened on Saturday.'));
    const child = spawn(process.execPath, [CLI, '--watch', dir, '-f', 'jsonl'], { cwd: ROOT });
    const lines: Array<{ id: string; headline: string }> = [];
    let buffer = '';
    child.stdout.on('data', (d) => {
      buffer += d;
      for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
        lines.push(JSON.parse(buffer.slice(0, nl)));
        buffer = buffer.slice(nl + 1);
      }
    });
    const until = async (n: number) => {
      for (let i = 0; i < 150 && lines.length < n; i++) await new Promise((r) => setTimeout(r, 100));
    };
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    await until(2);
    for (let i = 0; i < 100 && !err.includes('watching'); i++) await new Promise((r) => setTimeout(r, 50));
    expect(lines.map((l) => path.basename(l.id)).sort()).toEqual(['a.md', 'b.md']);
    // Same content saved again: nothing printed. New headline: one new line.
    writeFileSync(path.join(dir, 'b.md'), md('Bridge reopens', 'The bridge reopened on Saturday.'));
    await new Promise((r) => setTimeout(r, 1500));
    expect(lines).toHaveLength(2);
    writeFileSync(path.join(dir, 'a.md'), md('Council rejects budget', 'The council approved the budget on Monday.'));
    await until(3);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ headline: 'Council rejects budget' });
    child.kill('SIGINT');
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(0);
  }, 30_000);
});
