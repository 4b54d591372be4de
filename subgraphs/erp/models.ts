// The erp subgraph's own entity references (codegen maps schema types to these).
import type { Order } from '../../adapters/erp/erp-port';

/** A customer as the ERP extends it: only the Touchpoint customer id (the CRM id). */
export interface CustomerRef {
  id: string;
}

/** One change of one order, as the orderUpdated subscription delivers it. */
export interface OrderUpdateModel {
  orderId: string;
  change: 'CREATED' | 'UPDATED' | 'DELETED';
  /** The order as it is now; null when it no longer exists. */
  order: Order | null;
  occurredAt: Date;
}
