// The event bus as one service uses it. The bus may be shared (the hub launcher hands one bus to
// every service), so the service tracks the subscriptions it makes and releases them all when it
// closes, whatever state its clients left them in; it closes the bus itself only when it owns it.
import type { EventBus, EventHandler, HubEvent, HubTopic } from '../../adapters/events/event-bus-port';
import { InProcessEventBus } from '../../adapters/events/memory/in-process-event-bus';

export class ServiceEventBus implements EventBus {
  private readonly releases = new Set<() => Promise<void>>();
  private closed = false;
  private readonly inner: EventBus;
  private readonly owned: boolean;

  /** Without a bus: a new in-process bus, owned (and closed) by this service. */
  constructor(bus?: EventBus) {
    this.inner = bus ?? new InProcessEventBus();
    this.owned = bus === undefined;
  }

  publish<T extends HubTopic>(event: HubEvent<T>): Promise<void> {
    return this.inner.publish(event);
  }

  async subscribe<T extends HubTopic>(topic: T, handler: EventHandler<T>): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('the service is closing');
    const unsubscribe = await this.inner.subscribe(topic, handler);
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      this.releases.delete(release);
      await unsubscribe();
    };
    this.releases.add(release);
    // Closed while the broker was subscribing: release at once rather than leak.
    if (this.closed) await release();
    return release;
  }

  /** Subscriptions made through this service and not yet released. */
  get activeSubscriptions(): number {
    return this.releases.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.releases].map((release) => release()));
    if (this.owned) await this.inner.close();
  }
}
