import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countRecords } from '../src/input/count-records.js';
import { tempDir } from './helpers.js';

// The progress bar's ETA rests on this count: a wrong total shows a wrong "n of N".
describe('countRecords (the total behind the progress ETA)', () => {
  it('counts JSONL lines with or without a final newline, and one article per other file', async () => {
    const dir = tempDir();
    const a = path.join(dir, 'a.jsonl');
    const b = path.join(dir, 'b.ndjson');
    const c = path.join(dir, 'c.md');
    writeFileSync(a, '{"id":1}\n{"id":2}\n{"id":3}\n');
    writeFileSync(b, '{"id":1}\n{"id":2}');
    writeFileSync(c, '# Headline\n\nBody.\n');
    expect(await countRecords([a])).toBe(3);
    expect(await countRecords([b])).toBe(2);
    expect(await countRecords([a, b, c])).toBe(6);
  });

  it('gives no total when it would cost a walk or cannot be known (stdin, folders, missing files)', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'sub'));
    expect(await countRecords(['-'])).toBeUndefined();
    expect(await countRecords([path.join(dir, 'sub')])).toBeUndefined();
    expect(await countRecords([path.join(dir, 'missing.jsonl')])).toBeUndefined();
    expect(await countRecords([])).toBeUndefined();
  });
});
