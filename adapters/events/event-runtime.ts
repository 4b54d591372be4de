// Composition helper: what one process needs to raise and carry events. The bus (by URL), the
// hub store (watermarks, identities, outbox), the lease table beside it, the outbox relay, and the
// change captures the process runs; closed in the right order (producers first, the bus last).
import type { Logger } from '../../lib/logger';
import { openHubStore, type ClosableHubStore } from '../hub/sql/hub-sql-store';
import { startOutboxRelay, type OutboxRelay } from '../hub/sql/outbox-relay';
import type { EventBus } from './event-bus-port';
import { openSqlLeaseStore, type ClosableLeaseStore } from './lease/sql/sql-lease-store';
import { openEventBus } from './open-event-bus';

export interface EventRuntimeOptions {
  /** redis://..., nats://...; null or absent: in-process. */
  eventBusUrl?: string | null;
  /** The hub store (watermarks, outbox) and its lease table. */
  hubDatabaseUrl: string;
  log: Logger;
  /** Run an outbox relay in this process (default true; relays in several processes take turns). */
  relayOutbox?: boolean;
  /** The relay's poll interval (default 500 ms). */
  outboxIntervalMs?: number;
}

export interface Stoppable {
  stop(): Promise<void>;
}

export interface EventRuntime {
  bus: EventBus;
  hub: ClosableHubStore;
  lease: ClosableLeaseStore;
  relay: OutboxRelay | null;
  /** Something that produces events (a change capture) and stops before the bus closes. */
  add<T extends Stoppable>(producer: T): T;
  /** Stops the producers and the relay, leaving the bus open for the services still closing. */
  stopProducers(): Promise<void>;
  /** Stops the producers, then closes the lease table, the hub store and the bus. */
  close(): Promise<void>;
}

export async function openEventRuntime(options: EventRuntimeOptions): Promise<EventRuntime> {
  const log = options.log;
  const closers: (() => Promise<void>)[] = [];
  const producers: Stoppable[] = [];
  const run = async (steps: (() => Promise<void>)[]) => {
    for (const step of steps) await step().catch((err: unknown) => log.warn({ err }, 'closing the event runtime failed'));
  };
  const stopProducers = () => run(producers.splice(0).reverse().map((p) => () => p.stop()));
  const close = async () => {
    await stopProducers();
    await run(closers.splice(0).reverse());
  };
  try {
    const bus = await openEventBus(options.eventBusUrl, { log });
    closers.push(() => bus.close());
    const hub = await openHubStore(options.hubDatabaseUrl, { poolSize: 2 });
    closers.push(() => hub.close());
    const lease = await openSqlLeaseStore(options.hubDatabaseUrl);
    closers.push(() => lease.close());
    let relay: OutboxRelay | null = null;
    if (options.relayOutbox ?? true) {
      relay = startOutboxRelay({ outbox: hub.outbox, bus, lease, log, intervalMs: options.outboxIntervalMs });
      producers.push(relay);
    }
    return {
      bus,
      hub,
      lease,
      relay,
      add: (producer) => {
        producers.push(producer);
        return producer;
      },
      stopProducers,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
