#!/usr/bin/env node
// Times the parsers on the adversarial inputs of the reliability issue (a benchmark: it asserts
// nothing). Run after `npm run build`: node test/bench/pathological.mjs
import path from 'node:path';
const root = path.resolve(import.meta.dirname, '..', '..');
const { parseMarkdown, parseHtml } = await import(path.join(root, 'dist', 'input', 'index.js'));
const cases = [
  ['markdown: heading + 8,000 spaces', () => parseMarkdown(`# a${' '.repeat(8000)}b\n\nText.`, 'x.md')],
  ['markdown: 200 KB of [', () => parseMarkdown(`# H\n\n${'['.repeat(200_000)}`, 'x.md')],
  ['markdown: 200 lines of 1,000 [', () => parseMarkdown(`# H\n\n${`${'['.repeat(1000)}\n`.repeat(200)}`, 'x.md')],
  ['markdown: 100 KB of ![', () => parseMarkdown(`# H\n\n${'!['.repeat(50_000)}`, 'x.md')],
  ['markdown: 100 KB of <', () => parseMarkdown(`# H\n\n${'<'.repeat(100_000)}`, 'x.md')],
  ['markdown: 100 KB of [a](', () => parseMarkdown(`# H\n\n${'[a]('.repeat(25_000)}`, 'x.md')],
  ['markdown: 200 KB of prose', () => parseMarkdown(`# H\n\n${'The council approved the budget on Monday. '.repeat(4700)}`, 'x.md')],
  ['html: 200k nested <div> (refused at depth 2,000)', () => { try { parseHtml(`<body>${'<div>'.repeat(200_000)}<p>x</p>`, 'x.html'); } catch { /* E_UNSUPPORTED */ } }],
];
for (const [name, run] of cases) {
  const started = performance.now();
  run();
  console.log(`${name.padEnd(48)} ${(performance.now() - started).toFixed(0).padStart(6)} ms`);
}
