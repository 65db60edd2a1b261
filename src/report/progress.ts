import type { Writable } from 'node:stream';

export interface Progress {
  tick: (done: number) => void;
  done: () => void;
}

/**
 * A one-line progress counter (count, rate, elapsed) on a TTY stream; undefined when the
 * stream is not a terminal, so CI logs stay clean.
 */
export function makeProgress(stream: Writable & { isTTY?: boolean }, total?: number): Progress | undefined {
  if (!stream.isTTY) return undefined;
  const started = performance.now();
  let last = 0;
  let shown = false;
  return {
    tick(done) {
      const now = performance.now();
      if (now - last < 100) return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = done / Math.max(seconds, 1e-3);
      const eta = total ? ` eta ${Math.max(0, (total - done) / rate).toFixed(0)}s` : '';
      stream.write(`\r\u001b[2Kheadcheck: ${done}${total ? `/${total}` : ''} checked, ${rate.toFixed(1)}/s, ${seconds.toFixed(0)}s${eta}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
