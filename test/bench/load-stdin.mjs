#!/usr/bin/env node
// Streams N generated JSONL records through `headcheck - --format jsonl` and samples the
// child's resident memory, to show memory stays flat as the batch grows.
//   node test/bench/load-stdin.mjs 2000 [8000]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const counts = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SENTENCES = ['The council approved the budget on Tuesday.', 'Critics said the plan may cost more than expected.', 'About 40 homes were flooded.', 'The minister is considering a new tax.', 'Shares fell 6% in early trading.', 'Police are investigating whether the fire was started deliberately.'];

function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024, hwm: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024 };
  } catch {
    return undefined;
  }
}

for (const n of counts.length ? counts : [2000]) {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'cli.js'), '-', '--format', 'jsonl', '--fail-on', 'none', '-q'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let lines = 0;
  let buffered = '';
  child.stdout.on('data', (d) => {
    buffered += d;
    const parts = buffered.split('\n');
    buffered = parts.pop();
    lines += parts.length;
  });
  const samples = [];
  const timer = setInterval(() => {
    const m = rssMb(child.pid);
    if (m) samples.push({ at: lines, ...m });
  }, 250);
  const started = Date.now();
  for (let i = 0; i < n; i++) {
    const body = Array.from({ length: 12 }, (_, k) => SENTENCES[(i + k) % SENTENCES.length]).join(' ');
    const ok = child.stdin.write(`${JSON.stringify({ id: `r${i}`, headline: i % 2 ? 'Council approves budget' : 'Minister introduces new tax', body })}\n`);
    if (!ok) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const secs = (Date.now() - started) / 1000;
  const quarter = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  const fmt = (s) => (s ? `${s.rss.toFixed(0)} MB after ${s.at} records` : 'n/a');
  console.log(`${n} records: exit ${code}, ${lines} output lines in ${secs.toFixed(1)} s (${(n / secs).toFixed(1)} records/s); RSS ${fmt(quarter(0.25))}, ${fmt(quarter(0.5))}, ${fmt(quarter(0.99))}; peak ${Math.max(...samples.map((s) => s.hwm)).toFixed(0)} MB`);
}
