// The outbox relay on SQLite and MariaDB: what the hub's writers append reaches the bus, in order,
// at least once, also with several relays and when one of them dies.
import { eventually, Received } from '../../adapters/events/event-bus-contract';
import type { EventBus, HubTopic } from '../../adapters/events/event-bus-port';
import { openSqlLeaseStore, type ClosableLeaseStore } from '../../adapters/events/lease/sql/sql-lease-store';
import { InProcessEventBus } from '../../adapters/events/memory/in-process-event-bus';
import { appendHubEvent, outboxEventId } from '../../adapters/events/outbox-event';
import type { OutboxPort } from '../../adapters/hub/hub-store-port';
import { openHubStore, type ClosableHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { startOutboxRelay, type OutboxRelay } from '../../adapters/hub/sql/outbox-relay';
import { silentLogger } from '../../lib/logger';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

/** One "process": its own connections to the hub store and its lease table. */
interface Process {
  hub: ClosableHubStore;
  lease: ClosableLeaseStore;
  close(): Promise<void>;
}

async function openProcess(url: string): Promise<Process> {
  const hub = await openHubStore(url);
  const lease = await openSqlLeaseStore(url);
  return { hub, lease, close: async () => void (await Promise.allSettled([hub.close(), lease.close()])) };
}

/** Waits until the outbox has nothing pending (the relay marks after it publishes). */
async function drained(outbox: OutboxPort): Promise<void> {
  const deadline = Date.now() + 5000;
  while ((await outbox.pending(1)).length > 0) {
    if (Date.now() > deadline) throw new Error('the outbox still has pending rows');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const order = (n: number) => ({ orderId: `SO-${String(n).padStart(7, '0')}`, accountNumber: null, customerId: null, change: 'created' as const });

for (const dialect of TEST_DIALECTS) {
  describe(`outbox relay (${dialect})`, () => {
    let database: TestDatabase;
    const cleanups: (() => Promise<unknown>)[] = [];
    let bus: EventBus;

    beforeEach(async () => {
      database = await createTestDatabase(dialect, 'outbox');
      bus = new InProcessEventBus();
    });
    afterEach(async () => {
      for (const c of cleanups.splice(0).reverse()) await c();
      await bus.close();
      await database.drop();
    });

    const startProcess = async () => {
      const p = await openProcess(database.url);
      cleanups.push(() => p.close());
      return p;
    };
    const relay = (p: Process, options: { leaseTtlMs?: number; outbox?: OutboxPort; intervalMs?: number } = {}): OutboxRelay => {
      const r = startOutboxRelay({ outbox: options.outbox ?? p.hub.outbox, bus, lease: p.lease, log: silentLogger, intervalMs: options.intervalMs ?? 50, leaseTtlMs: options.leaseTtlMs });
      cleanups.push(() => r.stop());
      return r;
    };
    const subscribe = async <T extends HubTopic>(topic: T) => {
      const received = new Received<T>();
      cleanups.push(await bus.subscribe(topic, received.handler));
      return received;
    };

    it('publishes what was appended, in order, with ids derived from the rows, and marks it published', async () => {
      const p = await startProcess();
      const seen = await subscribe('order.updated');
      for (let n = 1; n <= 5; n += 1) await appendHubEvent(p.hub.outbox, 'order.updated', order(n));
      const rows = await p.hub.outbox.pending(10);
      relay(p);
      await eventually(() => seen.events.length === 5, 5000, 'five events');
      expect(seen.events.map((e) => e.payload.orderId)).toEqual([1, 2, 3, 4, 5].map((n) => order(n).orderId));
      expect(seen.ids()).toEqual(rows.map(outboxEventId));
      expect(seen.events[0]!.occurredAt).toBe(rows[0]!.createdAt.toISOString());
      await drained(p.hub.outbox);
    });

    it('with two relays on one outbox, publishes every event once, in order, while writers keep appending', async () => {
      const [p1, p2, writer] = [await startProcess(), await startProcess(), await startProcess()];
      const seen = await subscribe('stock.changed');
      relay(p1);
      relay(p2);
      const total = 150;
      await Promise.all(
        [0, 1, 2].map(async (w) => {
          for (let i = w; i < total; i += 3) await appendHubEvent(writer.hub.outbox, 'stock.changed', { sku: `SKU-${i}`, centerCode: 'DC-1' });
        }),
      );
      await eventually(() => seen.events.length >= total, 10_000, `${total} events`);
      await new Promise((r) => setTimeout(r, 300)); // room for a duplicate to show up
      const ids = seen.ids();
      expect(new Set(ids).size).toBe(total);
      expect(ids).toHaveLength(total);
      const rowIds = ids.map((id) => Number(id.split(':')[1]));
      expect(rowIds).toEqual([...rowIds].sort((a, b) => a - b));
      await drained(writer.hub.outbox);
    });

    it('lets another relay take over when the relaying process dies', async () => {
      const [dying, survivor] = [await startProcess(), await startProcess()];
      const seen = await subscribe('order.updated');
      relay(dying, { leaseTtlMs: 600 });
      await appendHubEvent(dying.hub.outbox, 'order.updated', order(1));
      await eventually(() => seen.events.length === 1, 5000, 'the first event');
      relay(survivor, { leaseTtlMs: 600 }); // stands by: the lease is taken
      // The process dies: its connections go, its lease is never released.
      await dying.close();
      await appendHubEvent(survivor.hub.outbox, 'order.updated', order(2));
      await eventually(() => seen.events.length === 2, 5000, 'the event appended after the death');
      expect(seen.events.map((e) => e.payload.orderId)).toEqual([order(1).orderId, order(2).orderId]);
    });

    it('publishes again, with the same id, an event whose marking failed (at least once)', async () => {
      const p = await startProcess();
      const seen = await subscribe('order.updated');
      let failMarks = 1;
      const flaky: OutboxPort = {
        append: (topic, payload) => p.hub.outbox.append(topic, payload),
        pending: (limit) => p.hub.outbox.pending(limit),
        markPublished: async (ids) => {
          if (failMarks-- > 0) throw new Error('the store went away between publish and mark');
          return p.hub.outbox.markPublished(ids);
        },
      };
      await appendHubEvent(p.hub.outbox, 'order.updated', order(7));
      relay(p, { outbox: flaky });
      await eventually(() => seen.events.length === 2, 5000, 'the event twice');
      expect(seen.ids()[0]).toBe(seen.ids()[1]);
      await drained(p.hub.outbox);
    });

    it('skips a row that is no hub event, and relays the rows behind it', async () => {
      const p = await startProcess();
      const seen = await subscribe('order.updated');
      await p.hub.outbox.append('no.such.topic', '{}');
      await p.hub.outbox.append('order.updated', 'not json');
      await appendHubEvent(p.hub.outbox, 'order.updated', order(3));
      relay(p);
      await eventually(() => seen.events.length === 1, 5000, 'the good event');
      expect(seen.events[0]!.payload.orderId).toBe(order(3).orderId);
      await drained(p.hub.outbox);
    });
  });
}
