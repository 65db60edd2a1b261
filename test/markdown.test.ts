import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../src/input/markdown.js';
import { parseHtml } from '../src/input/html.js';
import { ROOT } from './helpers.js';

describe('Markdown is parsed, not pattern-stripped', () => {
  it('reads folded and quoted YAML titles and TOML front matter', () => {
    expect(parseMarkdown('---\ntitle: >-\n  Council approves\n  budget\n---\nThe council approved it.\n', 'a.md').headline).toBe('Council approves budget');
    expect(parseMarkdown("---\ntitle: 'Mayor''s plan: approved'\n---\nText here.\n", 'a.md').headline).toBe("Mayor's plan: approved");
    expect(parseMarkdown('+++\ntitle = "Port sold"\n+++\nThe port was sold.\n', 'a.md')).toMatchObject({ headline: 'Port sold', body: 'The port was sold.' });
  });

  it('takes a setext heading as the headline, with its line', () => {
    expect(parseMarkdown('\nBridge reopens\n==============\n\nThe bridge reopened.\n', 'a.md')).toMatchObject({ headline: 'Bridge reopens', line: 2, body: 'The bridge reopened.' });
  });

  it('drops HTML comments, code, footnote definitions; keeps link text with parentheses and table cells', () => {
    const md = [
      '# Council approves budget', '',
      '<!-- editor: check the figure with the desk -->', '',
      'The council [approved the budget (in full)](https://example.org/a_(b)) on Monday.[^1]', '',
      '```', 'const x = "not prose";', '```', '',
      '| item | cost |', '|---|---|', '| roads | 4m |', '',
      '[^1]: Source: minutes of the meeting.', '',
      'Text around a fence stays its own paragraph.',
    ].join('\n');
    const { body } = parseMarkdown(md, 'a.md');
    expect(body).toBe('The council approved the budget (in full) on Monday.\n\nitem, cost\n\nroads, 4m\n\nText around a fence stays its own paragraph.');
  });

  it('names invalid front matter', () => {
    expect(() => parseMarkdown('---\ntitle: [unclosed\n---\nText.\n', 'a.md')).toThrow(/a\.md: front matter is not valid YAML/);
  });
});

describe('untrusted Markdown and HTML parse in bounded time', () => {
  // Each of these took 10–53 s with the old regular expressions on 2 cores (see README, Attack log).
  const cases: Array<[string, string]> = [
    ['heading with 8,000 spaces', `# a${' '.repeat(8000)}b\n\nText.`],
    ['200 KB of [', `# H\n\n${'['.repeat(200_000)}`],
    ['100 KB of ![', `# H\n\n${'!['.repeat(50_000)}`],
    ['100 KB of <', `# H\n\n${'<'.repeat(100_000)}`],
    ['100 KB of [a](', `# H\n\n${'[a]('.repeat(25_000)}`],
    ['200 lines of 1,000 [', `# H\n\n${`${'['.repeat(1000)}\n`.repeat(200)}`],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(() => parseMarkdown(text, 'x.md')).not.toThrow();
    }, 2000);
  }
  it('200k nested <div>', () => {
    expect(() => parseHtml(`<html><head><title>T</title></head><body>${'<div>'.repeat(200_000)}<p>Text.</p></body></html>`, 'deep.html')).toThrow(/deep.html: elements nest more than 2000 levels/);
  }, 2000);
});

describe('HTML from real CMS page shapes (fixtures written for this project)', () => {
  const read = (name: string) => parseHtml(readFileSync(path.join(ROOT, 'test', 'fixtures', 'cms', name), 'utf8'), name);
  it('WordPress: a body class "has-sidebar" does not drop the article; share and comment blocks do', () => {
    const page = read('wordpress.html');
    expect(page.headline).toBe('Harbour land sold to developer');
    expect(page.body).toContain('sold the old harbour land to a developer for 12 million pounds');
    expect(page.body).toContain('300 homes and a marina');
    expect(page.body).not.toMatch(/Share this|Leave a Reply|Recent posts|powered by/);
  });
  it('Ghost: twitter:title and the article body, without the comments prompt', () => {
    const page = read('ghost.html');
    expect(page.headline).toBe('Ferry firm cancels winter sailings');
    expect(page.body).toContain('cancelled all winter sailings to Carra');
    expect(page.body).not.toContain('Sign in to comment');
  });
  it('Drupal (no <article>, no <main>): Readability finds the body; sidebar and breadcrumb dropped', () => {
    const page = read('drupal.html');
    expect(page.headline).toBe('Library hours cut');
    expect(page.body).toContain('three branch libraries will open on four days a week');
    expect(page.body).toContain('2,400 signatures');
    expect(page.body).not.toMatch(/Quick links|Copyright/);
  });
  it('news site: JSON-LD "headline" before <title>; related links and newsletter dropped', () => {
    const page = read('news-jsonld.html');
    expect(page.headline).toBe('Airline shares fall after profit warning');
    expect(page.body).toContain('Shares in Northern Air fell 8 per cent');
    expect(page.body).not.toMatch(/Rail fares|newsletter/i);
  });
});

// Markdown: the paragraph's line and start, plus the offset in its text (inline markup such as ** is not counted).
describe('evidence positions point into the file', () => {
  it.each([
    ['a.md', '---\ntitle: Council approves budget\n---\n\nIntro line here.\n\n<!-- note -->\n\nThe **council** approved the budget on Monday.\n', 'approved the budget', 9, 13],
    ['a.txt', 'Council approves budget\n\nIntro line here.\nThe council approved the budget on Monday.\n', 'approved the budget', 4, 13],
    ['a.html', '<html><body><article><h1>Council approves budget</h1>\n<p>Intro line here.</p>\n  <p>The council approved the budget on Monday.</p></article></body></html>', 'approved the budget', 3, 18],
  ])('%s', async (name, content, needle, line, column) => {
    const { writeFileSync } = await import('node:fs');
    const { collect, tempDir } = await import('./helpers.js');
    const { place } = await import('../src/verdict/build-report.js');
    const file = path.join(tempDir(), name);
    writeFileSync(file, content);
    const [item] = await collect([file]);
    const article = (item as { article: { body: string; source: { anchors: never } } }).article;
    const start = article.body.indexOf(needle);
    expect(place({ start }, article.body, article.source.anchors)).toMatchObject({ line, column });
  });
});
