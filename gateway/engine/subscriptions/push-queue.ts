// An async iterator fed by pushes. Written by hand rather than as an async generator: a generator
// waiting for its next value cannot be returned until that value comes, so a consumer that leaves
// a quiet stream would hold what feeds it (an upstream subscription) until the next event. Here
// `return()` ends a pending `next()` at once and runs the release callback.

export interface PushQueueOptions {
  /** Called once when the consumer returns (leaves) or the queue is ended by its producer. */
  onRelease?: () => void | Promise<void>;
}

export class PushQueue<T> implements AsyncIterableIterator<T> {
  private readonly ready: T[] = [];
  private readonly waiting: Array<{ resolve(result: IteratorResult<T>): void; reject(error: unknown): void }> = [];
  /** Nothing more will be queued; what is queued still drains. */
  private ended = false;
  /** Thrown to the consumer once the queue is drained (a failed producer). */
  private failure: { error: unknown } | null = null;
  private released = false;

  constructor(private readonly options: PushQueueOptions = {}) {}

  /** Values queued and not yet taken. */
  get length(): number {
    return this.ready.length;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  push(value: T): void {
    if (this.ended) return;
    const waiter = this.waiting.shift();
    if (waiter) waiter.resolve({ value, done: false });
    else this.ready.push(value);
  }

  /** Ends the queue: the consumer takes what is queued, then is done (or gets `error` thrown). */
  end(error?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    if (error !== undefined) this.failure = { error };
    this.settleWaiters();
    void this.release();
  }

  /** Drops everything queued (a consumer too slow to keep: only what is pushed next reaches it). */
  clear(): void {
    this.ready.length = 0;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.ready.length > 0) return Promise.resolve({ value: this.ready.shift() as T, done: false });
    if (this.ended) return this.finish();
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  async return(): Promise<IteratorResult<T>> {
    this.ready.length = 0;
    this.failure = null;
    this.ended = true;
    this.settleWaiters();
    await this.release();
    return { value: undefined, done: true };
  }

  throw(): Promise<IteratorResult<T>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): Promise<IteratorResult<T>> {
    if (this.failure) {
      const { error } = this.failure;
      this.failure = null;
      return Promise.reject(error);
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  private settleWaiters(): void {
    if (this.ready.length > 0) return;
    for (const waiter of this.waiting.splice(0)) {
      if (this.failure) {
        const { error } = this.failure;
        this.failure = null;
        waiter.reject(error);
      } else {
        waiter.resolve({ value: undefined, done: true });
      }
    }
  }

  private async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.options.onRelease?.();
  }
}
