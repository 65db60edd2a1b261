import type { Writable } from 'node:stream';
import { type Checker, type CheckerOptions, createChecker } from './checker.js';
import { type InputItem, type ReadOptions, readInputs, readOneOff } from './input/read-inputs.js';
import { ModelError } from './nli/model.js';
import { getFormatter, summaryLine } from './report/index.js';
import type { Summary } from './report/formatter.js';
import { terminalSafe } from './report/terminal-safe.js';
import { findingKey } from './report/baseline.js';
import { type CheckOutcome, isErrorRecord, type Report, VERDICTS, type VerdictLabel } from './types.js';

export interface RunOptions {
  inputs: string[];
  /** `--headline TEXT --body-file F`. */
  oneOff?: { headline: string; bodyFile: string };
  format: string;
  failOn: VerdictLabel[];
  explain: boolean;
  color: boolean;
  read: ReadOptions;
  checker: CheckerOptions;
  out: Writable;
  /** More reports from the same run (`--report FORMAT=FILE`): one model pass, several formats. */
  also?: Array<{ format: string; out: Writable }>;
  /** Errors, progress and the summary line. */
  err: Writable;
  quiet?: boolean;
  /** Called after each outcome (progress bars). */
  onProgress?: (done: number) => void;
  /** Called once the last article is checked, before the summary line (clears a progress line). */
  onFinish?: () => void;
  cwd?: string;
  /** An already loaded checker (tests, long-running hosts); else one is created and disposed. */
  reuse?: Checker;
  /** Keys of accepted findings (--baseline): those are reported as suppressed, not flagged. */
  baseline?: Set<string>;
  /** Sees every outcome as it is produced (watch mode keeps the last of each). */
  onOutcome?: (outcome: CheckOutcome) => void;
  /** Collects the flagged, unsuppressed findings (--write-baseline). */
  onFlagged?: (report: Report) => void;
}

export interface RunResult {
  exitCode: 0 | 1 | 2;
  summary: Summary;
}

export const EXIT = { ok: 0, flagged: 1, error: 2 } as const;

function emptySummary(): Summary {
  return { checked: 0, errors: 0, flagged: 0, ms: 0, counts: Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Summary['counts'] };
}

async function* oneOffItems(options: RunOptions): AsyncGenerator<InputItem> {
  yield await readOneOff(options.oneOff!.headline, options.oneOff!.bodyFile, options.read);
}

/**
 * The check command as a library call: read → check → format, streamed, one outcome per
 * input. Exit code 2 if any input or the model failed, else 1 if any verdict is in failOn.
 */
export async function runCheck(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const summary = emptySummary();
  const formatterOptions = { color: options.color, explain: options.explain, failOn: options.failOn, cwd: options.cwd ?? process.cwd() };
  const formatter = getFormatter(options.format)(formatterOptions);
  const extra = (options.also ?? []).map((a) => ({ out: a.out, formatter: getFormatter(a.format)({ ...formatterOptions, color: false }) }));
  let checker = options.reuse;
  if (!checker) {
    try {
      checker = await createChecker(options.checker);
    } catch (err) {
      const message = err instanceof ModelError ? err.message : `cannot load the model: ${(err as Error).message}`;
      options.err.write(`headcheck: error: ${message}\n`);
      return { exitCode: EXIT.error, summary };
    }
  }
  try {
    const items = options.oneOff ? oneOffItems(options) : readInputs(options.inputs, options.read);
    let done = 0;
    for await (const found of checker.checkMany(items)) {
      const outcome = applyBaseline(found, options);
      record(summary, outcome, options.failOn);
      options.onOutcome?.(outcome);
      // A new baseline keeps what the old one accepted; in-article markers need no baseline entry.
      if (!isErrorRecord(outcome) && options.failOn.includes(outcome.verdict) && (!outcome.suppressed || outcome.suppressed.kind === 'baseline')) options.onFlagged?.(outcome);
      // Errors go to stderr in every format, so a run that writes SARIF or JSON to a file is never silent.
      if (isErrorRecord(outcome)) {
        options.err.write(`headcheck: error ${outcome.error.code}: ${terminalSafe(outcome.error.message)}\n`);
      }
      const text = formatter.record(outcome);
      if (text) await write(options.out, text);
      for (const x of extra) {
        const more = x.formatter.record(outcome);
        if (more) await write(x.out, more);
      }
      options.onProgress?.(++done);
    }
    summary.ms = Math.round(performance.now() - started);
    const tail = formatter.end(summary);
    for (const x of extra) {
      const more = x.formatter.end(summary);
      if (more) await write(x.out, more);
    }
    options.onFinish?.();
    if (options.format === 'text') {
      if (!options.quiet) options.err.write(tail);
    } else {
      if (tail) await write(options.out, tail);
      if (!options.quiet) options.err.write(summaryLine(summary));
    }
  } finally {
    if (!options.reuse) await checker.dispose();
  }
  const exitCode = summary.errors > 0 ? EXIT.error : summary.flagged > 0 ? EXIT.flagged : EXIT.ok;
  return { exitCode, summary };
}

/** A finding listed in the baseline is accepted: reported as suppressed (kind "baseline"). */
function applyBaseline(outcome: CheckOutcome, options: RunOptions): CheckOutcome {
  if (!options.baseline || isErrorRecord(outcome) || outcome.suppressed || !options.failOn.includes(outcome.verdict)) return outcome;
  return options.baseline.has(findingKey(outcome)) ? { ...outcome, suppressed: { kind: 'baseline', justification: 'listed in the baseline' } } : outcome;
}

function record(summary: Summary, outcome: CheckOutcome, failOn: VerdictLabel[]): void {
  if (isErrorRecord(outcome)) {
    summary.errors++;
    return;
  }
  summary.checked++;
  summary.counts[outcome.verdict]++;
  if (!failOn.includes(outcome.verdict)) return;
  // An accepted finding is still reported, but it never fails the run.
  if (outcome.suppressed) summary.suppressed = (summary.suppressed ?? 0) + 1;
  else summary.flagged++;
}

/** Writes with back-pressure, so a slow consumer keeps memory flat. */
export function write(stream: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(text, (err) => (err ? reject(err) : undefined));
    if (ok) resolve();
    else stream.once('drain', resolve);
  });
}

export function parseFailOn(value: string): VerdictLabel[] {
  if (value.trim() === '') throw new Error('--fail-on: empty; give a comma-separated list of verdicts, or "none" to never fail');
  if (value === 'none') return [];
  const levels = value.split(',').map((s) => s.trim()).filter(Boolean);
  for (const level of levels) {
    if (!(VERDICTS as readonly string[]).includes(level)) {
      throw new Error(`--fail-on: unknown verdict "${level}"; use a comma-separated list of ${VERDICTS.join(', ')} (or "none")`);
    }
  }
  return levels as VerdictLabel[];
}
