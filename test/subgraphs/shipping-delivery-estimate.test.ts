// The order's delivery estimate, derived from its parcels.
import type { Shipment } from '../../adapters/carrier/carrier-port';
import { deriveDeliveryEstimate } from '../../subgraphs/shipping/delivery-estimate';

const parcel = (over: Partial<Shipment>): Shipment => ({
  id: 'SH-1',
  orderId: 'SO-1',
  carrierCode: 'UPX',
  carrierName: 'UPX Parcel Express',
  trackingNumber: '1Z1',
  status: 'IN_TRANSIT',
  fromCenterCode: 'DC-NWK',
  shippedAt: new Date('2026-01-01T00:00:00Z'),
  estimatedDeliveryAt: new Date('2026-01-04T00:00:00Z'),
  deliveredAt: null,
  ...over,
});

describe('deriveDeliveryEstimate', () => {
  it('is null before anything ships', () => {
    expect(deriveDeliveryEstimate([])).toBeNull();
  });

  it('expects the order when its last parcel arrives, delivered only when every parcel is', () => {
    const arrived = parcel({ id: 'SH-1', status: 'DELIVERED', deliveredAt: new Date('2026-01-03T00:00:00Z') });
    const moving = parcel({ id: 'SH-2', estimatedDeliveryAt: new Date('2026-01-06T00:00:00Z') });
    expect(deriveDeliveryEstimate([arrived, moving])).toEqual({ expectedAt: new Date('2026-01-06T00:00:00Z'), delivered: false });
    expect(deriveDeliveryEstimate([arrived])).toEqual({ expectedAt: new Date('2026-01-03T00:00:00Z'), delivered: true });
  });

  it('uses the actual delivery over the estimate of a delivered parcel', () => {
    const late = parcel({ status: 'DELIVERED', estimatedDeliveryAt: new Date('2026-01-04T00:00:00Z'), deliveredAt: new Date('2026-01-09T00:00:00Z') });
    expect(deriveDeliveryEstimate([late])).toEqual({ expectedAt: new Date('2026-01-09T00:00:00Z'), delivered: true });
  });

  it('is null when a parcel under way has no estimate', () => {
    expect(deriveDeliveryEstimate([parcel({}), parcel({ id: 'SH-2', estimatedDeliveryAt: null })])).toBeNull();
  });
});
