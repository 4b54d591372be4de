import type { Logger } from '../../../lib/logger';
import { silentLogger } from '../../../lib/logger';
import type { EventBus, EventHandler, HubEvent, HubTopic } from '../event-bus-port';
import { deliverEvent } from '../deliver';
import { requireHubEvent } from '../hub-topics';

/**
 * The default bus: events reach subscribers in the same process only. Delivery is at most once
 * (nothing is kept for a subscriber that is not there), in publish order.
 */
export class InProcessEventBus implements EventBus {
  private readonly handlers = new Map<HubTopic, Set<EventHandler<HubTopic>>>();
  private closed = false;

  constructor(private readonly log: Logger = silentLogger) {}

  async publish<T extends HubTopic>(event: HubEvent<T>): Promise<void> {
    if (this.closed) throw new Error('event bus is closed');
    requireHubEvent(event);
    for (const handler of [...(this.handlers.get(event.topic) ?? [])]) {
      // One failing subscriber must not keep the event from the others.
      deliverEvent(handler, event, (err) => this.log.error({ err, topic: event.topic }, 'event subscriber failed'));
    }
  }

  async subscribe<T extends HubTopic>(topic: T, handler: EventHandler<T>): Promise<() => Promise<void>> {
    if (this.closed) throw new Error('event bus is closed');
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    const h = handler as EventHandler<HubTopic>;
    set.add(h);
    return async () => {
      set!.delete(h);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
  }
}
