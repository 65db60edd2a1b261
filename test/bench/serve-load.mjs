#!/usr/bin/env node
// `npm run bench:serve`: load test of `headcheck serve` on loopback (a benchmark, it asserts
// nothing). Starts the server in a child process, runs autocannon at concurrency 1, 8 and 64
// for a fixed number of requests each, then a long run, and reports latency p50/p99,
// throughput, status counts (every request must get exactly one answer: 200 or 429) and the
// server's RSS before and after. Usage: node test/bench/serve-load.mjs [requests per level] [long run]
import { spawn } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(import.meta.dirname, '..', '..');
const perLevel = Number(process.argv[2] ?? 300);
const longRun = Number(process.argv[3] ?? 10_000);
const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), 'serve', '--port', '0', '--queue', '64'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise((resolve, reject) => {
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
    const m = /listening on (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  child.on('exit', () => reject(new Error(err)));
});
const rss = () => Number(require('node:fs').readFileSync(`/proc/${child.pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)[1]) / 1024;
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const body = JSON.stringify({ headline: 'Port authority sells harbour land', body: 'The chair of the port authority does not rule out selling the old harbour land to a developer, she told the planning committee on Monday. Nothing has been decided, she said. The authority will present a plan to the board in March.' });

async function level(connections, amount) {
  const r = await autocannon({ url: `${url}/v1/check`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, amount, timeout: 60 });
  const answered = Object.values(r.statusCodeStats ?? {}).reduce((a, s) => a + s.count, 0);
  return { connections, requests: amount, answered, errors: r.errors, timeouts: r.timeouts, statuses: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count])), p50: r.latency.p50, p99: r.latency.p99, rps: r.requests.average };
}

const before = rss();
const rows = [];
for (const c of [1, 8, 64]) rows.push(await level(c, perLevel));
const mid = rss();
const long = await level(8, longRun);
const after = rss();
console.log(`| concurrency | requests | answered | 200 / 429 | errors | p50 ms | p99 ms | req/s |`);
console.log(`|---|---|---|---|---|---|---|---|`);
for (const r of [...rows, { ...long, connections: `${long.connections} (long run)` }]) {
  console.log(`| ${r.connections} | ${r.requests} | ${r.answered} | ${r.statuses['200'] ?? 0} / ${r.statuses['429'] ?? 0} | ${r.errors + r.timeouts} | ${r.p50} | ${r.p99} | ${r.rps.toFixed(1)} |`);
}
console.log(`\nserver RSS: ${before.toFixed(0)} MB at start, ${mid.toFixed(0)} MB after the three levels, ${after.toFixed(0)} MB after ${longRun} more requests`);
child.kill('SIGTERM');
