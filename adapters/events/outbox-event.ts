// How a hub event travels through the hub store's outbox: the writer appends the topic and the
// payload as JSON in the same transaction as its change; the relay turns the row back into an event
// whose id is derived from the row, so that every re-publication of a row carries the same id.
import type { OutboxEvent, OutboxPort } from '../hub/hub-store-port';
import type { HubEvent, HubEventPayloads, HubTopic } from './event-bus-port';
import { isHubTopic } from './hub-topics';

/** Appends an event to the outbox; the outbox relay publishes it once the write has committed. */
export function appendHubEvent<T extends HubTopic>(outbox: Pick<OutboxPort, 'append'>, topic: T, payload: HubEventPayloads[T]): Promise<number> {
  return outbox.append(topic, JSON.stringify(payload));
}

/** The id of the event an outbox row carries: the same for every relay that publishes the row. */
export function outboxEventId(row: Pick<OutboxEvent, 'id' | 'createdAt'>): string {
  return `outbox:${row.id}:${row.createdAt.getTime()}`;
}

/** The event an outbox row carries, or null when the row cannot be one (an unknown topic, bad JSON). */
export function hubEventFromOutbox(row: OutboxEvent): HubEvent | null {
  if (!isHubTopic(row.topic)) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
  return { id: outboxEventId(row), topic: row.topic, occurredAt: row.createdAt.toISOString(), payload: payload as HubEventPayloads[HubTopic] };
}
