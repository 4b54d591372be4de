import type { Shipment } from '../../adapters/carrier/carrier-port';

export interface DeliveryEstimate {
  expectedAt: Date;
  delivered: boolean;
}

/**
 * When the whole order is (or was) delivered: the latest delivery (or, for a parcel still under
 * way, its estimate) among the order's shipments. Null before anything ships, and when a parcel
 * under way has no estimate, since the order's date is then unknown.
 */
export function deriveDeliveryEstimate(shipments: readonly Shipment[]): DeliveryEstimate | null {
  if (shipments.length === 0) return null;
  let expectedAt = 0;
  for (const shipment of shipments) {
    const at = shipment.deliveredAt ?? shipment.estimatedDeliveryAt;
    if (!at) return null;
    expectedAt = Math.max(expectedAt, at.getTime());
  }
  return { expectedAt: new Date(expectedAt), delivered: shipments.every((s) => s.status === 'DELIVERED') };
}
