// Events between the hub's processes: raised by the hub's own writes (through the outbox) and by
// change capture on the legacy databases; carried by subscriptions to every channel.

/** The topics the hub raises, with their payloads. */
export interface HubEventPayloads {
  /** A stock level of one product in one centre changed (on hand, reserved, available or incoming). */
  'stock.changed': { sku: string; centerCode: string };
  /** An order was created, changed or deleted (in the hub or straight in the ERP). */
  'order.updated': { orderId: string; accountNumber: string | null; customerId: string | null; change: 'created' | 'updated' | 'deleted' };
  /** A shipment or its tracking changed. */
  'shipment.updated': {
    shipmentId: string;
    orderId: string;
    /** The customer the order belongs to, when the publisher knows it: the CRM's customerActivity hears only events that name their customer. */
    customerId?: string | null;
  };
  /** A social mention was stored. */
  'mention.received': { mentionId: string; customerId: string | null; isComplaint: boolean; followers: number };
  /** A CRM interaction (call, chat, e-mail, case) was recorded. */
  'interaction.created': { interactionId: string; customerId: string };
}

export type HubTopic = keyof HubEventPayloads;

export interface HubEvent<T extends HubTopic = HubTopic> {
  /** Unique per event, so that a consumer of an at-least-once bus can drop duplicates. */
  id: string;
  topic: T;
  /** ISO 8601. */
  occurredAt: string;
  payload: HubEventPayloads[T];
}

export type EventHandler<T extends HubTopic> = (event: HubEvent<T>) => void;

export interface EventBus {
  /** Resolves once the broker has accepted the event. */
  publish<T extends HubTopic>(event: HubEvent<T>): Promise<void>;
  /** Calls the handler for every event of the topic published after the subscription is ready. */
  subscribe<T extends HubTopic>(topic: T, handler: EventHandler<T>): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
