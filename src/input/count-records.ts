import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/** Articles in the inputs when that is cheap to know (files only: JSONL lines counted), for the ETA. */
export async function countRecords(inputs: string[]): Promise<number | undefined> {
  if (inputs.length === 0 || inputs.includes('-')) return undefined;
  let total = 0;
  for (const input of inputs) {
    const info = await stat(input).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    if (!/\.(jsonl|ndjson)$/i.test(input)) {
      total++;
      continue;
    }
    let lines = 0;
    let last = 10;
    for await (const chunk of createReadStream(input) as AsyncIterable<Buffer>) {
      for (const byte of chunk) if (byte === 10) lines++;
      last = chunk[chunk.length - 1] ?? last;
    }
    total += lines + (last === 10 ? 0 : 1);
  }
  return total;
}
