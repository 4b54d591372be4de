import type { ShipmentResolvers } from '../generated/resolvers-types';

export const Shipment: ShipmentResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.shipmentById.load(ref.id),

  order: (shipment) => ({ id: shipment.orderId }),

  carrier: (shipment) => ({ code: shipment.carrierCode, name: shipment.carrierName }),

  fromCenter: (shipment) => (shipment.fromCenterCode ? { code: shipment.fromCenterCode } : null),

  events: (shipment, _, { loaders }) => loaders.eventsByShipmentId.load(shipment.id),
};
