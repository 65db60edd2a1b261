#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { loadConfig, type ResolvedConfig } from './config/load-config.js';
import { DEFAULT_MAX_BODY_BYTES } from './input/read-inputs.js';
import { runEval } from './eval/run-eval.js';
import { runNli } from './eval/run-nli.js';
import { pullModel } from './config/models-pull.js';
import { FORMATTERS } from './report/index.js';
import { makeProgress } from './report/progress.js';
import { EXIT, parseFailOn, runCheck } from './run.js';
import { makeBaseline, readBaseline } from './report/baseline.js';
import { openOutput, refuseOutputOverInput } from './report/output-file.js';
import { countRecords } from './input/count-records.js';
import type { Report } from './types.js';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Colour on a TTY unless NO_COLOR or --no-color; FORCE_COLOR forces it on. */
export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean }, env = process.env): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return Boolean(stream.isTTY);
}

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer.`);
    return n;
  };
}

function atLeast(min: number, name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer of at least ${min}.`);
    return n;
  };
}

function fail(message: string): never {
  process.stderr.write(`headcheck: error: ${message}\n`);
  process.exit(EXIT.error);
}

function config(explicit: string | undefined): ResolvedConfig {
  try {
    return loadConfig(process.cwd(), explicit);
  } catch (err) {
    return fail((err as Error).message);
  }
}

/** Checker options: a flag wins over the config file, which wins over the defaults. */
function checkerOptions(cfg: ResolvedConfig, flags: { model?: string; topK?: number; maxTokens?: number }) {
  return {
    model: flags.model ?? cfg.model,
    topK: flags.topK ?? cfg.topK,
    thresholds: cfg.thresholds,
    phrases: { hedges: cfg.hedges, attributions: cfg.attributions },
    ...(flags.maxTokens !== undefined ? { maxTokens: flags.maxTokens } : {}),
  };
}

