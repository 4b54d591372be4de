import type { Logger } from '../../lib/logger';

export interface PollLoopOptions {
  name: string;
  intervalMs: number;
  log: Logger;
  /** The longest wait after repeated failures (default 5000, or the interval when longer). */
  maxBackoffMs?: number;
}

/**
 * Runs `tick` every `intervalMs`, never two at once. A tick that reports more work is followed at
 * once by another; a failing tick is logged and retried with a growing delay. `wake` runs the next
 * tick now (a writer in this process that just appended something).
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private wakeRequested = false;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly tick: () => Promise<boolean | void>,
    private readonly options: PollLoopOptions,
  ) {
    if (!(options.intervalMs > 0)) throw new Error(`${options.name}: the poll interval must be positive`);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wakeRequested = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling; resolves once the tick in progress, if any, has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs one tick now (tests, and a first pass before serving); the loop's own ticks wait for it. */
  async runOnce(): Promise<boolean> {
    while (this.running) await this.running;
    let more = false;
    const run = (async () => {
      more = (await this.tick()) === true;
    })();
    this.running = run.then(
      () => undefined,
      () => undefined,
    );
    try {
      await run;
      return more;
    } finally {
      this.running = null;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.loop();
    }, delayMs);
    this.timer.unref?.();
  }

  private async loop(): Promise<void> {
    if (this.stopped) return;
    let next = this.options.intervalMs;
    try {
      const more = await this.runOnce();
      this.failures = 0;
      if (more) next = 0;
    } catch (err) {
      this.failures += 1;
      const max = Math.max(this.options.maxBackoffMs ?? 5000, this.options.intervalMs);
      next = Math.min(max, this.options.intervalMs * 2 ** Math.min(this.failures, 10));
      // The first failure of a streak is an error; its repeats are quieter.
      if (this.failures === 1) this.options.log.error({ err, loop: this.options.name }, 'poll failed; retrying');
      else this.options.log.debug({ err, loop: this.options.name, failures: this.failures }, 'poll failed again');
    }
    if (this.wakeRequested) {
      this.wakeRequested = false;
      next = 0;
    }
    this.schedule(next);
  }
}
