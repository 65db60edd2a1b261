import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers.js';

/** The Action's changed-files logic (action/changed-files.sh) against real temporary git repositories. */
const SCRIPT = path.join(ROOT, 'action', 'changed-files.sh');
const DEFAULT_PATTERN = '^(articles|content|posts|_posts|news|stories|drafts)/.+\\.(md|markdown|html?|txt|jsonl)$';

function repo(): { dir: string; git: (...args: string[]) => string; commit: (files: Record<string, string | null>, message: string) => string } {
  const dir = tempDir('headcheck-action-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } }).trim();
  git('init', '-q', '-b', 'main');
  const commit = (files: Record<string, string | null>, message: string) => {
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(dir, file);
      if (content === null) rmSync(full);
      else {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    git('add', '-A');
    git('commit', '-q', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  return { dir, git, commit };
}

function changed(dir: string, base: string, pattern = DEFAULT_PATTERN): string[] {
  const out = path.join(dir, '..', `changed-${path.basename(dir)}`);
  execFileSync('bash', [SCRIPT, base, pattern, out], { cwd: dir });
  return readFileSync(out, 'utf8').split('\0').filter(Boolean).sort();
}

describe('Action: changed article files', () => {
  it('takes added and modified articles since the base, with non-ASCII names; skips deleted files and non-articles', () => {
    const r = repo();
    const base = r.commit({ 'articles/old.md': '# Old\n\nText.\n', 'articles/gone.md': '# Gone\n\nText.\n', 'README.md': 'x' }, 'base');
    r.commit({
      'articles/old.md': '# Old\n\nNew text.\n', 'articles/gone.md': null, 'articles/café résumé.md': '# Café\n\nText.\n',
      'articles/with space.html': '<h1>H</h1><p>T.</p>', 'CHANGELOG.md': 'x', 'requirements.txt': 'x', 'posts/a.txt': 'H\nT.\n',
    }, 'change');
    expect(changed(r.dir, base)).toEqual(['articles/café résumé.md', 'articles/old.md', 'articles/with space.html', 'posts/a.txt']);
  });

  it('on a first push (before = 000…) takes only the pushed commit\'s files, not the whole repository', () => {
    const r = repo();
    r.commit({ 'articles/a.md': '# A\n\nText.\n', 'articles/b.md': '# B\n\nText.\n' }, 'one');
    r.commit({ 'articles/c.md': '# C\n\nText.\n' }, 'two');
    expect(changed(r.dir, '0000000000000000000000000000000000000000')).toEqual(['articles/c.md']);
  });

  it('a root commit alone gives its own files; an unknown base falls back to the last commit', () => {
    const r = repo();
    r.commit({ 'articles/a.md': '# A\n\nText.\n' }, 'root');
    expect(changed(r.dir, '')).toEqual(['articles/a.md']);
    r.commit({ 'articles/b.md': '# B\n\nText.\n' }, 'next');
    expect(changed(r.dir, 'deadbeefdeadbeefdeadbeefdeadbeefdeadbeef')).toEqual(['articles/b.md']);
  });

  it('takes a custom pattern', () => {
    const r = repo();
    const base = r.commit({ 'x.md': 'x' }, 'base');
    r.commit({ 'site/news/a.md': '# A\n\nT.\n', 'docs/b.md': 'x' }, 'change');
    expect(changed(r.dir, base, '^site/.+\\.md$')).toEqual(['site/news/a.md']);
  });
});
