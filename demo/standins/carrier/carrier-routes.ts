// The carrier's parcel API (v2). Batch endpoints take at most CARRIER_BATCH_LIMIT keys.
import { Router, type StandInResponse } from '../shared/router';
import type { CarrierStore } from './carrier-store';

export const CARRIER_BATCH_LIMIT = 2000;

export function carrierError(status: number, code: string, message: string): StandInResponse {
  return { status, body: { error: { code, message } } };
}

function keyList(body: unknown, field: string): string[] | StandInResponse {
  const keys = (body as Record<string, unknown> | undefined)?.[field];
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) return carrierError(400, 'INVALID_REQUEST', `${field} must be an array of strings`);
  if (keys.length > CARRIER_BATCH_LIMIT) return carrierError(400, 'BATCH_LIMIT_EXCEEDED', `at most ${CARRIER_BATCH_LIMIT} ${field} per request`);
  return [...new Set(keys as string[])];
}

export function carrierRoutes(store: CarrierStore): Router {
  return new Router()
    .post('/v2/shipments/by-order-refs', (req) => {
      const refs = keyList(req.body, 'orderRefs');
      if (!Array.isArray(refs)) return refs;
      return { status: 200, body: { shipments: refs.flatMap((ref) => store.parcelsOfOrder(ref)) } };
    })
    .post('/v2/shipments/by-ids', (req) => {
      const ids = keyList(req.body, 'parcelIds');
      if (!Array.isArray(ids)) return ids;
      const shipments = ids.map((id) => store.parcel(id)).filter((p) => p !== null);
      return { status: 200, body: { shipments } };
    })
    .post('/v2/tracking/events/by-parcel-ids', (req) => {
      const ids = keyList(req.body, 'parcelIds');
      if (!Array.isArray(ids)) return ids;
      return { status: 200, body: { events: ids.flatMap((id) => store.eventsOf(id)) } };
    })
    .get('/v2/shipments/by-tracking-number/:trackNo', (req) => {
      const parcel = store.parcelByTrackingNumber(req.params.trackNo!);
      return parcel ? { status: 200, body: { shipment: parcel } } : carrierError(404, 'PARCEL_NOT_FOUND', `no parcel with tracking number ${req.params.trackNo}`);
    });
}
