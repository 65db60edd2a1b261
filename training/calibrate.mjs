#!/usr/bin/env node
// Chooses the verdict thresholds for a model from data, and writes them to
// <model>/headcheck.json. Not part of npm test; run it after training a model:
//
//   node training/calibrate.mjs --data ../shared/data --model models/headcheck-nli-minilm-l6
//
// Calibration set: the FNC-1 body-disjoint hold-out bodies with an even Body ID
// (the odd half stays untouched for reporting) plus ../shared/eval/public_cases.jsonl.
// The checker runs once per article (predictions cached); then every threshold
// combination on a grid is replayed through the verdict rule. The winner keeps at
// least as many public cases right as the best combination does, and among those
// has the highest FNC macro-F1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { computeMetrics, decide, fncScore } from '../dist/index.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    model: { type: 'string', default: 'models/headcheck-nli-minilm-l6' },
    public: { type: 'string', default: '../shared/eval/public_cases.jsonl' },
    sample: { type: 'string', default: '0' },
    work: { type: 'string' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const work = values.work ?? mkdtempSync(path.join(tmpdir(), 'headcheck-calibrate-'));
mkdirSync(work, { recursive: true });
const cli = path.join(root, 'dist', 'cli.js');
const fnc = path.join(values.data, 'fnc-1');

execFileSync('unzip', ['-o', '-q', path.join(fnc, 'train_stances.csv.zip'), '-d', work]);
const holdout = readFileSync(path.join(fnc, 'splits', 'hold_out_ids.txt'), 'utf8').split(/\s+/).filter(Boolean);
const even = holdout.filter((id) => Number(id) % 2 === 0);
const odd = holdout.filter((id) => Number(id) % 2 === 1);
writeFileSync(path.join(work, 'calibration_ids.txt'), `${even.join('\n')}\n`);
writeFileSync(path.join(work, 'report_ids.txt'), `${odd.join('\n')}\n`);

function predictions(args, name) {
  const file = path.join(work, `${name}.predictions.jsonl`);
  const t0 = Date.now();
  execFileSync(process.execPath, [cli, 'eval', ...args, '--model', values.model, '--predictions', file, '-f', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  process.stderr.write(`${name}: predictions in ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

const fncRows = predictions(['--stances', path.join(work, 'train_stances.csv'), '--bodies', path.join(fnc, 'train_bodies.csv'),
  '--body-ids', path.join(work, 'calibration_ids.txt'), ...(Number(values.sample) > 0 ? ['--sample', values.sample, '--seed', '13'] : [])], 'fnc-calibration');
const publicRows = predictions([values.public], 'public');

function replay(rows, t) {
  return rows.map((r) => ({
    expected: r.expected,
    predicted: decide({ scores: r.scores, bestEntailment: r.decisionInput.bestEntailment, entailingPremiseSoftened: r.decisionInput.entailingPremiseSoftened, oppositeInKeySentence: r.decisionInput.oppositeInKeySentence, reasons: r.decisionInput.signals }, t).verdict,
  }));
}

const range = (from, to, step) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);
const candidates = [];
for (const entailment of range(0.3, 0.85, 0.05))
  for (const contradiction of range(0.3, 0.85, 0.05))
    for (const contradictionWithSignal of range(0.1, 0.5, 0.05))
      for (const relevance of range(0.1, 0.6, 0.05)) {
        const t = { entailment, contradiction, contradictionWithSignal, relevance };
        const publicPairs = replay(publicRows, t);
        const publicRight = publicPairs.filter((p) => p.expected === p.predicted).length;
        const m = computeMetrics(replay(fncRows, t));
        candidates.push({ t, publicRight, macroF1: m.macroF1, accuracy: m.accuracy });
      }
const bestPublic = Math.max(...candidates.map((c) => c.publicRight));
const best = candidates.filter((c) => c.publicRight === bestPublic).sort((a, b) => b.macroF1 - a.macroF1 || b.accuracy - a.accuracy)[0];
const fncPairs = replay(fncRows, best.t);

const out = {
  thresholds: best.t,
  calibration: {
    command: 'node training/calibrate.mjs --data ../shared/data --model models/headcheck-nli-minilm-l6',
    fncBodies: 'FNC-1 hold-out bodies with an even Body ID (odd ones kept for reporting)',
    fncSample: fncRows.length,
    fncMacroF1: Number(best.macroF1.toFixed(4)),
    fncAccuracy: Number(best.accuracy.toFixed(4)),
    fncScoreRelative: Number(fncScore(fncPairs).relative.toFixed(4)),
    publicCasesRight: `${best.publicRight}/${publicRows.length}`,
    gridSize: candidates.length,
  },
};
writeFileSync(path.join(values.model, 'headcheck.json'), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
process.stderr.write(`report ids (odd half) in ${path.join(work, 'report_ids.txt')}; stances in ${path.join(work, 'train_stances.csv')}\n`);
