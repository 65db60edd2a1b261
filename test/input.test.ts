import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../src/input/html.js';
import { parseMarkdown } from '../src/input/markdown.js';
import { dropBoilerplate } from '../src/input/boilerplate.js';
import type { InputItem } from '../src/input/read-inputs.js';
import { collect, ROOT, stdinOf, tempDir } from './helpers.js';

function articles(items: InputItem[]) {
  return items.flatMap((i) => ('article' in i ? [i.article] : []));
}
function errors(items: InputItem[]) {
  return items.flatMap((i) => ('error' in i ? [i.error] : []));
}
function write(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

describe('formats', () => {
  it('markdown: front-matter title, else the first # heading; markup stripped', () => {
    const fm = parseMarkdown('---\ntitle: "Mayor quits"\ndate: 2026-01-01\n---\n\nThe **mayor** [quit](http://x) today.\n', 'a.md');
    expect(fm.headline).toBe('Mayor quits');
    expect(fm.line).toBe(2);
    expect(fm.body.trim()).toBe('The mayor quit today.');
    const heading = parseMarkdown('Intro line\n\n# Bridge reopens\n\nIt reopened.\n## Details\nMore here.', 'b.md');
    expect(heading.headline).toBe('Bridge reopens');
    expect(heading.line).toBe(3);
    expect(heading.body).not.toContain('Bridge reopens');
    expect(heading.body).toContain('\nDetails\n');
  });

  it('markdown with front matter but no title is an error that says how to fix it', async () => {
    const dir = tempDir();
    const file = write(dir, 'x.md', '---\nauthor: me\n---\nJust a body.\n');
    const [item] = await collect([file]);
    expect(item).toMatchObject({ error: { error: { code: 'E_NO_HEADLINE' } } });
    expect(errors([item!])[0]!.error.message).toMatch(/front matter has no "title:"/);
  });

  it('html: og:title first, body from <article>, scripts/nav/comments/share dropped, entities decoded', () => {
    const html = `<html><head><title>Site | Old</title><meta property="og:title" content="Zoo &amp; park merge">
      <script>var x = "<p>not text</p>";</script><style>p{}</style></head><body><nav><p>Home</p></nav>
      <article><h1>Zoo &amp; park merge</h1><p>The zoo &ldquo;merged&rdquo; with the park.</p><p>Fees stay &pound;5.</p>
      <div class="share"><p>Share this</p></div></article><p>Outside the article.</p>
      <section id="comments"><p>Leave a Reply</p></section></body></html>`;
    const parsed = parseHtml(html);
    expect(parsed.headline).toBe('Zoo & park merge');
    expect(parsed.body).toBe('The zoo “merged” with the park.\n\nFees stay £5.');
    expect(parsed.line).toBe(1);
  });

  it('html without article/og:title falls back to h1, then <title>, and all paragraphs', () => {
    expect(parseHtml('<h1>Rates rise</h1><p>Rates rose.</p><p>Again.</p>')).toMatchObject({ headline: 'Rates rise', body: 'Rates rose.\n\nAgain.' });
    expect(parseHtml('<title>Only title</title><div>Loose text here.</div>')).toMatchObject({ headline: 'Only title', body: 'Loose text here.' });
  });

  it('txt: first non-empty line is the headline; json and jsonl records; directories recurse in order', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub'));
    write(dir, 'a.txt', '\n\n  Ferry breaks down\nForty people waited.\n');
    write(dir, 'b.json', JSON.stringify({ id: 7, headline: 'H', body: 'B text.' }));
    write(path.join(dir, 'sub'), 'c.jsonl', '{"headline":"One","body":"First."}\n\n{"id":"x","headline":"Two","body":"Second."}\n');
    write(dir, 'ignored.csv', 'a,b');
    const found = articles(await collect([dir]));
    expect(found.map((a) => [a.id.replace(dir, ''), a.headline])).toEqual([
      ['/a.txt', 'Ferry breaks down'],
      ['7', 'H'],
      ['/sub/c.jsonl:1', 'One'],
      ['x', 'Two'],
    ]);
    expect(found[0]!.source).toMatchObject({ line: 3, column: 3 });
  });

  it('drops web boilerplate lines from bodies', () => {
    const body = 'The plan passed.\nShare this article\nLeave a Reply\nYour email address will not be published.\nSee also: other news\nIt takes effect in May.';
    expect(dropBoilerplate(body)).toBe('The plan passed.\nIt takes effect in May.');
  });
});

