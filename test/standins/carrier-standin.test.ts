// The demo carrier stand-in speaks its own parcel API dialect over real HTTP.
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { startCarrierStandIn } from '../../demo/standins/carrier/carrier-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';

describe('demo carrier stand-in', () => {
  const dataset = generateDemoDataset({ customers: 30, products: 10, orders: 200 });
  let carrier: StandInHandle;
  const headers = { authorization: 'Bearer t0k', 'content-type': 'application/json' };
  const post = (path: string, body: unknown, h: Record<string, string> = headers) => fetch(carrier.url + path, { method: 'POST', headers: h, body: JSON.stringify(body) });

  beforeAll(async () => {
    carrier = await startCarrierStandIn({ port: 0, dataset, apiKey: 't0k' });
  });
  beforeEach(() => carrier.resetControls());
  afterAll(() => carrier.close());

  it("serves an order's parcels in the carrier's own DTO shape", async () => {
    const s = dataset.shipments[0]!;
    const res = await post('/v2/shipments/by-order-refs', { orderRefs: [s.orderId, 'SO-NONE'] });
    expect(res.status).toBe(200);
    const { shipments } = (await res.json()) as { shipments: Record<string, unknown>[] };
    expect(shipments.find((p) => p.parcelId === s.id)).toEqual({
      parcelId: s.id,
      orderRef: s.orderId,
      carrier: { scac: s.carrierCode, name: expect.any(String) },
      trackNo: s.trackingNumber,
      statusCd: s.status === 'DELIVERED' ? 'DL' : 'IT',
      originFacility: s.fromCenterCode,
      shippedEpoch: s.shippedAt.getTime() / 1000,
      etaEpoch: s.estimatedDeliveryAt.getTime() / 1000,
      deliveredEpoch: s.deliveredAt ? s.deliveredAt.getTime() / 1000 : null,
    });
  });

  it('serves scan events by parcel id, oldest first, and parcels by tracking number', async () => {
    const s = dataset.shipments[1]!;
    const { events } = (await (await post('/v2/tracking/events/by-parcel-ids', { parcelIds: [s.id] })).json()) as { events: { epoch: number; statusCd: string }[] };
    expect(events.length).toBe(s.events.length);
    expect(events[0]!.statusCd).toBe('LC');
    expect(events.map((e) => e.epoch)).toEqual(events.map((e) => e.epoch).sort((a, b) => a - b));
    const byTrack = await fetch(`${carrier.url}/v2/shipments/by-tracking-number/${s.trackingNumber}`, { headers });
    expect(((await byTrack.json()) as { shipment: { parcelId: string } }).shipment.parcelId).toBe(s.id);
    const unknown = await fetch(`${carrier.url}/v2/shipments/by-tracking-number/NOPE`, { headers });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: 'PARCEL_NOT_FOUND', message: expect.any(String) } });
  });

  it('refuses a missing bearer key, a batch over 2000 keys and a body that is not JSON', async () => {
    expect((await post('/v2/shipments/by-ids', { parcelIds: [] }, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await post('/v2/shipments/by-ids', { parcelIds: Array.from({ length: 2001 }, (_, i) => `P${i}`) })).status).toBe(400);
    const malformed = await fetch(`${carrier.url}/v2/shipments/by-ids`, { method: 'POST', headers, body: '{oops' });
    expect(malformed.status).toBe(400);
    expect((await fetch(`${carrier.url}/v2/shipments/by-ids`, { headers })).status).toBe(405);
  });

  it('fails the next requests on demand and counts them', async () => {
    carrier.failNext(2, 502);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await post('/v2/shipments/by-ids', { parcelIds: [] })).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(carrier.requestCount).toBe(3);
  });
});
