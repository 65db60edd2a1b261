import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Checker, createChecker } from '../src/checker.js';
import { type RunningServer, startServer } from '../src/serve.js';
import { CLI, ROOT } from './helpers.js';

const article = { id: 'a1', headline: 'Port authority sells harbour land', body: 'The port authority does not rule out selling the old harbour land, its chair said. Nothing has been decided.' };

describe('headcheck serve', () => {
  let checker: Checker;
  let server: RunningServer;
  const post = (body: string | object, path = '/v1/check') => fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  beforeAll(async () => {
    checker = await createChecker();
    server = await startServer({ checker, version: 'test', port: 0, maxRequestBytes: 50_000, maxBodyBytes: 10_000, maxArticles: 5, maxQueue: 2 });
  });
  afterAll(async () => {
    await server.close();
    await checker.dispose();
  });

  it('binds loopback by default and answers /healthz and /version', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const version = await (await fetch(`${server.url}/version`)).json();
    expect(version).toMatchObject({ name: 'headcheck', version: 'test', model: 'headcheck-nli-minilm-l6' });
  });

  it('checks one article, or an array with a bad item answered in its place', async () => {
    const one = await post(article);
    expect(one.status).toBe(200);
    const report = await one.json();
    expect(report).toMatchObject({ id: 'a1', headline: article.headline });
    expect(['supported', 'overstated', 'contradicted', 'unsupported']).toContain(report.verdict);
    const many = await (await post([article, { headline: 'No body' }, { ...article, id: 'a3' }])).json();
    expect(many.map((r: { id: string }) => r.id)).toEqual(['a1', '#2', 'a3']);
    expect(many[1]).toMatchObject({ error: { code: 'E_FIELD' } });
  });

  it('returns JSON errors with the CLI\'s codes', async () => {
    expect(await (await post('{bad')).json()).toMatchObject({ error: { code: 'E_JSON' } });
    const big = await post({ ...article, body: 'x '.repeat(30_000) });
    expect(big.status).toBe(413);
    expect(await (await post({ ...article, body: 'word '.repeat(2_500) })).json()).toMatchObject({ error: { code: 'E_TOO_LARGE' } });
    expect((await post(Array(6).fill(article))).status).toBe(413);
    expect((await fetch(`${server.url}/v1/check`)).status).toBe(405);
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });

  it('answers 429 when the queue is full, and every request gets exactly one answer', async () => {
    // A checker slowed to 150 ms a request, so twelve at once overrun a queue of two.
    const slow: Checker = { ...checker, checkMany: async function* (items) {
      await new Promise((r) => setTimeout(r, 150));
      yield* checker.checkMany(items);
    } };
    const busy = await startServer({ checker: slow, version: 'test', port: 0, maxQueue: 2 });
    try {
      const statuses = await Promise.all(Array.from({ length: 12 }, () => fetch(`${busy.url}/v1/check`, { method: 'POST', body: JSON.stringify(article) }).then((r) => r.status)));
      expect(statuses.every((s) => s === 200 || s === 429)).toBe(true);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    } finally {
      await busy.close();
    }
  });
});

describe('headcheck serve (process)', () => {
  it('finishes in-flight work on SIGTERM and exits 0', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { cwd: ROOT });
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr.on('data', (d) => {
        err += d;
        const m = /listening on (http:\/\/\S+)/.exec(err);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(err)));
    });
    const pending = fetch(`${url}/v1/check`, { method: 'POST', body: JSON.stringify(article) });
    await new Promise((r) => setTimeout(r, 30));
    child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(200);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(0);
  });
});
