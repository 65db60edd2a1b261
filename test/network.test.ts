import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createChecker } from '../src/checker.js';

/** Any attempt to reach the network during a check fails this test. */
describe('no network at run time', () => {
  const attempts: string[] = [];
  const deny = (what: string) => (...args: unknown[]) => {
    attempts.push(`${what} ${String(args[0]).slice(0, 80)}`);
    throw new Error(`network use during a check: ${what}`);
  };
  beforeAll(() => {
    vi.stubGlobal('fetch', deny('fetch'));
    vi.spyOn(http, 'request').mockImplementation(deny('http.request') as never);
    vi.spyOn(http, 'get').mockImplementation(deny('http.get') as never);
    vi.spyOn(https, 'request').mockImplementation(deny('https.request') as never);
    vi.spyOn(https, 'get').mockImplementation(deny('https.get') as never);
    vi.spyOn(net, 'connect').mockImplementation(deny('net.connect') as never);
    vi.spyOn(net, 'createConnection').mockImplementation(deny('net.createConnection') as never);
    vi.spyOn(tls, 'connect').mockImplementation(deny('tls.connect') as never);
  });
  afterAll(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('loads the bundled model and checks an article without any network call', async () => {
    const checker = await createChecker();
    const report = await checker.check({ headline: 'Bridge reopens', body: 'The bridge reopened on Saturday after two years of repairs.' });
    await checker.dispose();
    expect(['supported', 'overstated', 'contradicted', 'unsupported']).toContain(report.verdict);
    expect(attempts).toEqual([]);
  });

  it('the guard itself works: a fetch is caught', async () => {
    await expect(Promise.resolve().then(() => fetch('https://example.org'))).rejects.toThrow(/network use during a check/);
    expect(attempts.pop()).toMatch(/^fetch/);
  });
});
