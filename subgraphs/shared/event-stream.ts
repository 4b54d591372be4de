// A subscription's source stream over the event bus. Written by hand rather than as an async
// generator: a generator waiting for its next event cannot be returned until that event comes,
// so a client that leaves would hold its bus subscription until then. Here `return()` releases
// the bus subscription at once.
import type { EventBus, HubEvent, HubTopic } from '../../adapters/events/event-bus-port';
import type { Logger } from '../../lib/logger';
import { SubscriberTooSlowError } from './subscription-errors';

/** An event of any of the topics, typed by its topic. */
export type TopicEvent<T extends HubTopic> = { [K in T]: HubEvent<K> }[T];

export interface EventStreamOptions<T extends HubTopic, R> {
  bus: EventBus;
  topics: readonly T[];
  /**
   * Whether the event concerns this subscriber, and what it delivers: a value, or null to skip the
   * event. May read the current state (a lookup); runs one event at a time, in the order received.
   * A thrown error is delivered in place of that event (the stream goes on).
   */
  select: (event: TopicEvent<T>) => R | null | Promise<R | null>;
  /**
   * Called as each item is handed over for execution. A subscription's context lives as long as the
   * subscription; per-request caches (DataLoaders) are renewed here so that each event reads current data.
   */
  beforeEach?: () => void;
  /** Events received but not yet taken by the consumer; beyond this the stream ends with an error. */
  maxBacklog?: number;
  log: Logger;
}

/** What the stream yields: a value, or the error to report for one event. */
export type StreamItem<R> = { value: R } | { error: Error };

/** The subscription field's resolver: the value of an item, or its error thrown for this event. */
export function unwrapItem<R>(item: StreamItem<R>): R {
  if ('error' in item) throw item.error;
  return item.value;
}

class EventStream<T extends HubTopic, R> implements AsyncIterableIterator<StreamItem<R>> {
  private readonly ready: StreamItem<R>[] = [];
  private readonly waiting: ((result: IteratorResult<StreamItem<R>>) => void)[] = [];
  private readonly unsubscribes: (() => Promise<void>)[] = [];
  /** False once no further event is taken from the bus (overflowed or returned). */
  private accepting = true;
  /** The consumer left: everything pending is dropped. */
  private returned = false;
  /** Nothing more will be queued; what is queued still drains, then the stream is done. */
  private finished = false;
  private backlog = 0;
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly options: EventStreamOptions<T, R>) {}

  async open(): Promise<void> {
    try {
      for (const topic of this.options.topics) {
        this.unsubscribes.push(await this.options.bus.subscribe(topic, (event) => this.receive(event as TopicEvent<T>)));
      }
    } catch (error) {
      await this.release();
      throw error;
    }
  }

  private receive(event: TopicEvent<T>): void {
    if (!this.accepting) return;
    const max = this.options.maxBacklog ?? 1000;
    if (++this.backlog > max) {
      this.options.log.warn({ backlog: this.backlog - 1, topic: event.topic }, 'subscriber too slow: ending its stream');
      this.accepting = false;
      void this.release();
      // The events already taken are still delivered, then the error, then the end.
      this.chain = this.chain.then(() => {
        if (!this.returned) this.push({ error: new SubscriberTooSlowError(max) });
        this.finished = true;
        this.drainWaiters();
      });
      return;
    }
    this.chain = this.chain.then(async () => {
      if (this.returned) return;
      let item: StreamItem<R> | null;
      try {
        const value = await this.options.select(event);
        item = value === null || value === undefined ? null : { value };
      } catch (error) {
        item = { error: error instanceof Error ? error : new Error(String(error)) };
      }
      if (item && !this.returned) this.push(item);
      else this.backlog -= 1;
    });
  }

  private push(item: StreamItem<R>): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(this.take(item));
    else this.ready.push(item);
  }

  private take(item: StreamItem<R>): IteratorResult<StreamItem<R>> {
    this.backlog = Math.max(0, this.backlog - 1);
    this.options.beforeEach?.();
    return { value: item, done: false };
  }

  /** Ends waiting consumers once nothing more can come. */
  private drainWaiters(): void {
    if (!this.finished || this.ready.length > 0) return;
    for (const waiter of this.waiting.splice(0)) waiter({ value: undefined, done: true });
  }

  private async release(): Promise<void> {
    const unsubscribes = this.unsubscribes.splice(0);
    const results = await Promise.allSettled(unsubscribes.map((unsubscribe) => unsubscribe()));
    for (const result of results) if (result.status === 'rejected') this.options.log.warn({ err: result.reason }, 'releasing a bus subscription failed');
  }

  next(): Promise<IteratorResult<StreamItem<R>>> {
    const item = this.ready.shift();
    if (item) return Promise.resolve(this.take(item));
    if (this.finished) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async return(): Promise<IteratorResult<StreamItem<R>>> {
    this.accepting = false;
    this.returned = true;
    this.finished = true;
    this.ready.length = 0;
    this.drainWaiters();
    await this.release();
    return { value: undefined, done: true };
  }

  async throw(): Promise<IteratorResult<StreamItem<R>>> {
    return this.return();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Subscribes to the topics; resolves once the bus delivers to the stream. */
export async function openEventStream<T extends HubTopic, R>(options: EventStreamOptions<T, R>): Promise<AsyncIterableIterator<StreamItem<R>>> {
  const stream = new EventStream(options);
  await stream.open();
  return stream;
}
