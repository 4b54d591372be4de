// What NATS JetStream adds over pub/sub: events are stored, so a subscriber whose consumer is lost
// (a broker restart, a disconnect) resumes where it stopped; a re-published event id arrives once.
import { connect } from 'nats';
import { eventually, hubEvent, Received } from '../../adapters/events/event-bus-contract';
import type { EventBus } from '../../adapters/events/event-bus-port';
import { NatsEventBus, streamNameFor } from '../../adapters/events/nats/nats-event-bus';
import { deleteNatsStream, TEST_NATS_URL, uniquePrefix } from './test-brokers';

describe('NATS JetStream event bus', () => {
  const prefix = uniquePrefix('nats');
  const stream = streamNameFor(prefix);
  const buses: EventBus[] = [];
  const open = async () => {
    const bus = await NatsEventBus.connect({ url: TEST_NATS_URL, subjectPrefix: prefix, maxAgeMs: 600_000 });
    buses.push(bus);
    return bus;
  };
  afterAll(async () => {
    await Promise.allSettled(buses.map((b) => b.close()));
    await deleteNatsStream(stream);
  });

  it('stores every event in the durable stream, subscribed or not', async () => {
    const bus = await open();
    await bus.publish(hubEvent('stock.changed', { sku: 'S-1', centerCode: 'DC-1' }));
    await bus.publish(hubEvent('stock.changed', { sku: 'S-2', centerCode: 'DC-1' }));
    const nc = await connect({ servers: new URL(TEST_NATS_URL).host });
    try {
      const info = await (await nc.jetstreamManager()).streams.info(stream);
      expect(info.state.messages).toBeGreaterThanOrEqual(2);
    } finally {
      await nc.close();
    }
  });

  it('delivers an event id once, however often it is published (an outbox relay retrying)', async () => {
    const publisher = await open();
    const subscriber = await open();
    const seen = new Received<'order.updated'>();
    const off = await subscriber.subscribe('order.updated', seen.handler);
    try {
      const event = hubEvent('order.updated', { orderId: 'SO-0000009', accountNumber: null, customerId: null, change: 'created' });
      await publisher.publish(event);
      await publisher.publish(event);
      await publisher.publish({ ...event, occurredAt: new Date().toISOString() });
      const marker = hubEvent('order.updated', { orderId: 'SO-0000010', accountNumber: null, customerId: null, change: 'created' });
      await publisher.publish(marker);
      await eventually(() => seen.ids().includes(marker.id), 5000, 'the marker');
      expect(seen.ids()).toEqual([event.id, marker.id]);
    } finally {
      await off();
    }
  });

  it('replays what was published while its consumer was gone, once it is back', async () => {
    const publisher = await open();
    const subscriber = await open();
    const seen = new Received<'interaction.created'>();
    const off = await subscriber.subscribe('interaction.created', seen.handler);
    try {
      const first = hubEvent('interaction.created', { interactionId: 'I-1', customerId: 'C-1' });
      await publisher.publish(first);
      await eventually(() => seen.events.length === 1, 5000, 'the first event');

      // The broker loses the subscriber's consumer (as after a restart of a server without it).
      const nc = await connect({ servers: new URL(TEST_NATS_URL).host });
      try {
        const jsm = await nc.jetstreamManager();
        for await (const consumer of jsm.consumers.list(stream)) {
          if (consumer.config.filter_subject?.endsWith('.interaction.created')) await jsm.consumers.delete(stream, consumer.name);
        }
      } finally {
        await nc.close();
      }
      const missed = [1, 2, 3].map((n) => hubEvent('interaction.created', { interactionId: `I-missed-${n}`, customerId: 'C-1' }));
      for (const e of missed) await publisher.publish(e);

      await eventually(() => seen.events.length >= 4, 20_000, 'the events published while the consumer was gone');
      expect(seen.ids()).toEqual([first.id, ...missed.map((e) => e.id)]);
    } finally {
      await off();
    }
  }, 30_000);
});
