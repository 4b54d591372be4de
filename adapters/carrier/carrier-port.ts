// The parcel carrier as the hub sees it: shipments of orders and their tracking events.

export type ShipmentStatus = 'LABEL_CREATED' | 'IN_TRANSIT' | 'OUT_FOR_DELIVERY' | 'DELIVERED' | 'EXCEPTION' | 'RETURNED';

export interface Shipment {
  id: string;
  orderId: string;
  carrierCode: string;
  carrierName: string;
  trackingNumber: string;
  status: ShipmentStatus;
  fromCenterCode: string | null;
  shippedAt: Date | null;
  estimatedDeliveryAt: Date | null;
  deliveredAt: Date | null;
}

export interface TrackingEvent {
  shipmentId: string;
  at: Date;
  status: ShipmentStatus;
  location: string | null;
  description: string;
}

export interface CarrierPort {
  /** Aligned with ids; null for an unknown id. */
  findShipmentsByIds(ids: readonly string[]): Promise<(Shipment | null)[]>;
  /** Aligned with order ids: each order's shipments, oldest first. */
  findShipmentsByOrderIds(orderIds: readonly string[]): Promise<Shipment[][]>;
  /** Aligned with shipment ids: tracking events, oldest first. */
  findTrackingEventsByShipmentIds(shipmentIds: readonly string[]): Promise<TrackingEvent[][]>;
  findShipmentByTrackingNumber(trackingNumber: string): Promise<Shipment | null>;
  /** Optional: the same port, tagging its calls to the carrier with the caller's request id. */
  forRequest?(requestId: string | undefined): CarrierPort;
}
