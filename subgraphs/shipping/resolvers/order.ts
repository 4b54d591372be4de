import type { OrderResolvers } from '../generated/resolvers-types';
import { deriveDeliveryEstimate } from '../delivery-estimate';

export const Order: OrderResolvers = {
  // The ERP owns orders; any order id is a valid reference here (an unshipped order has no shipments).
  __resolveReference: (ref) => ({ id: ref.id }),

  shipments: (order, _, { loaders }) => loaders.shipmentsByOrderId.load(order.id),

  deliveryEstimate: async (order, _, { loaders }) => deriveDeliveryEstimate(await loaders.shipmentsByOrderId.load(order.id)),
};
