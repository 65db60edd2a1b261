/**
 * `headcheck serve`: a resident HTTP server for CMS plug-ins and editor integrations, with the
 * model loaded once. Node's own http module: four routes do not need a framework, and it keeps
 * the dependency list to what the product already uses.
 *
 *   POST /v1/check   {headline, body, id?} or an array of them → report(s), as in jsonl output
 *   GET  /healthz    {status: "ok"}
 *   GET  /version    {name, version, model, verdict}
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Checker } from './checker.js';
import { InputError } from './input/input-error.js';
import { validateRecord } from './input/record.js';
import { serializeOutcome } from './report/serialize.js';
import type { ArticleInput } from './checker.js';

export interface ServeOptions {
  checker: Checker;
  version: string;
  host?: string;
  port?: number;
  /** Largest request body, bytes. */
  maxRequestBytes?: number;
  /** Largest article body, bytes (as --max-body-bytes). */
  maxBodyBytes?: number;
  /** Most articles in one request. */
  maxArticles?: number;
  /** Requests waiting for the model beyond this answer 429. */
  maxQueue?: number;
  /** A request not answered within this many ms gets 503. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  server: http.Server;
  /** Stops accepting, lets in-flight requests finish, then resolves. */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded) return;
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > limit) {
      reject(new HttpError(413, 'E_TOO_LARGE', `request body is ${declared} bytes, over the ${limit}-byte limit`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'E_TOO_LARGE', `request body is over the ${limit}-byte limit`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses and validates a request: one article or an array; every problem names the field. */
export function parseCheckRequest(raw: Buffer, maxArticles: number, maxBodyBytes: number): { many: boolean; articles: Array<ArticleInput | { error: { id: string; error: { code: string; message: string } } }> } {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (err) {
    throw new HttpError(400, 'E_JSON', `request body is not valid UTF-8 JSON (${(err as Error).message}); send {"headline": "...", "body": "..."} or an array of them`);
  }
  const many = Array.isArray(value);
  const list = many ? (value as unknown[]) : [value];
  if (list.length === 0) throw new HttpError(400, 'E_EMPTY', 'empty array; send at least one {"headline", "body"}');
  if (list.length > maxArticles) throw new HttpError(413, 'E_TOO_LARGE', `${list.length} articles in one request; at most ${maxArticles}`);
  const articles = list.map((item, i) => {
    const where = many ? `request[${i}]` : 'request';
    try {
      const parsed = validateRecord(item, where);
      const bytes = Buffer.byteLength(parsed.body, 'utf8');
      if (bytes > maxBodyBytes) throw new InputError('E_TOO_LARGE', `${where}: body is ${bytes} bytes, over the ${maxBodyBytes}-byte limit`);
      if (!parsed.headline.trim()) throw new InputError('E_NO_HEADLINE', `${where}: "headline" is empty`);
      if (!parsed.body.trim()) throw new InputError('E_NO_BODY', `${where}: "body" is empty`);
      return { id: parsed.id ?? (many ? `#${i + 1}` : 'request'), headline: parsed.headline, body: parsed.body };
    } catch (err) {
      const code = err instanceof InputError ? err.code : 'E_FIELD';
      return { error: { id: many ? `#${i + 1}` : 'request', error: { code, message: (err as Error).message } } };
    }
  });
  return { many, articles };
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { checker } = options;
  const maxRequestBytes = options.maxRequestBytes ?? 10 * 1024 * 1024;
  const maxBodyBytes = options.maxBodyBytes ?? 2_000_000;
  const maxArticles = options.maxArticles ?? 100;
  const maxQueue = options.maxQueue ?? 64;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const log = options.log ?? (() => undefined);
  let waiting = 0;
  let inFlight = 0;
  // The model is one session: checks run one request at a time, in arrival order.
  let chain: Promise<unknown> = Promise.resolve();

  async function check(articles: ArticleInput[]): Promise<Array<Record<string, unknown>>> {
    const run = chain.then(async () => {
      const out: Array<Record<string, unknown>> = [];
      for await (const outcome of checker.checkMany(articles)) out.push(serializeOutcome(outcome, false));
      return out;
    });
    chain = run.catch(() => undefined);
    return run;
  }

  const server = http.createServer(async (req, res) => {
    inFlight++;
    res.on('close', () => inFlight--);
    const timer = setTimeout(() => send(res, 503, { error: { code: 'E_TIMEOUT', message: `not answered within ${timeoutMs / 1000} s; try again, or send fewer articles` } }), timeoutMs);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
      if (req.method === 'GET' && url.pathname === '/version') {
        return send(res, 200, { name: 'headcheck', version: options.version, model: checker.model.dir.split(/[\\/]/).pop(), verdict: checker.verdictModel ? 'learned' : 'thresholds', thresholds: checker.verdictModel ? undefined : checker.thresholds });
      }
      if (url.pathname !== '/v1/check') throw new HttpError(404, 'E_NOT_FOUND', `no route ${req.method} ${url.pathname}; use POST /v1/check, GET /healthz or GET /version`);
      if (req.method !== 'POST') throw new HttpError(405, 'E_METHOD', `${req.method} /v1/check: use POST with a JSON body`);
      if (waiting >= maxQueue) throw new HttpError(429, 'E_BUSY', `${waiting} requests are waiting for the model; retry shortly`);
      waiting++;
      let released = false;
      const release = () => {
        if (!released) waiting--;
        released = true;
      };
      try {
        const request = parseCheckRequest(await readBody(req, maxRequestBytes), maxArticles, maxBodyBytes);
        const valid = request.articles.filter((a): a is ArticleInput => !('error' in a));
        const checked = valid.length > 0 ? await check(valid) : [];
        release();
        let next = 0;
        const results = request.articles.map((a) => ('error' in a ? a.error : checked[next++]!));
        send(res, 200, request.many ? results : results[0]);
      } finally {
        release();
      }
    } catch (err) {
      if (err instanceof HttpError) send(res, err.status, { error: { code: err.code, message: err.message } });
      else {
        log(`headcheck serve: error: ${(err as Error).message}`);
        send(res, 500, { error: { code: 'E_INTERNAL', message: (err as Error).message } });
      }
    } finally {
      clearTimeout(timer);
    }
  });
  server.requestTimeout = timeoutMs + 5000;
  server.headersTimeout = Math.min(60_000, timeoutMs + 5000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8321, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () => new Promise<void>((resolve) => {
      // Stop accepting; in-flight requests finish; idle keep-alive sockets are closed.
      server.close(() => resolve());
      server.closeIdleConnections();
      const poll = setInterval(() => {
        if (inFlight === 0) {
          clearInterval(poll);
          server.closeAllConnections();
        }
      }, 50);
    }),
  };
}
