/**
 * The progress bar of long-running commands (scan, import): bytes read of the file, the command's
 * own counts, and messages per second, drawn on stderr only when it is a terminal (never in CI,
 * never with --json), redrawn at most ten times a second.
 */
import { SingleBar } from 'cli-progress';
import type { Io } from './io.js';

export interface Progress {
  /** Bytes of the file read so far, and its size. */
  bytes(read: number, total: number): void;
  /** New counts (merged into the last ones); `messages` sets the rate. */
  counts(values: Record<string, number>): void;
  /** Draws the last state and removes the bar. */
  stop(): void;
}

/**
 * A bar with `format` (cli-progress tokens: `{bar}`, `{percentage}`, `{rate}` and each count
 * given in `initial`), or a silent one when `show` is false or stderr is not a terminal.
 */
export function startProgress(io: Io, options: { show: boolean; format: string; initial: Record<string, number> }): Progress {
  const started = performance.now();
  const values: Record<string, number> = { ...options.initial };
  const tty = options.show && process.stderr.isTTY === true && !io.env.CI;
  if (!tty) return { bytes() {}, counts: (v) => Object.assign(values, v), stop() {} };

  const bar = new SingleBar({ stream: process.stderr, format: options.format, hideCursor: true, clearOnComplete: true, barsize: 24 });
  let total = 1;
  let done = 0;
  let lastDraw = 0;
  const draw = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    const secs = (now - started) / 1000;
    bar.setTotal(total);
    bar.update(done, { ...values, rate: Math.round((values.messages ?? 0) / Math.max(secs, 0.001)) });
  };
  bar.start(1, 0, { ...values, rate: 0 });

  return {
    bytes(read, all) {
      done = read;
      total = Math.max(all, 1);
      draw(false);
    },
    counts(v) {
      Object.assign(values, v);
      draw(false);
    },
    stop() {
      draw(true);
      bar.stop();
    },
  };
}
