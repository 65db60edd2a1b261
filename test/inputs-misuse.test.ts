import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, jsonLines, runCli, stdinOf, tempDir } from './helpers.js';

const article = (h: string) => `# ${h}\n\nThe council approved the budget on Monday. Councillors voted 30 to 12.\n`;
const codes = (items: Awaited<ReturnType<typeof collect>>) => items.map((i) => ('error' in i ? i.error.error.code : 'ok'));

describe('inputs that are not regular files', () => {
  it('a device or FIFO with a known extension is refused at once, the other inputs still run', async () => {
    const dir = tempDir();
    symlinkSync('/dev/zero', path.join(dir, 'zero.txt'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.txt')]);
    writeFileSync(path.join(dir, 'ok.md'), article('Council approves budget'));
    const items = await collect([path.join(dir, 'zero.txt'), path.join(dir, 'fifo.txt'), path.join(dir, 'ok.md')]);
    expect(codes(items)).toEqual(['E_UNSUPPORTED', 'E_UNSUPPORTED', 'ok']);
  });
});

describe('aliases, duplicates and loops', () => {
  it('an alias symlink (latest → 2024) and a folder named twice are checked once, not called loops', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, '2024'));
    writeFileSync(path.join(dir, '2024', 'a.md'), article('Council approves budget'));
    symlinkSync(path.join(dir, '2024'), path.join(dir, 'latest'));
    const items = await collect([dir, dir, path.join(dir, '2024')]);
    expect(codes(items)).toEqual(['ok']);
  });

  it('a real cycle is still E_LOOP', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    writeFileSync(path.join(dir, 'a', 'x.md'), article('Council approves budget'));
    symlinkSync(dir, path.join(dir, 'a', 'up'));
    expect(codes(await collect([dir])).sort()).toEqual(['E_LOOP', 'ok']);
  });
});

describe('empty inputs are consistent', () => {
  it('an empty folder, a [] .json and a blank .jsonl are E_EMPTY, like blank stdin; --allow-empty accepts them', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'none'));
    writeFileSync(path.join(dir, 'empty.json'), '[]');
    writeFileSync(path.join(dir, 'blank.jsonl'), '   \n\n');
    const specs = [path.join(dir, 'none'), path.join(dir, 'empty.json'), path.join(dir, 'blank.jsonl')];
    expect(codes(await collect(specs))).toEqual(['E_EMPTY', 'E_EMPTY', 'E_EMPTY']);
    expect(codes(await collect(['-'], { stdin: stdinOf('   \n') }))).toEqual(['E_EMPTY']);
    expect(await collect(specs, { allowEmpty: true })).toEqual([]);
  });
});

describe('numeric ids keep their source text', () => {
  it('2^53 + 1 and 1e400 stay as written and do not collide', async () => {
    const line = (id: string) => `{"id": ${id}, "headline": "Council approves budget", "body": "The council approved the budget on Monday."}`;
    const items = await collect(['-'], { stdin: stdinOf(`${line('9007199254740993')}\n${line('9007199254740992')}\n${line('1e400')}\n`) });
    expect(items.map((i) => ('article' in i ? i.article.id : '!'))).toEqual(['9007199254740993', '9007199254740992', '1e400']);
  });
});

describe('-o and the inputs', () => {
  it('refuses to write the report over an input, which stays intact', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.md');
    writeFileSync(file, article('Council approves budget'));
    const r = runCli([file, '-o', file, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('refusing to write the report over the input');
    expect(readFileSync(file, 'utf8')).toBe(article('Council approves budget'));
  });

  it('skips its own report when walking the folder it writes into, and leaves no temporary file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), article('Council approves budget'));
    const report = path.join(dir, 'report.jsonl');
    for (let run = 0; run < 2; run++) {
      const r = runCli([dir, '-f', 'jsonl', '-o', report, '-q', '--fail-on', 'none']);
      expect(r.code).toBe(0);
      expect(jsonLines(readFileSync(report, 'utf8')).map((x) => path.basename(String(x.id)))).toEqual(['a.md']);
    }
    expect(existsSync(path.join(dir, `.report.jsonl.headcheck-${process.pid}.tmp`))).toBe(false);
  });
});

describe('--max-tokens', () => {
  it('below 32 is a usage error, not identical scores for every pair', () => {
    const r = runCli(['samples/supported-bridge.md', '--max-tokens', '5']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('at least 32');
  });
});

describe('include / ignore globs', () => {
  const tree = () => {
    const dir = tempDir();
    for (const f of ['a.md', 'b.md', 'c.md', 'drafts/d.md', 'notes/e.md']) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), article('Council approves budget'));
    }
    return dir;
  };
  const names = (items: Awaited<ReturnType<typeof collect>>) => items.map((i) => ('article' in i ? path.basename(i.article.id) : `!${i.error.error.code}`)).sort();

  it('{a,b} and [ab] patterns work', async () => {
    const dir = tree();
    expect(names(await collect([dir], { cwd: dir, include: ['{a,c}.md'] }))).toEqual(['a.md', 'c.md']);
    expect(names(await collect([dir], { cwd: dir, include: ['[ab].md'] }))).toEqual(['a.md', 'b.md']);
  });

  it('ignore uses .gitignore rules, and both apply to files named on the command line', async () => {
    const dir = tree();
    expect(names(await collect([dir], { cwd: dir, ignore: ['drafts/', 'e.md'] }))).toEqual(['a.md', 'b.md', 'c.md']);
    const named = ['a.md', 'drafts/d.md', 'notes/e.md'].map((f) => path.join(dir, f));
    expect(names(await collect(named, { cwd: dir, ignore: ['drafts/'] }))).toEqual(['a.md', 'e.md']);
    expect(names(await collect(named, { cwd: dir, include: ['notes/**'] }))).toEqual(['e.md']);
  });
});
