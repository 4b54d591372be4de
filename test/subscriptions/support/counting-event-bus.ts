// The real in-process bus, with a count of the handlers subscribed to each topic, so that tests can
// wait for a subscription to reach the bus and check that leaving releases it.
import type { EventBus, EventHandler, HubEvent, HubEventPayloads, HubTopic } from '../../../adapters/events/event-bus-port';
import { InProcessEventBus } from '../../../adapters/events/memory/in-process-event-bus';

let nextEventId = 0;

export class CountingEventBus implements EventBus {
  private readonly inner = new InProcessEventBus();
  private readonly counts = new Map<HubTopic, number>();

  publish<T extends HubTopic>(event: HubEvent<T>): Promise<void> {
    return this.inner.publish(event);
  }

  async subscribe<T extends HubTopic>(topic: T, handler: EventHandler<T>): Promise<() => Promise<void>> {
    const unsubscribe = await this.inner.subscribe(topic, handler);
    this.counts.set(topic, this.handlers(topic) + 1);
    let released = false;
    return async () => {
      if (released) return;
      released = true;
      this.counts.set(topic, this.handlers(topic) - 1);
      await unsubscribe();
    };
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  handlers(topic: HubTopic): number {
    return this.counts.get(topic) ?? 0;
  }

  totalHandlers(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }

  /** Resolves once the topic has exactly `count` handlers; fails after the timeout. */
  async waitForHandlers(topic: HubTopic, count: number, timeoutMs = 5_000): Promise<void> {
    await waitUntil(() => this.handlers(topic) === count, `${count} handler(s) on ${topic} (now ${this.handlers(topic)})`, timeoutMs);
  }

  /** Publishes an event as the hub's writers do. */
  emit<T extends HubTopic>(topic: T, payload: HubEventPayloads[T], occurredAt = new Date()): Promise<void> {
    nextEventId += 1;
    return this.publish({ id: `test-event-${nextEventId}`, topic, occurredAt: occurredAt.toISOString(), payload });
  }
}

export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
