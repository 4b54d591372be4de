// Carrier payloads to the hub's domain types. The carrier's field names and codes stop here.
import type { Shipment, ShipmentStatus, TrackingEvent } from '../carrier-port';
import type { ParcelDto, ScanEventDto } from './carrier-dto';

const STATUSES: Record<string, ShipmentStatus> = {
  LC: 'LABEL_CREATED',
  IT: 'IN_TRANSIT',
  OD: 'OUT_FOR_DELIVERY',
  DL: 'DELIVERED',
  EX: 'EXCEPTION',
  RT: 'RETURNED',
};

/** An unknown code is shown as an exception: something the hub cannot read needs a look. */
export function toShipmentStatus(code: string): ShipmentStatus {
  return STATUSES[code] ?? 'EXCEPTION';
}

export function fromEpochSeconds(value: number | null | undefined): Date | null {
  return typeof value === 'number' && Number.isFinite(value) ? new Date(value * 1000) : null;
}

export function toShipment(dto: ParcelDto): Shipment {
  return {
    id: dto.parcelId,
    orderId: dto.orderRef,
    carrierCode: dto.carrier.scac,
    carrierName: dto.carrier.name || dto.carrier.scac,
    trackingNumber: dto.trackNo,
    status: toShipmentStatus(dto.statusCd),
    fromCenterCode: dto.originFacility || null,
    shippedAt: fromEpochSeconds(dto.shippedEpoch),
    estimatedDeliveryAt: fromEpochSeconds(dto.etaEpoch),
    deliveredAt: fromEpochSeconds(dto.deliveredEpoch),
  };
}

/** Null for an event without a readable time. */
export function toTrackingEvent(dto: ScanEventDto): TrackingEvent | null {
  const at = fromEpochSeconds(dto.epoch);
  if (!at) return null;
  return { shipmentId: dto.parcelId, at, status: toShipmentStatus(dto.statusCd), location: dto.facility || null, description: dto.remark };
}
