import type { QueryResolvers } from '../generated/resolvers-types';

export const Query: QueryResolvers = {
  shipment: (_, { id }, { loaders }) => loaders.shipmentById.load(id),

  async shipmentByTrackingNumber(_, { trackingNumber }, { carrier, loaders }) {
    const shipment = await carrier.findShipmentByTrackingNumber(trackingNumber);
    if (shipment) loaders.shipmentById.prime(shipment.id, shipment);
    return shipment;
  },
};
