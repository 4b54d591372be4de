// One broker subscription per topic per bus, shared by every local handler of that topic: ten
// thousand GraphQL subscriptions on one process must not open ten thousand broker consumers.
import type { EventHandler, HubEvent, HubTopic } from './event-bus-port';
import { deliverEvent } from './deliver';

interface TopicState {
  handlers: Set<EventHandler<HubTopic>>;
  /** Starts and stops of the broker subscription run one after another, in call order. */
  chain: Promise<void>;
  active: boolean;
}

export interface TopicFanoutHooks {
  /** Opens the broker subscription of a topic; resolves once events published from now on will arrive. */
  open(topic: HubTopic): Promise<void>;
  close(topic: HubTopic): Promise<void>;
  onHandlerError(err: unknown, topic: HubTopic): void;
}

export class TopicFanout {
  private readonly topics = new Map<HubTopic, TopicState>();

  constructor(private readonly hooks: TopicFanoutHooks) {}

  async add<T extends HubTopic>(topic: T, handler: EventHandler<T>): Promise<() => Promise<void>> {
    const state = this.state(topic);
    const h = handler as EventHandler<HubTopic>;
    state.handlers.add(h);
    try {
      await this.serialize(state, async () => {
        if (!state.active && state.handlers.size > 0) {
          await this.hooks.open(topic);
          state.active = true;
        }
      });
    } catch (err) {
      state.handlers.delete(h);
      throw err;
    }
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      state.handlers.delete(h);
      await this.serialize(state, async () => {
        if (state.active && state.handlers.size === 0) {
          state.active = false;
          await this.hooks.close(topic);
        }
      });
    };
  }

  /** Hands an event to every handler of its topic, in subscription order. */
  dispatch(event: HubEvent): void {
    const state = this.topics.get(event.topic);
    if (!state) return;
    for (const handler of [...state.handlers]) deliverEvent(handler, event, (err) => this.hooks.onHandlerError(err, event.topic));
  }

  hasHandlers(topic: HubTopic): boolean {
    return (this.topics.get(topic)?.handlers.size ?? 0) > 0;
  }

  /** Forgets every handler; the caller closes the broker connection itself. */
  clear(): void {
    for (const state of this.topics.values()) {
      state.handlers.clear();
      state.active = false;
    }
  }

  private state(topic: HubTopic): TopicState {
    let state = this.topics.get(topic);
    if (!state) this.topics.set(topic, (state = { handlers: new Set(), chain: Promise.resolve(), active: false }));
    return state;
  }

  private serialize(state: TopicState, step: () => Promise<void>): Promise<void> {
    const next = state.chain.then(step);
    // A failed step must not poison the ones queued after it.
    state.chain = next.catch(() => undefined);
    return next;
  }
}
