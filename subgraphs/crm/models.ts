// The crm subgraph's own models (codegen maps schema types to these).
import type { Interaction } from '../../adapters/crm/crm-port';

export type CustomerActivityKind = 'INTERACTION' | 'ORDER' | 'SHIPMENT' | 'MENTION';
export type OrderChange = 'CREATED' | 'UPDATED' | 'DELETED';

interface ActivityBase {
  /** The id of the hub event the activity comes from. */
  id: string;
  customerId: string;
  occurredAt: Date;
}

export interface InteractionActivityModel extends ActivityBase {
  kind: 'INTERACTION';
  interaction: Interaction;
}

/** The order lives in the ERP: the CRM hands the gateway its id only. */
export interface OrderActivityModel extends ActivityBase {
  kind: 'ORDER';
  change: OrderChange;
  orderId: string;
}

export interface ShipmentActivityModel extends ActivityBase {
  kind: 'SHIPMENT';
  shipmentId: string;
}

export interface MentionActivityModel extends ActivityBase {
  kind: 'MENTION';
  mentionId: string;
}

export type CustomerActivityModel = InteractionActivityModel | OrderActivityModel | ShipmentActivityModel | MentionActivityModel;
