import type { EventHandler, HubEvent, HubTopic } from './event-bus-port';

/**
 * Calls one subscriber. A subscriber that throws (or returns a rejected promise) must not keep the
 * event from the others, nor take the bus down: its error is reported and dropped.
 */
export function deliverEvent(handler: EventHandler<HubTopic>, event: HubEvent, onError: (err: unknown) => void): void {
  try {
    const result: unknown = handler(event);
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') {
      (result as Promise<unknown>).then(undefined, onError);
    }
  } catch (err) {
    onError(err);
  }
}