describe('bad input yields one error each, and the batch goes on', () => {
  it('empty file, whitespace-only body, headline without body', async () => {
    const dir = tempDir();
    const items = await collect([write(dir, 'empty.txt', ''), write(dir, 'ws.json', '{"headline":"H","body":"  \\n\\t "}'), write(dir, 'nobody.txt', 'Just a headline\n\n')]);
    expect(errors(items).map((e) => e.error.code)).toEqual(['E_EMPTY', 'E_NO_BODY', 'E_NO_BODY']);
    expect(errors(items)[2]!.error.message).toContain('"Just a headline" has no body');
  });

  it('binary file and invalid UTF-8 name the problem and the fix', async () => {
    const dir = tempDir();
    const items = await collect([
      write(dir, 'bin.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02])),
      write(dir, 'latin1.txt', Buffer.from('Caf\xe9 opens\nIt opened.', 'latin1')),
      write(dir, 'ok.txt', 'Fine headline\nFine body.'),
    ]);
    expect(items).toHaveLength(3);
    expect(errors(items).map((e) => e.error.code)).toEqual(['E_BINARY', 'E_ENCODING']);
    expect(errors(items)[1]!.error.message).toMatch(/invalid UTF-8 at byte 3; re-save the file as UTF-8/);
    expect(articles(items)[0]!.headline).toBe('Fine headline');
  });

  it('a UTF-8 BOM, CRLF and lone CR line ends are handled', async () => {
    const dir = tempDir();
    const [bom, crlf, cr] = articles(await collect([
      write(dir, 'bom.txt', '\uFEFFBom headline\nBody.'),
      write(dir, 'crlf.md', '# Crlf headline\r\n\r\nLine one.\r\nLine two.'),
      write(dir, 'cr.txt', 'Cr headline\rBody one.\rBody two.'),
    ]));
    expect(bom!.headline).toBe('Bom headline');
    expect(crlf!.headline).toBe('Crlf headline');
    expect(crlf!.body).not.toContain('\r');
    expect(cr!.body).toBe('Body one.\nBody two.');
  });

  it('malformed JSON, a malformed JSONL line in the middle, wrong field types', async () => {
    const dir = tempDir();
    const items = await collect([
      write(dir, 'bad.json', '{"headline": "x", '),
      write(dir, 'mixed.jsonl', '{"id":"a","headline":"A","body":"Aa."}\n{not json}\n{"id":"c","headline":3,"body":"Cc."}\n{"id":"d","headline":"D","body":"Dd."}\n'),
    ]);
    expect(items).toHaveLength(5);
    expect(items.map((i) => ('article' in i ? i.article.id : i.error.error.code))).toEqual(['E_JSON', 'a', 'E_JSON', 'E_FIELD', 'd']);
    const field = errors(items)[2]!;
    expect(field.id).toBe('c');
    expect(field.error.message).toMatch(/mixed\.jsonl:3: "headline" must be a string, got a number/);
    expect(errors(items)[1]!.source).toMatchObject({ line: 2 });
  });

  it('non-existent path, unreadable file, unknown extension', async () => {
    const dir = tempDir();
    const items = await collect([path.join(dir, 'nope.md'), '/proc/self/mem', write(dir, 'x.docx', 'word')]);
    expect(errors(items).map((e) => e.error.code)).toEqual(['E_NOT_FOUND', 'E_UNSUPPORTED', 'E_UNSUPPORTED']);
    // /proc/self/mem has no known extension; an unreadable file with one is E_READ:
    const link = path.join(dir, 'mem.txt');
    symlinkSync('/proc/self/mem', link);
    const [unreadable] = await collect([link]);
    expect(unreadable).toMatchObject({ error: { error: { code: 'E_READ' } } });
  });

  it('directory symlink loops are reported once and do not hang', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'a'));
    write(path.join(dir, 'a'), 'x.txt', 'Headline\nBody.');
    symlinkSync(dir, path.join(dir, 'a', 'loop'));
    const items = await collect([dir]);
    expect(articles(items)).toHaveLength(1);
    expect(errors(items).map((e) => e.error.code)).toEqual(['E_LOOP']);
  });

  it('bodies over --max-body-bytes are rejected with the limit and the fix', async () => {
    const dir = tempDir();
    const [item] = await collect([write(dir, 'big.txt', `Big\n${'word '.repeat(3000)}`)], { maxBodyBytes: 10_000 });
    expect(item).toMatchObject({ error: { error: { code: 'E_TOO_LARGE' } } });
    expect((item as { error: { error: { message: string } } }).error.error.message).toMatch(/over the 10000-byte limit; raise --max-body-bytes/);
  });

  it('include / ignore globs filter directory walks', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'drafts'));
    write(dir, 'keep.md', '# Keep\nBody.');
    write(dir, 'skip.txt', 'Skip\nBody.');
    write(path.join(dir, 'drafts'), 'draft.md', '# Draft\nBody.');
    const found = articles(await collect([dir], { cwd: dir, include: ['**/*.md'], ignore: ['drafts/**'] }));
    expect(found.map((a) => a.headline)).toEqual(['Keep']);
  });
});

describe('stdin', () => {
  it('reads JSONL when every line is an object, keeping order and per-line errors', async () => {
    const items = await collect(['-'], { stdin: stdinOf('\n{"id":1,"headline":"A","body":"Aa."}\n{"id":2,"headline":"B"}\n') });
    expect(items.map((i) => ('article' in i ? i.article.id : i.error.error.code))).toEqual(['1', 'E_FIELD']);
  });

  it('reads plain text as one article', async () => {
    const [item] = await collect(['-'], { stdin: stdinOf('Plain headline\nPlain body sentence.\n') });
    expect(item).toMatchObject({ article: { id: 'stdin', headline: 'Plain headline', body: 'Plain body sentence.' } });
  });

  it('reports empty stdin', async () => {
    expect(await collect(['-'], { stdin: stdinOf('') })).toMatchObject([{ error: { error: { code: 'E_EMPTY' } } }]);
  });
});

describe('samples', () => {
  it('every sample parses to at least one article', async () => {
    const items = await collect([path.join(ROOT, 'samples')]);
    expect(errors(items)).toEqual([]);
    expect(articles(items).length).toBeGreaterThanOrEqual(12);
  });
});