const program = new Command()
  // Set before any sub-command is added, so they inherit it: usage errors are one line and exit 2.
  .exitOverride()
  .configureOutput({ outputError: (message, write) => write(`headcheck: ${message.trim().replace(/\s*\n\s*/g, ' ')} (see headcheck --help)\n`) })
  .name('headcheck')
  .helpCommand('help [command]', 'show help for a command')
  .description('Check whether each headline says more than its article body does (offline NLI + signals).')
  .version(pkg.version)
  .argument('[inputs...]', 'files (.md .html .txt .json .jsonl), directories, or - for stdin')
  .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(FORMATTERS)).default('text'))
  .option('-o, --output <file>', 'write the report to a file instead of stdout')
  .option('--report <format=file>', 'also write this format to this file, from the same run (repeatable), e.g. --report sarif=out.sarif', (value: string, previous: string[] = []) => [...previous, value])
  .option('-m, --model <dir>', 'model folder, Hugging Face layout (default: config, else the bundled model)')
  .option('--fail-on <levels>', 'verdicts that make the exit code 1 (comma-separated, or "none") (default: config, else "contradicted,overstated")')
  .option('-k, --top-k <n>', 'premises scored per long article (default: config, else 10)', positiveInt('--top-k'))
  .option('--max-body-bytes <n>', `reject bodies over this size (default: config, else ${DEFAULT_MAX_BODY_BYTES})`, positiveInt('--max-body-bytes'))
  .option('--max-tokens <n>', 'tokens per premise+headline pair, at least 32 (default 128)', atLeast(32, '--max-tokens'))
  .addOption(new Option('--stdin-format <format>', 'how to read - (stdin): JSON lines, one plain-text article, or decided from the first lines').choices(['auto', 'jsonl', 'text']).default('auto'))
  .option('--no-suggest', 'do not offer a verified headline for overstated and contradicted ones')
  .option('--watch', 'keep the model loaded and re-check files as they change, printing only changed results')
  .option('--allow-empty', 'an input with no article (empty folder, []) is not an error')
  .option('--baseline <file>', 'findings listed in this file (from --write-baseline) are reported as suppressed, not flagged')
  .option('--write-baseline <file>', 'write the flagged findings of this run to FILE, to accept them')
  .option('--headline <text>', 'check one headline against --body-file')
  .option('--body-file <file>', 'body text for --headline (- for stdin)')
  .option('--explain', 'show every sentence and its scores')
  .option('-c, --config <file>', 'config file (default: headcheck.config.json, .headcheckrc.json or package.json "headcheck", searched upward)')
  .option('--no-color', 'no colour in text output')
  .option('-q, --quiet', 'no progress bar or summary line')
  .option('--timings', 'add per-article milliseconds to reports (output is then not byte-identical between runs)')
  .enablePositionalOptions()
  .action(async (inputs: string[], opts) => {
    const cfg = config(opts.config);
    if (opts.headline !== undefined && opts.bodyFile === undefined) fail('--headline needs --body-file FILE (or - for stdin)');
    if (opts.bodyFile !== undefined && opts.headline === undefined) fail('--body-file needs --headline TEXT');
    if (inputs.length === 0 && opts.headline === undefined) fail('no input; pass files, directories or - (see headcheck --help)');
    let failOn;
    try {
      failOn = opts.failOn !== undefined ? parseFailOn(opts.failOn) : cfg.failOn;
    } catch (err) {
      return fail((err as Error).message);
    }
    const reports = ((opts.report as string[] | undefined) ?? []).map((spec) => {
      const m = /^([a-z]+)=(.+)$/.exec(spec);
      if (!m || !(m[1]! in FORMATTERS)) fail(`--report ${spec}: use FORMAT=FILE with a format among ${Object.keys(FORMATTERS).join(', ')}`);
      return { format: m![1]!, file: m![2]! };
    });
    for (const file of [opts.output, ...reports.map((r) => r.file)]) if (file) await refuseOutputOverInput(file, inputs, fail);
    const output = opts.output ? await openOutput(opts.output, fail) : undefined;
    const also = await Promise.all(reports.map(async (r) => ({ format: r.format, output: await openOutput(r.file, fail) })));
    const out = output?.stream ?? process.stdout;
    const colorTarget = opts.output ? { isTTY: false } : process.stdout;
    let baseline: Set<string> | undefined;
    if (opts.baseline) {
      try {
        baseline = readBaseline(opts.baseline);
      } catch (err) {
        fail((err as Error).message);
      }
    }
    const flagged: Report[] = [];
    if (opts.watch) {
      if (inputs.length === 0 || inputs.includes('-') || opts.output) fail('--watch needs files or folders (not stdin) and writes to stdout (no -o)');
      const { watchInputs } = await import('./watch.js');
      await watchInputs({
        inputs,
        format: opts.format,
        failOn,
        explain: Boolean(opts.explain),
        color: useColor(opts.color, process.stdout),
        read: { maxBodyBytes: opts.maxBodyBytes ?? cfg.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, include: cfg.include, ignore: cfg.ignore, boilerplate: cfg.boilerplate },
        checker: checkerOptions(cfg, opts),
        out: process.stdout,
        err: process.stderr,
      });
      return;
    }
    const progress = opts.quiet ? undefined : makeProgress(process.stderr, process.stderr.isTTY ? await countRecords(inputs) : undefined);
    const result = await runCheck({
      inputs,
      oneOff: opts.headline !== undefined ? { headline: opts.headline, bodyFile: opts.bodyFile } : undefined,
      format: opts.format,
      failOn,
      explain: Boolean(opts.explain),
      color: useColor(opts.color, colorTarget),
      quiet: Boolean(opts.quiet),
      read: {
        maxBodyBytes: opts.maxBodyBytes ?? cfg.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
        stdinFormat: opts.stdinFormat,
        allowEmpty: Boolean(opts.allowEmpty),
        // The run's own files are never read as articles when they sit in a walked folder.
        skip: [opts.output, opts.baseline, opts.writeBaseline, ...reports.map((r) => r.file)].filter((f): f is string => Boolean(f)).map((f) => path.resolve(f)),
        include: cfg.include,
        ignore: cfg.ignore,
        boilerplate: cfg.boilerplate,
      },
      checker: {
        ...checkerOptions(cfg, opts),
        timings: Boolean(opts.timings),
        suggest: opts.suggest !== false,
      },
      out,
      also: also.map((a) => ({ format: a.format, out: a.output.stream })),
      err: process.stderr,
      onProgress: progress?.tick,
      onFinish: progress?.done,
      baseline,
      onFlagged: opts.writeBaseline ? (r) => flagged.push(r) : undefined,
    });
    if (opts.writeBaseline) {
      const target = await openOutput(opts.writeBaseline, fail);
      target.stream.write(`${JSON.stringify(makeBaseline(flagged), null, 2)}\n`);
      await target.commit();
      if (!opts.quiet) process.stderr.write(`headcheck: wrote ${flagged.length} finding(s) to ${opts.writeBaseline}\n`);
    }
    progress?.done();
    if (output) await output.commit();
    for (const a of also) await a.output.commit();
    process.exitCode = result.exitCode;
  });

program
  .command('nli')
  .description('score raw premise/hypothesis pairs: JSONL {id, premise, hypothesis} in, {id, label, scores} out')
  .argument('[inputs...]', 'JSONL files, or - for stdin', ['-'])
  .addOption(new Option('-f, --format <name>', 'output format').choices(['jsonl', 'json', 'text']).default('jsonl'))
  .option('-m, --model <dir>', 'model folder')
  .option('-c, --config <file>', 'config file')
  .action(async (inputs: string[], opts) => {
    const cfg = config(opts.config);
    process.exitCode = await runNli({ inputs, format: opts.format, model: opts.model ?? cfg.model, out: process.stdout, err: process.stderr });
  });

