// One progress line on stderr, redrawn in place, for a person watching a terminal: never written into
// redirected output, never longer than the terminal is wide (a wrapped line could not be redrawn).
import type { OutStream } from './io';
import { displayWidth, fitFromEnd, printable } from './terminal';

/** Redraws at most this often (ms): a terminal cannot show more, and writing costs time on slow consoles. */
const REDRAW_MS = 100;
const CLEAR_LINE = '\r\x1b[2K';

export interface ProgressOptions {
  /** Also show files per second since the start. */
  rate?: boolean;
  now?: () => number;
}

export class Progress {
  private readonly enabled: boolean;
  private readonly started: number;
  private lastDraw = -Infinity;
  private readonly now: () => number;

  constructor(
    private readonly stream: OutStream,
    private readonly label: string,
    private readonly total: number,
    private readonly opts: ProgressOptions = {},
  ) {
    this.enabled = stream.isTTY === true && total > 1;
    this.now = opts.now ?? (() => performance.now());
    this.started = this.now();
  }

  /** `done` of `total`, with the file being worked on (or just finished); the first and last are always drawn. */
  update(done: number, file: string): void {
    if (!this.enabled) return;
    const t = this.now();
    if (done !== this.total && done !== 1 && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    const seconds = (t - this.started) / 1000;
    const rate = this.opts.rate && seconds > 0 ? `(${(done / seconds).toFixed(1)} 件/秒)` : '';
    const head = `${this.label} ${done}/${this.total}${rate}: `;
    const room = (this.stream.columns ?? Infinity) - 1 - displayWidth(head);
    this.stream.write(`${CLEAR_LINE}${head}${fitFromEnd(printable(file), Math.max(room, 1))}`);
  }

  /** Removes the line (before the summary or any other message). */
  clear(): void {
    if (this.enabled) this.stream.write(CLEAR_LINE);
  }
}
