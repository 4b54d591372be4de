// The contract every EventBus must meet. Run it against a new bus with
// describeEventBusContract('my bus', fixture) from a jest test file.
import { randomUUID } from 'node:crypto';
import type { EventBus, HubEvent, HubEventPayloads, HubTopic } from './event-bus-port';

export interface EventBusFixture {
  /** Opens a bus; with `distributed`, each call is a separate connection to the broker (another "process"). */
  open(): Promise<EventBus>;
  /** Removes what the run left on the broker (streams, keys). */
  cleanup?(): Promise<void>;
}

export function hubEvent<T extends HubTopic>(topic: T, payload: HubEventPayloads[T]): HubEvent<T> {
  return { id: randomUUID(), topic, occurredAt: new Date().toISOString(), payload };
}

/** Collects what a subscription receives. */
export class Received<T extends HubTopic = HubTopic> {
  readonly events: HubEvent<T>[] = [];
  readonly handler = (event: HubEvent<T>): void => {
    this.events.push(event);
  };
  ids(): string[] {
    return this.events.map((e) => e.id);
  }
}

/** Polls until the condition holds, or fails after `timeoutMs`. */
export async function eventually(condition: () => boolean, timeoutMs = 5000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const stock = (sku: string) => hubEvent('stock.changed', { sku, centerCode: 'DC-1' });

export interface EventBusContractOptions {
  /** True when two buses opened by the fixture share a broker (Redis, NATS); false for in-process. */
  distributed: boolean;
}

export function describeEventBusContract(name: string, createFixture: () => Promise<EventBusFixture>, options: EventBusContractOptions): void {
  describe(`EventBus contract: ${name}`, () => {
    let fixture: EventBusFixture;
    let bus: EventBus;
    const opened: EventBus[] = [];
    const open = async () => {
      const b = await fixture.open();
      opened.push(b);
      return b;
    };

    beforeAll(async () => {
      fixture = await createFixture();
      bus = await open();
    });
    afterAll(async () => {
      await Promise.allSettled(opened.map((b) => b.close()));
      await fixture?.cleanup?.();
    });

    it('delivers a published event, intact, to the subscribers of its topic only', async () => {
      const stockSeen = new Received<'stock.changed'>();
      const orderSeen = new Received<'order.updated'>();
      const offStock = await bus.subscribe('stock.changed', stockSeen.handler);
      const offOrder = await bus.subscribe('order.updated', orderSeen.handler);
      try {
        const event = hubEvent('order.updated', { orderId: 'SO-0000001', accountNumber: 'A1', customerId: 'C-1', change: 'updated' });
        await bus.publish(event);
        await eventually(() => orderSeen.events.length === 1, 5000, 'the order event');
        expect(orderSeen.events[0]).toEqual(event);
        // A marker on the other topic, published after: once it is in, nothing else will be.
        const marker = stock('MARKER');
        await bus.publish(marker);
        await eventually(() => stockSeen.events.length === 1, 5000, 'the marker');
        expect(stockSeen.ids()).toEqual([marker.id]);
        expect(orderSeen.events).toHaveLength(1);
      } finally {
        await offStock();
        await offOrder();
      }
    });

    it('gives every subscriber every event of the topic, in publish order', async () => {
      const a = new Received<'stock.changed'>();
      const b = new Received<'stock.changed'>();
      const offA = await bus.subscribe('stock.changed', a.handler);
      const offB = await bus.subscribe('stock.changed', b.handler);
      try {
        const events = Array.from({ length: 25 }, (_, i) => stock(`SKU-${i}`));
        for (const e of events) await bus.publish(e);
        await eventually(() => a.events.length >= 25 && b.events.length >= 25, 5000, 'all 25 events on both subscribers');
        expect(a.ids()).toEqual(events.map((e) => e.id));
        expect(b.ids()).toEqual(events.map((e) => e.id));
      } finally {
        await offA();
        await offB();
      }
    });

    it('stops delivering to a subscriber that unsubscribed, and keeps delivering to the others', async () => {
      const leaving = new Received<'stock.changed'>();
      const staying = new Received<'stock.changed'>();
      const offLeaving = await bus.subscribe('stock.changed', leaving.handler);
      const offStaying = await bus.subscribe('stock.changed', staying.handler);
      try {
        await offLeaving();
        await offLeaving(); // a second call is harmless
        const e1 = stock('AFTER-1');
        const e2 = stock('AFTER-2');
        await bus.publish(e1);
        await bus.publish(e2);
        await eventually(() => staying.events.length === 2, 5000, 'both events on the staying subscriber');
        expect(leaving.events).toEqual([]);
      } finally {
        await offStaying();
      }
    });

    it('subscribes again to a topic whose last subscriber had left', async () => {
      const first = new Received<'mention.received'>();
      const off1 = await bus.subscribe('mention.received', first.handler);
      await off1();
      const second = new Received<'mention.received'>();
      const off2 = await bus.subscribe('mention.received', second.handler);
      try {
        const e = hubEvent('mention.received', { mentionId: 'M-1', customerId: null, isComplaint: true, followers: 10 });
        await bus.publish(e);
        await eventually(() => second.events.length === 1, 5000, 'the mention');
        expect(first.events).toEqual([]);
      } finally {
        await off2();
      }
    });

    it('keeps delivering to the other subscribers when one throws', async () => {
      const others = new Received<'interaction.created'>();
      const offBad = await bus.subscribe('interaction.created', () => {
        throw new Error('a broken subscriber');
      });
      const offRejecting = await bus.subscribe('interaction.created', (async () => {
        throw new Error('a broken async subscriber');
      }) as never);
      const offGood = await bus.subscribe('interaction.created', others.handler);
      try {
        const e1 = hubEvent('interaction.created', { interactionId: 'I-1', customerId: 'C-1' });
        const e2 = hubEvent('interaction.created', { interactionId: 'I-2', customerId: 'C-1' });
        await bus.publish(e1);
        await bus.publish(e2);
        await eventually(() => others.events.length === 2, 5000, 'both interactions');
        expect(others.ids()).toEqual([e1.id, e2.id]);
      } finally {
        await offBad();
        await offRejecting();
        await offGood();
      }
    });

    it('refuses an event on an unknown topic', async () => {
      await expect(bus.publish({ ...stock('X'), topic: 'no.such.topic' as HubTopic })).rejects.toThrow(/topic/);
    });

    it('closes cleanly: publishing or subscribing on a closed bus is refused, a second close is harmless', async () => {
      const closing = await open();
      const seen = new Received<'stock.changed'>();
      await closing.subscribe('stock.changed', seen.handler);
      await closing.close();
      await closing.close();
      await expect(closing.publish(stock('CLOSED'))).rejects.toThrow(/closed/);
      await expect(closing.subscribe('stock.changed', seen.handler)).rejects.toThrow(/closed/);
      // The other buses still work.
      const alive = new Received<'stock.changed'>();
      const off = await bus.subscribe('stock.changed', alive.handler);
      try {
        await bus.publish(stock('ALIVE'));
        await eventually(() => alive.events.length === 1, 5000, 'the event on a live bus');
        expect(seen.events).toEqual([]);
      } finally {
        await off();
      }
    });

    // The in-process bus has no second process to reach.
    (options.distributed ? describe : describe.skip)('between processes', () => {
      it('carries an event published by one instance to the subscribers of another, and back', async () => {
        const other = await open();
        const here = new Received<'shipment.updated'>();
        const there = new Received<'shipment.updated'>();
        const offHere = await bus.subscribe('shipment.updated', here.handler);
        const offThere = await other.subscribe('shipment.updated', there.handler);
        try {
          const fromHere = hubEvent('shipment.updated', { shipmentId: 'SH-1', orderId: 'SO-0000001' });
          await bus.publish(fromHere);
          await eventually(() => there.events.length === 1 && here.events.length === 1, 5000, 'the event on both instances');
          expect(there.events[0]).toEqual(fromHere);
          const fromThere = hubEvent('shipment.updated', { shipmentId: 'SH-2', orderId: 'SO-0000002' });
          await other.publish(fromThere);
          await eventually(() => here.events.length === 2 && there.events.length === 2, 5000, 'the reply on both instances');
          expect(here.ids()).toEqual([fromHere.id, fromThere.id]);
        } finally {
          await offHere();
          await offThere();
        }
      });

      it('stops delivery on the instance that unsubscribed, and not on the other', async () => {
        const other = await open();
        const here = new Received<'stock.changed'>();
        const there = new Received<'stock.changed'>();
        const offHere = await bus.subscribe('stock.changed', here.handler);
        const offThere = await other.subscribe('stock.changed', there.handler);
        try {
          await offThere();
          const e1 = stock('ONLY-HERE-1');
          const e2 = stock('ONLY-HERE-2');
          await other.publish(e1);
          await other.publish(e2);
          await eventually(() => here.events.length === 2, 5000, 'both events here');
          expect(there.events).toEqual([]);
        } finally {
          await offHere();
        }
      });

      it('keeps the other instance working when one closes', async () => {
        const leaving = await open();
        const seenByLeaving = new Received<'stock.changed'>();
        await leaving.subscribe('stock.changed', seenByLeaving.handler);
        await leaving.close();
        const here = new Received<'stock.changed'>();
        const off = await bus.subscribe('stock.changed', here.handler);
        try {
          const e = stock('AFTER-CLOSE');
          await bus.publish(e);
          await eventually(() => here.events.length === 1, 5000, 'the event');
          expect(seenByLeaving.events).toEqual([]);
        } finally {
          await off();
        }
      });
    });
  });
}
