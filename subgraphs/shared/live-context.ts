import type { EventBus } from '../../adapters/events/event-bus-port';

/** What subscription resolvers need besides a request's usual context. */
export interface LiveContext {
  /** The hub's event bus, as this service uses it (its subscriptions are released when the service closes). */
  events: EventBus;
  /**
   * Replaces the context's DataLoaders with new ones. A subscription's context lives as long as the
   * subscription; each event is resolved with fresh loaders, so that it never sees an earlier event's data.
   * Call it as a method of the context the resolver received (`context.renewLoaders()`): the server
   * copies what the context factory returns onto its own context object, so it renews `this`.
   */
  renewLoaders(): void;
}
