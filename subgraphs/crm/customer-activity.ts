// What each hub event means for one customer's activity stream: whether it concerns the customer,
// and the activity it becomes. Events from other systems carry only references (order, shipment,
// mention ids) that the gateway resolves through their owners; interactions are the CRM's own.
import type { CrmPort } from '../../adapters/crm/crm-port';
import type { HubTopic } from '../../adapters/events/event-bus-port';
import type { IdentityPort } from '../../adapters/hub/hub-store-port';
import { NotFoundError } from '../../lib/errors';
import type { TopicEvent } from '../shared/event-stream';
import type { CustomerActivityKind, CustomerActivityModel } from './models';

export const ACTIVITY_TOPICS = {
  INTERACTION: 'interaction.created',
  ORDER: 'order.updated',
  SHIPMENT: 'shipment.updated',
  MENTION: 'mention.received',
} as const satisfies Record<CustomerActivityKind, HubTopic>;

export type ActivityTopic = (typeof ACTIVITY_TOPICS)[CustomerActivityKind];

/** A new interaction is among the customer's newest; the CRM has no lookup of one interaction by id. */
const RECENT_INTERACTIONS = 100;

const ORDER_CHANGES = { created: 'CREATED', updated: 'UPDATED', deleted: 'DELETED' } as const;

export interface ActivitySources {
  crm: CrmPort;
  identities: IdentityPort;
}

/** The activity an event is for this customer, or null when it concerns someone else (or no one known). */
export async function activityOf(event: TopicEvent<ActivityTopic>, customerId: string, sources: ActivitySources): Promise<CustomerActivityModel | null> {
  const base = { id: event.id, customerId, occurredAt: new Date(event.occurredAt) };
  switch (event.topic) {
    case 'interaction.created': {
      if (event.payload.customerId !== customerId) return null;
      const [recent] = await sources.crm.findInteractionsByCustomerIds([customerId], { first: RECENT_INTERACTIONS });
      const interaction = recent?.find((i) => i.id === event.payload.interactionId);
      if (!interaction) throw new NotFoundError('Interaction', event.payload.interactionId);
      return { ...base, kind: 'INTERACTION', occurredAt: interaction.occurredAt, interaction };
    }
    case 'order.updated': {
      const { payload } = event;
      let owner = payload.customerId;
      // The ERP knows its own account numbers; the hub's links say whose they are.
      if (!owner && payload.accountNumber) [owner] = await sources.identities.findCustomerIdsByIdentities([{ namespace: 'ERP', value: payload.accountNumber }]);
      if (owner !== customerId) return null;
      return { ...base, kind: 'ORDER', orderId: payload.orderId, change: ORDER_CHANGES[payload.change] };
    }
    case 'shipment.updated':
      return event.payload.customerId === customerId ? { ...base, kind: 'SHIPMENT', shipmentId: event.payload.shipmentId } : null;
    case 'mention.received':
      return event.payload.customerId === customerId ? { ...base, kind: 'MENTION', mentionId: event.payload.mentionId } : null;
  }
}