program
  .command('eval')
  .description('run the checker on labelled data and report accuracy, per-verdict P/R/F1, macro-F1, confusion matrix, speed')
  .argument('[data]', 'JSONL with {id, headline, body, expected}')
  .option('--stances <file>', 'FNC-1 stances CSV (Headline, Body ID, Stance), with --bodies')
  .option('--bodies <file>', 'FNC-1 bodies CSV (Body ID, articleBody)')
  .option('--body-ids <file>', 'keep only these FNC-1 body ids (one per line), e.g. a hold-out split')
  .option('--sample <n>', 'stratified sample of N records', positiveInt('--sample'))
  .option('--seed <n>', 'sampling seed', (v) => Number(v), 1)
  .option('--split <name>', 'keep only records whose "split" is NAME (e.g. test)')
  .option('--suggestions', 'also make and verify headline suggestions; report how often one is offered')
  .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
  .option('-m, --model <dir>', 'model folder')
  .option('-k, --top-k <n>', 'premises scored per long article', positiveInt('--top-k'))
  .option('--predictions <file>', 'also write each prediction as JSONL')
  .option('-c, --config <file>', 'config file')
  .action(async (data: string | undefined, opts) => {
    const cfg = config(opts.config);
    process.exitCode = await runEval({
      data, stances: opts.stances, bodies: opts.bodies, bodyIds: opts.bodyIds, sample: opts.sample, seed: opts.seed, split: opts.split, suggestions: Boolean(opts.suggestions),
      format: opts.format, predictions: opts.predictions,
      checker: checkerOptions(cfg, opts),
      out: process.stdout, err: process.stderr,
    });
  });

program
  .command('serve')
  .description('run a resident HTTP server (model loaded once): POST /v1/check, GET /healthz, GET /version')
  .option('--host <host>', 'address to bind', '127.0.0.1')
  .option('--port <n>', 'port (0 = any free port)', (v) => Number(v), 8321)
  .option('-m, --model <dir>', 'model folder (default: config, else the bundled model)')
  .option('--max-request-bytes <n>', 'largest request body', positiveInt('--max-request-bytes'), 10 * 1024 * 1024)
  .option('--max-body-bytes <n>', `largest article body (default: config, else ${DEFAULT_MAX_BODY_BYTES})`, positiveInt('--max-body-bytes'))
  .option('--max-articles <n>', 'most articles in one request', positiveInt('--max-articles'), 100)
  .option('--queue <n>', 'requests that may wait for the model before new ones get 429', positiveInt('--queue'), 64)
  .option('--timeout <seconds>', 'answer 503 to a request not done in this time', positiveInt('--timeout'), 30)
  .option('-c, --config <file>', 'config file')
  .action(async (opts) => {
    const cfg = config(opts.config);
    if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) fail(`--port must be 0–65535, got ${opts.port}`);
    const { createChecker } = await import('./checker.js');
    const { startServer } = await import('./serve.js');
    let checker;
    try {
      checker = await createChecker(checkerOptions(cfg, { model: opts.model }));
    } catch (err) {
      return fail((err as Error).message);
    }
    let running;
    try {
      running = await startServer({
        checker, version: pkg.version, host: opts.host, port: opts.port, maxRequestBytes: opts.maxRequestBytes,
        maxBodyBytes: opts.maxBodyBytes ?? cfg.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, maxArticles: opts.maxArticles,
        maxQueue: opts.queue, timeoutMs: opts.timeout * 1000, log: (line) => process.stderr.write(`${line}\n`),
      });
    } catch (err) {
      await checker.dispose();
      return fail(`cannot listen on ${opts.host}:${opts.port} (${(err as Error).message})`);
    }
    process.stderr.write(`headcheck serve: listening on ${running.url} (POST /v1/check, GET /healthz, GET /version)\n`);
    const stop = async (signal: string) => {
      process.stderr.write(`headcheck serve: ${signal}: finishing in-flight requests\n`);
      await running.close();
      await checker.dispose();
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  });

const models = program.command('models').description('manage model folders');
models
  .command('pull')
  .description('download a model from the Hugging Face Hub into models/ (the only command that uses the network)')
  .argument('<id>', 'model id, e.g. owner/name')
  .option('--dir <dir>', 'models folder', 'models')
  .option('--revision <rev>', 'branch, tag or commit', 'main')
  .option('--timeout <seconds>', 'give up when the hub sends nothing for this long', positiveInt('--timeout'), 30)
  .action(async (id: string, opts) => {
    process.exitCode = await pullModel({ id, modelsDir: opts.dir, revision: opts.revision, timeoutMs: opts.timeout * 1000, err: process.stderr });
  });

// A closed pipe (`| head -1`) or a failing -o target ends the run with one line and exit 2.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  process.stderr.write(`headcheck: error: cannot write the report to stdout (${err.code === 'EPIPE' ? 'the reader closed the pipe' : err.message})\n`);
  process.exit(EXIT.error);
});
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    const benign = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
    process.exit(benign ? 0 : EXIT.error);
  }
  process.stderr.write(`headcheck: error: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(EXIT.error);
}
