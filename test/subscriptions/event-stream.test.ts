// The source stream every subscription field is built on, over the real in-process bus: order,
// per-event errors, leaving while waiting, and a subscriber that falls too far behind.
import { silentLogger } from '../../lib/logger';
import { openEventStream, unwrapItem, type StreamItem } from '../../subgraphs/shared/event-stream';
import { SubscriberTooSlowError } from '../../subgraphs/shared/subscription-errors';
import { CountingEventBus } from './support/counting-event-bus';

describe('event stream', () => {
  let bus: CountingEventBus;
  beforeEach(() => {
    bus = new CountingEventBus();
  });
  afterEach(() => bus.close());

  const values = async <R>(stream: AsyncIterableIterator<StreamItem<R>>, count: number) => {
    const out: (R | string)[] = [];
    for (let i = 0; i < count; i += 1) {
      const { value, done } = await stream.next();
      if (done) break;
      out.push('error' in value ? `error: ${value.error.message}` : unwrapItem(value));
    }
    return out;
  };

  it('delivers selected events in the order published, even when a later selection finishes first, and reports a failed selection in its place', async () => {
    const stream = await openEventStream({
      bus,
      topics: ['stock.changed'],
      log: silentLogger,
      async select({ payload }) {
        if (payload.sku === 'skip') return null;
        if (payload.sku === 'boom') throw new Error('lookup failed');
        // The first event's lookup is the slowest.
        await new Promise((resolve) => setTimeout(resolve, payload.sku === 'a' ? 50 : 1));
        return payload.sku;
      },
    });
    for (const sku of ['a', 'skip', 'b', 'boom', 'c']) await bus.emit('stock.changed', { sku, centerCode: 'DC' });
    expect(await values(stream, 4)).toEqual(['a', 'b', 'error: lookup failed', 'c']);
    await stream.return!();
    expect(bus.handlers('stock.changed')).toBe(0);
  });

  it('releases the bus at once when returned while waiting for an event, and ends the pending read', async () => {
    const stream = await openEventStream({ bus, topics: ['order.updated', 'mention.received'], log: silentLogger, select: (event) => event.topic });
    expect(bus.totalHandlers()).toBe(2);
    const pending = stream.next();
    await stream.return!();
    expect(bus.totalHandlers()).toBe(0);
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    await expect(stream.next()).resolves.toEqual({ value: undefined, done: true });
  });

  it('ends the stream of a subscriber that falls too far behind: what was queued, then the error, then the end', async () => {
    const stream = await openEventStream({ bus, topics: ['stock.changed'], log: silentLogger, maxBacklog: 3, select: ({ payload }) => payload.sku });
    for (const sku of ['1', '2', '3', '4', '5']) await bus.emit('stock.changed', { sku, centerCode: 'DC' });
    expect(bus.handlers('stock.changed')).toBe(0);
    const items = [];
    for (;;) {
      const { value, done } = await stream.next();
      if (done) break;
      items.push(value);
    }
    expect(items.slice(0, 3)).toEqual([{ value: '1' }, { value: '2' }, { value: '3' }]);
    expect(items).toHaveLength(4);
    expect((items[3] as { error: Error }).error).toBeInstanceOf(SubscriberTooSlowError);
  });

  it('renews per-event state before handing each event over', async () => {
    let renewed = 0;
    const stream = await openEventStream({ bus, topics: ['stock.changed'], log: silentLogger, beforeEach: () => (renewed += 1), select: ({ payload }) => payload.sku });
    await bus.emit('stock.changed', { sku: 'x', centerCode: 'DC' });
    await bus.emit('stock.changed', { sku: 'y', centerCode: 'DC' });
    expect(await values(stream, 2)).toEqual(['x', 'y']);
    expect(renewed).toBe(2);
    await stream.return!();
  });
});
