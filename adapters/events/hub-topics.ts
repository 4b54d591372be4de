// The closed list of hub topics, and the check every broker-backed bus applies to what it receives:
// a message from the wire is untrusted until it has the shape of a HubEvent.
import type { HubEvent, HubTopic } from './event-bus-port';

const TOPICS: Record<HubTopic, true> = {
  'stock.changed': true,
  'order.updated': true,
  'shipment.updated': true,
  'mention.received': true,
  'interaction.created': true,
};

export const HUB_TOPICS = Object.keys(TOPICS) as HubTopic[];

export function isHubTopic(value: unknown): value is HubTopic {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TOPICS, value);
}

/** Throws when the event could not travel (a bad topic or id): the publisher's mistake, caught early. */
export function requireHubEvent(event: HubEvent): void {
  if (!isHubTopic(event.topic)) throw new Error(`unknown hub topic ${JSON.stringify(event.topic)}`);
  if (typeof event.id !== 'string' || event.id.length === 0) throw new Error('a hub event needs a non-empty id');
  if (typeof event.occurredAt !== 'string') throw new Error('a hub event needs occurredAt (ISO 8601)');
}

/** The event in a message body, or null when the body is not a hub event of the expected topic. */
export function parseHubEvent(body: string, expectedTopic?: HubTopic): HubEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Partial<HubEvent>;
  if (!isHubTopic(e.topic) || (expectedTopic && e.topic !== expectedTopic)) return null;
  if (typeof e.id !== 'string' || typeof e.occurredAt !== 'string' || typeof e.payload !== 'object' || e.payload === null) return null;
  return e as HubEvent;
}
