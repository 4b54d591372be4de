// Per-request DataLoaders over the batch-first carrier port: one carrier call per kind of lookup,
// whatever the number of orders or shipments in the query.
import DataLoader from 'dataloader';
import type { CarrierPort, Shipment, TrackingEvent } from '../../adapters/carrier/carrier-port';

export interface ShippingLoaders {
  shipmentById: DataLoader<string, Shipment | null>;
  shipmentsByOrderId: DataLoader<string, Shipment[]>;
  eventsByShipmentId: DataLoader<string, TrackingEvent[]>;
}

export function createShippingLoaders(carrier: CarrierPort): ShippingLoaders {
  const shipmentById = new DataLoader<string, Shipment | null>((ids) => carrier.findShipmentsByIds(ids));
  return {
    shipmentById,
    shipmentsByOrderId: new DataLoader(async (orderIds) => {
      const lists = await carrier.findShipmentsByOrderIds(orderIds);
      // A shipment reached through its order needs no second lookup by id.
      for (const shipment of lists.flat()) shipmentById.prime(shipment.id, shipment);
      return lists;
    }),
    eventsByShipmentId: new DataLoader((ids) => carrier.findTrackingEventsByShipmentIds(ids)),
  };
}
