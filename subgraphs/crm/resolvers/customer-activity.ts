import { NotFoundError } from '../../../lib/errors';
import type {
  CustomerActivityResolvers,
  InteractionActivityResolvers,
  MentionActivityResolvers,
  OrderActivityResolvers,
  ShipmentActivityResolvers,
} from '../generated/resolvers-types';
import type { CrmContext } from '../context';

const TYPE_NAMES = { INTERACTION: 'InteractionActivity', ORDER: 'OrderActivity', SHIPMENT: 'ShipmentActivity', MENTION: 'MentionActivity' } as const;

export const CustomerActivity: CustomerActivityResolvers = {
  __resolveType: (activity) => TYPE_NAMES[activity.kind],
};

async function customer(activity: { customerId: string }, _: unknown, { loaders }: CrmContext) {
  const found = await loaders.customerById.load(activity.customerId);
  if (found === null) throw new NotFoundError('Customer', activity.customerId);
  return found;
}

export const InteractionActivity: InteractionActivityResolvers = { customer };

export const OrderActivity: OrderActivityResolvers = {
  customer,
  // A deleted order has nothing left for the ERP to resolve.
  order: (activity) => (activity.change === 'DELETED' ? null : { id: activity.orderId }),
};

export const ShipmentActivity: ShipmentActivityResolvers = {
  customer,
  shipment: (activity) => ({ id: activity.shipmentId }),
};

export const MentionActivity: MentionActivityResolvers = {
  customer,
  mention: (activity) => ({ id: activity.mentionId }),
};
