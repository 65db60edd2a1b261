#!/usr/bin/env node
// `npm run bench`: measures headcheck on this machine and writes test/bench/results.md.
// A benchmark, not a test: it asserts nothing, it reports. Inputs are generated from a
// fixed seed, so the run needs nothing outside the repo.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(import.meta.dirname, '..', '..');
const started = performance.now();

// ---- deterministic article generator -------------------------------------------------
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SUBJECTS = ['The city council', 'The health minister', 'Police in the county', 'The central bank', 'Shareholders of the airline', 'The football club', 'Engineers at the plant', 'The school board', 'Residents of the valley', 'The regulator'];
const VERBS = ['approved', 'rejected', 'is considering', 'announced', 'may delay', 'denied', 'confirmed', 'postponed', 'does not rule out', 'criticised'];
const OBJECTS = ['a new budget for road repairs', 'plans to close two libraries', 'a rise in interest rates to 4.5 per cent', 'the merger with a rival carrier', 'a ban on night flights', 'the sale of the stadium for $120m', 'an inquiry into the flood response', 'a pay rise for 3,000 nurses', 'the reopening of the bridge', 'new rules on rented homes'];
const TAILS = ['on Tuesday', 'after a long debate', ', officials said', 'according to a statement', 'despite protests', 'for the second time this year'];
function sentence(r) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`.replace(' ,', ',');
}
function article(r, sentences, id) {
  const body = Array.from({ length: sentences }, () => sentence(r));
  const headline = body[Math.floor(r() * Math.min(3, sentences))].replace(/ (on Tuesday|after a long debate|, officials said|according to a statement|despite protests|for the second time this year)\.$/, '').replace(/\.$/, '');
  return { id: `bench-${id}`, headline, body: body.join(' ') };
}
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// ---- load --------------------------------------------------------------------------
const t0 = performance.now();
const { createChecker, bundledModelDir } = await import(path.join(root, 'dist', 'index.js'));
const importMs = performance.now() - t0;
const t1 = performance.now();
// Suggestions off: these figures compare the checking pipeline itself across versions.
const checker = await createChecker({ suggest: false });
const loadMs = performance.now() - t1;

// ---- latency per body length -------------------------------------------------------------
const r = rng(20261128);
for (let i = 0; i < 5; i++) await checker.check(article(r, 30, `warm${i}`)); // warm-up
const latency = [];
for (const [sentences, runs] of [[10, 40], [30, 40], [57, 40], [100, 30], [1000, 15]]) {
  const times = [];
  const words = [];
  for (let i = 0; i < runs; i++) {
    const a = article(r, sentences, `${sentences}-${i}`);
    words.push(a.body.split(/\s+/).length);
    const s = performance.now();
    await checker.check(a);
    times.push(performance.now() - s);
  }
  latency.push({ sentences, words: Math.round(words.reduce((x, y) => x + y, 0) / words.length), p50: quantile(times, 0.5), p95: quantile(times, 0.95), runs });
}

// ---- batch throughput ----------------------------------------------------------------------
const batch = Array.from({ length: 200 }, (_, i) => article(r, 30, `batch-${i}`));
const pairsBefore = checker.model.pairsScored;
const tb = performance.now();
let n = 0;
for await (const _ of checker.checkMany(batch)) n++;
const batchSec = (performance.now() - tb) / 1000;
const batchPairs = checker.model.pairsScored - pairsBefore;

// ---- pipeline vs raw onnxruntime on the same pre-tokenized batches ---------------------------
// The same premise/headline pairs the checker scores, encoded once; then (a) the model
// wrapper headcheck uses and (b) a bare onnxruntime-node InferenceSession with the same
// thread settings run identical padded batches.
const { selectPremises, splitSentences } = await import(path.join(root, 'dist', 'index.js'));
const ort = (await import('onnxruntime-node')).default ?? (await import('onnxruntime-node'));
const model = checker.model;
const encoded = [];
for (const a of batch.slice(0, 100)) {
  const sentences = splitSentences(a.body);
  const h = model.tokens(a.headline);
  for (const p of selectPremises(a.headline, sentences, { topK: checker.topK })) {
    encoded.push(model.encodePair(p.sentences.flatMap((i) => model.tokens(sentences[i].text)), h));
  }
}
const threads = Math.min(4, os.availableParallelism());
const raw = await ort.InferenceSession.create(path.join(bundledModelDir(), 'onnx', 'model_quantized.onnx'), {
  intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionProviders: ['cpu'],
});
function rawBatches() {
  const order = encoded.map((_, i) => i).sort((a, b) => encoded[a].ids.length - encoded[b].ids.length);
  const out = [];
  for (let s = 0; s < order.length; s += model.batchSize) {
    const idx = order.slice(s, s + model.batchSize);
    const width = Math.max(...idx.map((i) => encoded[i].ids.length));
    const ids = new BigInt64Array(idx.length * width);
    const mask = new BigInt64Array(idx.length * width);
    const types = new BigInt64Array(idx.length * width);
    idx.forEach((i, row) => encoded[i].ids.forEach((id, t) => {
      ids[row * width + t] = BigInt(id);
      mask[row * width + t] = 1n;
      types[row * width + t] = BigInt(encoded[i].typeIds[t]);
    }));
    const dims = [idx.length, width];
    out.push({ input_ids: new ort.Tensor('int64', ids, dims), attention_mask: new ort.Tensor('int64', mask, dims), token_type_ids: new ort.Tensor('int64', types, dims) });
  }
  return out;
}
const feeds = rawBatches();
const timeRaw = async () => {
  const s = performance.now();
  for (const f of feeds) await raw.run(f);
  return performance.now() - s;
};
const timeWrapper = async () => {
  const s = performance.now();
  await model.scoreEncoded(encoded);
  return performance.now() - s;
};
await timeRaw();
await timeWrapper();
const rawRuns = [];
const wrapperRuns = [];
for (let i = 0; i < 5; i++) {
  rawRuns.push(await timeRaw());
  wrapperRuns.push(await timeWrapper());
}
const rawPerPair = quantile(rawRuns, 0.5) / encoded.length;
const wrapperPerPair = quantile(wrapperRuns, 0.5) / encoded.length;
// Full pipeline per pair: the batch run above (reading aside) divided by its pairs.
const pipelinePerPair = (batchSec * 1000) / batchPairs;

const peakRssMb = process.resourceUsage().maxRSS / 1024;
await checker.dispose();

// ---- report ------------------------------------------------------------------------------
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const fmt = (x, d = 1) => x.toFixed(d);
const lines = [
  `Machine: ${os.availableParallelism()} cores, ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, onnxruntime threads ${threads}; model ${path.relative(root, bundledModelDir())} (int8), top-k ${checker.topK}.`,
  '',
  '| measure | value |',
  '|---|---|',
  `| model load (createChecker, after import) | ${fmt(loadMs, 0)} ms (library import ${fmt(importMs, 0)} ms) |`,
  ...latency.map((l) => `| latency, ${l.sentences} sentences (~${l.words} words), p50 / p95 of ${l.runs} | ${fmt(l.p50)} / ${fmt(l.p95)} ms |`),
  `| batch: 200 articles of 30 sentences | ${fmt(n / batchSec)} articles/s, ${fmt(batchPairs / batchSec)} NLI pairs/s |`,
  `| peak RSS | ${fmt(peakRssMb, 0)} MB |`,
  `| per pair: raw onnxruntime-node session, same batches | ${fmt(rawPerPair, 2)} ms |`,
  `| per pair: headcheck's model wrapper (tensors + softmax), same batches | ${fmt(wrapperPerPair, 2)} ms (${fmt(wrapperPerPair / rawPerPair, 2)}x raw) |`,
  `| per pair: full pipeline (segment, BM25, tokenise, infer, signals, verdict) | ${fmt(pipelinePerPair, 2)} ms (${fmt(pipelinePerPair / rawPerPair, 2)}x raw) |`,
  '',
  `Run: \`npm run bench\` (${fmt((performance.now() - started) / 1000, 0)} s), ${new Date().toISOString().slice(0, 10)}.`,
];
const table = `${lines.join('\n')}\n`;
process.stdout.write(table);
writeFileSync(path.join(root, 'test', 'bench', 'results.md'), table);
