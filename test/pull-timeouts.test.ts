import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullModel } from '../src/config/models-pull.js';
import { CLI, ROOT, tempDir } from './helpers.js';

/** A hub on loopback that never answers, or answers headers and then stalls. */
describe('models pull gives up on a silent hub and leaves nothing behind', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url?.includes('stall')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"partial":');
      }
      // otherwise: accept and never answer
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const pull = async (id: string) => {
    const dir = tempDir();
    const err = new PassThrough();
    let text = '';
    err.on('data', (d) => (text += d));
    const code = await pullModel({ id, modelsDir: dir, endpoint: base, timeoutMs: 300, err });
    return { code, text, left: readdirSync(dir) };
  };

  it('no answer at all: exit 2 within the timeout, nothing kept', async () => {
    const r = await pull('owner/silent');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/did not answer within 0.3 s/);
    expect(r.left).toEqual([]);
  });

  it('headers, then silence mid-file: exit 2, nothing kept', async () => {
    const r = await pull('owner/stall');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/no data for 0.3 s/);
    expect(r.left).toEqual([]);
  });

  it('a pull killed with SIGTERM removes its temporary folder', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [CLI, 'models', 'pull', 'owner/silent', '--dir', dir], { cwd: ROOT, env: { ...process.env, HF_ENDPOINT: base } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(readdirSync(dir).some((f) => f.startsWith('.pull-'))).toBe(true);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(143);
    expect(readdirSync(dir)).toEqual([]);
  });
});
