// Publishes the hub store's outbox to the event bus: in outbox order, at least once.
//
// Several relays may run (one per process that writes to the outbox): a lease lets one of them
// relay at a time, so events keep their order and none is published twice by two relays; when the
// holder dies, another takes over once its lease runs out. A row is marked published only after
// the bus accepted it, so nothing is lost; a row is published twice only when a relay stops between
// publishing and marking (a crash, or losing the store), or stalls longer than its lease mid-batch.
// NATS drops such a repeat within its duplicate window (the event id is derived from the row).
// Rows that cannot be an event (unknown topic, bad JSON) are logged and marked, so they never
// block the rows behind them.
import type { Logger } from '../../../lib/logger';
import type { EventBus } from '../../events/event-bus-port';
import { LeaseHolder, type LeaseHolderOptions } from '../../events/lease/lease-holder';
import type { LeasePort } from '../../events/lease/lease-port';
import { hubEventFromOutbox } from '../../events/outbox-event';
import { PollLoop } from '../../events/poll-loop';
import type { OutboxPort } from '../hub-store-port';

export interface OutboxRelayOptions {
  outbox: OutboxPort;
  bus: EventBus;
  lease: LeasePort;
  log: Logger;
  /** How often the outbox is read when idle (default 500 ms). */
  intervalMs?: number;
  /** Rows read per batch (default 100). */
  batchSize?: number;
  /** The lease's name: relays sharing an outbox must share it. */
  leaseName?: string;
  leaseTtlMs?: LeaseHolderOptions['ttlMs'];
  holderId?: string;
}

export interface OutboxRelay {
  /** Relays now instead of at the next interval (a writer in this process just appended). */
  wake(): void;
  /** Relays what is pending now; true when more is waiting. For tests and one-off runs. */
  runOnce(): Promise<boolean>;
  /** Stops relaying and gives the lease up. */
  stop(): Promise<void>;
}

export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.log.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 100;
  const holder = new LeaseHolder(options.lease, options.leaseName ?? 'outbox-relay', { ttlMs: options.leaseTtlMs, holderId: options.holderId });

  const tick = async (): Promise<boolean> => {
    if (!(await holder.ensure())) return false;
    const rows = await options.outbox.pending(batchSize);
    const done: number[] = [];
    try {
      for (const row of rows) {
        // A relay that lost its lease (a long pause) stops before publishing rows another relay owns now.
        if (!holder.held) return false;
        const event = hubEventFromOutbox(row);
        if (event) await options.bus.publish(event);
        else log.error({ outboxId: row.id, topic: row.topic }, 'outbox row is not a hub event; skipped');
        done.push(row.id);
      }
    } finally {
      // What was published is marked even when a later publish failed: the rest is retried in order.
      if (done.length > 0) await options.outbox.markPublished(done);
    }
    return rows.length === batchSize;
  };

  const loop = new PollLoop(tick, { name: 'outbox-relay', intervalMs: options.intervalMs ?? 500, log });
  loop.start();
  return {
    wake: () => loop.wake(),
    runOnce: () => loop.runOnce(),
    stop: async () => {
      await loop.stop();
      await holder.release().catch((err: unknown) => log.warn({ err }, 'could not release the outbox relay lease'));
    },
  };
}
