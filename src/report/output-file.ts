import { createWriteStream, promises, unlinkSync } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';

/** A report file being written: `commit` puts it in place once complete. */
export interface OutputFile {
  stream: Writable;
  commit: () => Promise<void>;
}

/**
 * Opens -o FILE before any work, so a bad target is one clear line (exit 2), not a stack trace.
 * The report goes to a temporary file beside it and replaces FILE only when complete. `fail`
 * ends the run with one line (the CLI exits 2).
 */
export async function openOutput(file: string, fail: (message: string) => never): Promise<OutputFile> {
  const existing = await promises.stat(file).catch(() => undefined);
  if (existing?.isDirectory()) fail(`cannot write ${file}: it is a directory`);
  // Only a regular file (or a new one) is replaced atomically; a device or FIFO is written as is.
  const atomic = !existing || existing.isFile();
  const temp = atomic ? path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.headcheck-${process.pid}.tmp`) : file;
  const stream = createWriteStream(temp);
  const cleanUp = () => (atomic ? promises.unlink(temp).catch(() => undefined) : Promise.resolve());
  await new Promise<void>((resolve) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => fail(`cannot write ${file}: ${err.code === 'ENOENT' ? 'its folder does not exist' : err.code === 'EACCES' ? 'permission denied' : err.message}`));
  });
  stream.on('error', (err) => {
    void cleanUp().then(() => fail(`cannot write ${file}: ${err.message}`));
  });
  if (atomic) {
    process.once('exit', () => {
      try {
        unlinkSync(temp);
      } catch {
        // already renamed into place
      }
    });
  }
  return {
    stream,
    commit: async () => {
      await new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(resolve);
      }).catch((err: Error) => fail(`cannot write ${file}: ${err.message}`));
      if (atomic) await promises.rename(temp, file);
    },
  };
}

/** -o must not name an input: the input would be destroyed before it is read. */
export async function refuseOutputOverInput(output: string, inputs: string[], fail: (message: string) => never): Promise<void> {
  const target = await promises.realpath(output).catch(() => path.resolve(output));
  for (const input of inputs) {
    if (input === '-') continue;
    const real = await promises.realpath(input).catch(() => path.resolve(input));
    if (real === target) fail(`refusing to write the report over the input ${input}; choose another -o file`);
  }
}
