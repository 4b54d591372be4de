import { GraphQLError, type ExecutionResult } from 'graphql';
import { UpstreamUnavailableError } from '../../../lib/errors';
import type { Logger } from '../../../lib/logger';
import { fetchFailure } from '../execution/subgraph-errors';
import type { SubgraphResponse } from '../transport/subgraph-fetcher';
import { PushQueue } from './push-queue';
import { resolveEvent, type EventContext } from './resolve-event';
import type { UpstreamSubscriber, UpstreamSubscriptionRequest } from './upstream-subscriber';

export interface SharedSubscriptionsOptions {
  upstream: UpstreamSubscriber;
  log: Logger;
  /** Results a client may leave waiting before its stream ends with SUBSCRIBER_TOO_SLOW (default 1000). */
  maxClientBacklog?: number;
  /** Events of one stream resolved at the same time; results are still delivered in order (default 16). */
  resolveConcurrency?: number;
}

/** What one subscription asks for: the key it may share by, and how to open and resolve it. */
export interface SubscriptionSpec {
  key: string;
  upstream: UpstreamSubscriptionRequest;
  events: EventContext;
}

export interface SubscriptionStats {
  /** Upstream streams open now (one per distinct key). */
  streams: number;
  /** Client subscriptions served now. */
  clients: number;
  /** Upstream subscriptions opened since the start. */
  upstreamOpened: number;
  /** Events resolved (rest of the plan run and shaped) since the start: once per event per stream. */
  eventsResolved: number;
  /** Subgraph fetches of event resolution answered by an identical fetch already in flight. */
  eventFetchesShared: number;
}

/**
 * Identical subscriptions (same key) share one upstream stream: each event is resolved once and
 * the result is handed to every client's own queue without waiting for any client. The stream
 * closes upstream when its last client leaves.
 */
export class SharedSubscriptions {
  private readonly streams = new Map<string, SharedStream>();
  readonly counters = { upstreamOpened: 0, eventsResolved: 0 };
  readonly maxClientBacklog: number;
  readonly resolveConcurrency: number;
  private closed = false;

  constructor(readonly options: SharedSubscriptionsOptions) {
    this.maxClientBacklog = options.maxClientBacklog ?? 1000;
    this.resolveConcurrency = Math.max(1, options.resolveConcurrency ?? 16);
  }

  open(spec: SubscriptionSpec): AsyncIterableIterator<ExecutionResult> {
    if (this.closed) throw new Error('the executor is closed');
    let stream = this.streams.get(spec.key);
    if (!stream) {
      stream = new SharedStream(this, spec);
      this.streams.set(spec.key, stream);
      const feed = stream.join();
      stream.start();
      return feed;
    }
    return stream.join();
  }

  /** A stream that ended or closed: later subscribers of its key open a new one. */
  forget(stream: SharedStream): void {
    if (this.streams.get(stream.key) === stream) this.streams.delete(stream.key);
  }

  stats(): Omit<SubscriptionStats, 'eventFetchesShared'> {
    let clients = 0;
    for (const stream of this.streams.values()) clients += stream.clientCount;
    return { streams: this.streams.size, clients, ...this.counters };
  }

  /** Ends every client's stream and closes every upstream stream. */
  async close(): Promise<void> {
    this.closed = true;
    const streams = [...this.streams.values()];
    this.streams.clear();
    await Promise.all(streams.map((stream) => stream.shutDown()));
  }
}

class SharedStream {
  readonly key: string;
  private readonly clients = new Set<PushQueue<ExecutionResult>>();
  private upstream: AsyncIterableIterator<SubgraphResponse> | null = null;
  private closed = false;
  private readonly log: Logger;

  constructor(
    private readonly owner: SharedSubscriptions,
    private readonly spec: SubscriptionSpec,
  ) {
    this.key = spec.key;
    this.log = spec.events.log;
  }

  get clientCount(): number {
    return this.clients.size;
  }

  join(): PushQueue<ExecutionResult> {
    const feed: PushQueue<ExecutionResult> = new PushQueue({ onRelease: () => this.leave(feed) });
    this.clients.add(feed);
    return feed;
  }

  start(): void {
    try {
      this.upstream = this.owner.options.upstream.subscribe(this.spec.upstream);
      this.owner.counters.upstreamOpened += 1;
    } catch (error) {
      this.finish(this.failureResult(error));
      return;
    }
    void this.pump(this.upstream);
  }

  /** The executor closes: clients are told the stream ended, upstream is closed. */
  async shutDown(): Promise<void> {
    this.finish();
    await this.upstream?.return?.();
  }

  private leave(feed: PushQueue<ExecutionResult>): void {
    this.clients.delete(feed);
    if (this.clients.size === 0) this.close();
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.owner.forget(this);
    void this.upstream?.return?.().catch((err: unknown) => this.log.warn({ err }, 'closing an upstream subscription failed'));
  }

  private async pump(upstream: AsyncIterableIterator<SubgraphResponse>): Promise<void> {
    // Events are resolved concurrently (up to resolveConcurrency) and delivered in order.
    let delivered: Promise<void> = Promise.resolve();
    let inFlight = 0;
    try {
      for (;;) {
        const item = await upstream.next();
        if (item.done || this.closed) break;
        inFlight += 1;
        const resolving = resolveEvent(this.spec.events, item.value);
        delivered = delivered.then(async () => {
          const result = await resolving;
          inFlight -= 1;
          this.owner.counters.eventsResolved += 1;
          this.deliver(result);
        });
        if (inFlight >= this.owner.resolveConcurrency) await delivered;
      }
      await delivered;
      this.finish();
    } catch (error) {
      await delivered;
      if (!this.closed) this.log.warn({ err: error, subgraph: this.spec.upstream.subgraph }, 'upstream subscription failed');
      this.finish(this.failureResult(error));
    }
  }

  private deliver(result: ExecutionResult): void {
    const max = this.owner.maxClientBacklog;
    for (const feed of this.clients) {
      if (feed.length < max) {
        feed.push(result);
        continue;
      }
      // This client takes its results slower than they come: it alone is ended, the others go on.
      this.log.warn({ backlog: feed.length }, 'subscriber too slow: ending its stream');
      feed.clear();
      feed.push(tooSlow(max));
      feed.end();
    }
  }

  /** Ends every client's stream (after `last`, when given) and the stream itself. */
  private finish(last?: ExecutionResult): void {
    this.owner.forget(this);
    for (const feed of [...this.clients]) {
      if (last) feed.push(last);
      feed.end();
    }
    this.close();
  }

  private failureResult(error: unknown): ExecutionResult {
    const subgraph = this.spec.upstream.subgraph;
    if (error instanceof UpstreamUnavailableError) {
      return { errors: [fetchFailure(capitalize(error.message), subgraph, SUBGRAPH_UNAVAILABLE)] };
    }
    this.log.error({ err: error, subgraph }, 'subscription failed unexpectedly');
    return { errors: [fetchFailure(`The subscription to subgraph "${subgraph}" failed`, subgraph, SUBGRAPH_UNAVAILABLE)] };
  }
}

/** The code of a subscription whose subgraph stream failed (the gateway's code for a subgraph that cannot answer). */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

function tooSlow(max: number): ExecutionResult {
  return {
    errors: [
      new GraphQLError(`The client fell more than ${max} events behind; the subscription was ended, subscribe again`, {
        extensions: { code: 'SUBSCRIBER_TOO_SLOW' },
      }),
    ],
  };
}

function capitalize(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
