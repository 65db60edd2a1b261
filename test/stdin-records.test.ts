import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collect, stdinOf, tempDir } from './helpers.js';

const twelve = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `r${i}`, headline: 'Mayor quits', body: 'The mayor resigned on Monday. Her deputy takes over.' })).join('\n');
const ids = (items: Awaited<ReturnType<typeof collect>>) => items.map((i) => ('article' in i ? i.article.id : `!${i.error.error.code}`));

/** No record is lost or merged: every line of JSON lines yields one result or one error. */
describe('stdin JSON lines are detected robustly', () => {
  it.each([['null'], ['[1]'], ['42'], ['{bad']])('a first line %s does not turn the stream into one article', async (first) => {
    const items = await collect(['-'], { stdin: stdinOf(`${first}\n${twelve}\n`) });
    expect(items).toHaveLength(13);
    expect(ids(items).slice(1)).toEqual(Array.from({ length: 12 }, (_, i) => `r${i}`));
    expect('error' in items[0]!).toBe(true);
  });

  it('an invalid UTF-8 first line is one E_ENCODING, the other 12 records come through', async () => {
    const items = await collect(['-'], { stdin: stdinOf(Buffer.concat([Buffer.from([0xff, 0x0a]), Buffer.from(`${twelve}\n`)])) });
    expect(ids(items)).toEqual(['!E_ENCODING', ...Array.from({ length: 12 }, (_, i) => `r${i}`)]);
  });

  it('plain text is still one article, and --stdin-format forces either reading', async () => {
    const text = 'Mayor quits\nThe mayor resigned on Monday. Her deputy takes over.\n';
    expect(ids(await collect(['-'], { stdin: stdinOf(text) }))).toEqual(['stdin']);
    expect(await collect(['-'], { stdin: stdinOf(`${twelve}\n`), stdinFormat: 'text' })).toHaveLength(1);
    expect(await collect(['-'], { stdin: stdinOf('null\n'), stdinFormat: 'jsonl' })).toHaveLength(1);
  });
});

describe('plain-text stdin', () => {
  it('keeps every line of a long article (past the lines looked at to tell the format)', async () => {
    const body = Array.from({ length: 12 }, (_, i) => `Sentence number ${i + 1} of the report.`).join('\n');
    const [item] = await collect(['-'], { stdin: stdinOf(`Mayor quits\n${body}\n`) });
    expect((item as { article: { body: string } }).article.body).toContain('Sentence number 12');
  });

  it('endless text (yes |) stops with E_TOO_LARGE once past the body limit', async () => {
    const { Readable } = await import('node:stream');
    let sent = 0;
    const endless = new Readable({ read() {
      sent++;
      this.push(Buffer.from('y\n'.repeat(8192)));
    } });
    const items = await collect(['-'], { stdin: endless, maxBodyBytes: 100_000 });
    expect(items.map((i) => ('error' in i ? i.error.error.code : 'ok'))).toEqual(['E_TOO_LARGE']);
    expect(sent).toBeLessThan(50);
  });
});

describe('JSONL files keep their good records', () => {
  it('a raw NUL byte inside one record fails that record only', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'nul.jsonl');
    const lines = twelve.split('\n');
    lines[3] = lines[3]!.replace('Mayor', 'May\u0000or');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const items = await collect([file]);
    expect(items).toHaveLength(12);
    expect(ids(items)[3]).toBe('!E_BINARY');
    expect(ids(items).filter((i) => !i.startsWith('!'))).toHaveLength(11);
  });

  it('a line over the limit is E_TOO_LARGE while read (not held), and the next record still comes', async () => {
    const huge = JSON.stringify({ id: 'huge', headline: 'H', body: 'x'.repeat(300_000) });
    const items = await collect(['-'], { stdin: stdinOf(`${huge}\n${twelve}\n`), maxBodyBytes: 100_000 });
    expect(ids(items)).toEqual(['!E_TOO_LARGE', ...Array.from({ length: 12 }, (_, i) => `r${i}`)]);
  });

  // Quadratic joining took 26 s for a 50 MB line on 2 cores; linear reading fits the timeout easily.
  it('reads a 50 MB line in linear time', async () => {
    const big = JSON.stringify({ id: 'big', headline: 'Mayor quits', body: `${'The mayor resigned. '.repeat(2_500_000)}` });
    const chunks = Array.from({ length: Math.ceil(big.length / 65_536) }, (_, i) => Buffer.from(big.slice(i * 65_536, (i + 1) * 65_536)));
    const { Readable } = await import('node:stream');
    const items = await collect(['-'], { stdin: Readable.from([...chunks, Buffer.from('\n')]), maxBodyBytes: 60_000_000 });
    expect(ids(items)).toEqual(['big']);
  }, 15_000);
});
