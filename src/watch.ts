/**
 * `headcheck --watch PATHS`: checks the inputs once, then re-checks files as they change (Node's
 * fs.watch, recursive on folders), with the model kept loaded. Only results that changed since
 * they were last printed are written, so an editor's save that does not change the verdict,
 * reasons or evidence prints nothing.
 */
import { watch, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { createChecker } from './checker.js';
import { runCheck, type RunOptions } from './run.js';
import { serializeOutcome } from './report/serialize.js';
import type { CheckOutcome } from './types.js';

const ARTICLE = /\.(md|markdown|html?|txt|json|jsonl|ndjson)$/i;

export type WatchOptions = Omit<RunOptions, 'reuse' | 'quiet' | 'onProgress' | 'onFinish'>;

export async function watchInputs(options: WatchOptions): Promise<void> {
  const checker = await createChecker(options.checker);
  const last = new Map<string, string>();

  /** Checks `inputs`, prints the outcomes whose content changed since last printed. */
  async function checkAndPrint(inputs: string[]): Promise<void> {
    const collected: CheckOutcome[] = [];
    const sink = new PassThrough();
    sink.resume();
    await runCheck({ ...options, inputs, reuse: checker, quiet: true, out: sink, format: 'jsonl', onOutcome: (o) => collected.push(o) });
    const changed = collected.filter((o) => {
      const key = o.id;
      const text = JSON.stringify(serializeOutcome(o, false));
      if (last.get(key) === text) return false;
      last.set(key, text);
      return true;
    });
    if (changed.length === 0) return;
    const { getFormatter } = await import('./report/index.js');
    const formatter = getFormatter(options.format)({ color: options.color, explain: options.explain, failOn: options.failOn, cwd: process.cwd() });
    for (const o of changed) options.out.write(formatter.record(o));
  }

  await checkAndPrint(options.inputs);
  options.err.write(`headcheck: watching ${options.inputs.join(', ')} (Ctrl-C to stop)\n`);

  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const schedule = (file: string) => {
    if (!ARTICLE.test(file)) return;
    pending.add(file);
    clearTimeout(timer);
    // Editors write a file in several steps: wait for the burst to settle.
    timer = setTimeout(() => {
      const files = [...pending];
      pending.clear();
      running = running.then(async () => {
        const existing: string[] = [];
        for (const f of files) if ((await stat(f).catch(() => undefined))?.isFile()) existing.push(f);
        if (existing.length > 0) await checkAndPrint(existing);
      }).catch((err: Error) => {
        options.err.write(`headcheck: error: ${err.message}\n`);
      });
    }, 150);
  };

  const watchers: FSWatcher[] = [];
  for (const input of options.inputs) {
    const info = await stat(input);
    const dir = info.isDirectory() ? input : path.dirname(input);
    watchers.push(watch(dir, { recursive: info.isDirectory() }, (_event, name) => {
      if (!name) return;
      const file = path.join(dir, name.toString());
      if (info.isDirectory() || path.resolve(file) === path.resolve(input)) schedule(file);
    }));
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const w of watchers) w.close();
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running;
  await checker.dispose();
}
