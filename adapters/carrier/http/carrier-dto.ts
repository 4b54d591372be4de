// The parcel carrier API's payloads (v2), as it sends them. Nothing outside this folder sees them.

export interface ParcelDto {
  parcelId: string;
  orderRef: string;
  carrier: { scac: string; name: string };
  trackNo: string;
  /** LC label created, IT in transit, OD out for delivery, DL delivered, EX exception, RT returned. */
  statusCd: string;
  originFacility: string | null;
  /** Unix epoch seconds. */
  shippedEpoch: number | null;
  etaEpoch: number | null;
  deliveredEpoch: number | null;
}

export interface ScanEventDto {
  parcelId: string;
  seq: number;
  epoch: number;
  statusCd: string;
  facility: string | null;
  remark: string;
}

export interface ParcelListDto {
  shipments: ParcelDto[];
}

export interface ParcelOneDto {
  shipment: ParcelDto;
}

export interface ScanEventListDto {
  events: ScanEventDto[];
}

export const CARRIER_PATHS = {
  byOrderRefs: '/v2/shipments/by-order-refs',
  byIds: '/v2/shipments/by-ids',
  events: '/v2/tracking/events/by-parcel-ids',
  byTrackingNumber: (trackNo: string) => `/v2/shipments/by-tracking-number/${encodeURIComponent(trackNo)}`,
} as const;

/** The carrier accepts at most this many keys per batch request. */
export const CARRIER_BATCH_LIMIT = 2000;
