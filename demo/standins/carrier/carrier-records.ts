// The demo carrier's records, in the carrier API's own shape: parcels and scan events, two-letter
// status codes, times as Unix epoch seconds.
import type { DemoShipment, DemoTrackingEvent } from '../../data/demo-dataset';

export interface ParcelRecord {
  parcelId: string;
  orderRef: string;
  carrier: { scac: string; name: string };
  trackNo: string;
  statusCd: string;
  originFacility: string | null;
  shippedEpoch: number | null;
  etaEpoch: number | null;
  deliveredEpoch: number | null;
}

export interface ScanEventRecord {
  parcelId: string;
  seq: number;
  epoch: number;
  statusCd: string;
  facility: string | null;
  remark: string;
}

export const STATUS_CODES: Record<string, string> = {
  LABEL_CREATED: 'LC',
  IN_TRANSIT: 'IT',
  OUT_FOR_DELIVERY: 'OD',
  DELIVERED: 'DL',
  EXCEPTION: 'EX',
  RETURNED: 'RT',
};

const CARRIER_NAMES: Record<string, string> = { UPX: 'UPX Parcel Express', FDL: 'Fidelis Logistics' };

function epoch(date: Date | null): number | null {
  return date ? Math.floor(date.getTime() / 1000) : null;
}

export function toParcelRecord(shipment: DemoShipment): ParcelRecord {
  return {
    parcelId: shipment.id,
    orderRef: shipment.orderId,
    carrier: { scac: shipment.carrierCode, name: CARRIER_NAMES[shipment.carrierCode] ?? shipment.carrierCode },
    trackNo: shipment.trackingNumber,
    statusCd: STATUS_CODES[shipment.status] ?? 'EX',
    originFacility: shipment.fromCenterCode || null,
    shippedEpoch: epoch(shipment.shippedAt),
    etaEpoch: epoch(shipment.estimatedDeliveryAt),
    deliveredEpoch: epoch(shipment.deliveredAt),
  };
}

export function toScanEventRecord(shipmentId: string, event: DemoTrackingEvent, seq: number): ScanEventRecord {
  return {
    parcelId: shipmentId,
    seq,
    epoch: epoch(event.at)!,
    statusCd: STATUS_CODES[event.status] ?? 'EX',
    facility: event.location || null,
    remark: event.description,
  };
}
