// The carrier HTTP adapter against the demo carrier stand-in over real HTTP: the port contract,
// then timeouts, retries, error mapping and batching, with faults injected by the stand-in.
import { describeCarrierPortContract } from '../../adapters/carrier/carrier-port-contract';
import { CarrierHttpAdapter, type CarrierHttpAdapterOptions } from '../../adapters/carrier/http/carrier-http-adapter';
import { HttpStatusError } from '../../adapters/http/http-client';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { startCarrierStandIn } from '../../demo/standins/carrier/carrier-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { UpstreamUnavailableError } from '../../lib/errors';

describeCarrierPortContract('HTTP adapter over the demo carrier stand-in', async (dataset) => {
  const standIn = await startCarrierStandIn({ port: 0, dataset, apiKey: 'contract-key' });
  const port = CarrierHttpAdapter.create({ baseUrl: standIn.url, apiKey: 'contract-key' });
  return {
    port,
    close: async () => {
      await port.close();
      await standIn.close();
    },
  };
});

describe('carrier HTTP adapter', () => {
  const dataset = generateDemoDataset({ customers: 40, products: 10, orders: 400 });
  const orderIds = dataset.orders.map((o) => o.id);
  const shipmentIds = dataset.shipments.map((s) => s.id);
  let standIn: StandInHandle;
  const adapters: CarrierHttpAdapter[] = [];
  let attempts: { path: string; status: number | null }[] = [];

  const adapter = (options: Partial<CarrierHttpAdapterOptions> = {}) => {
    const created = CarrierHttpAdapter.create({
      baseUrl: standIn.url,
      apiKey: 'secret',
      retryDelayMs: 5,
      onAttempt: (a) => attempts.push({ path: a.path, status: a.status }),
      ...options,
    });
    adapters.push(created);
    return created;
  };

  beforeAll(async () => {
    standIn = await startCarrierStandIn({ port: 0, dataset, apiKey: 'secret' });
  });
  beforeEach(() => {
    standIn.resetControls();
    attempts = [];
  });
  afterAll(async () => {
    await Promise.all(adapters.map((a) => a.close()));
    await standIn.close();
  });

  describe('batching', () => {
    it("asks for every order's shipments in one HTTP call, repeated ids sent once", async () => {
      const asked = [...orderIds, ...orderIds.slice(0, 50)];
      const lists = await adapter().findShipmentsByOrderIds(asked);
      expect(lists.length).toBe(asked.length);
      expect(lists.slice(0, orderIds.length).flat().length).toBe(dataset.shipments.length);
      expect(lists.at(-1)).toEqual(lists[49]);
      expect(attempts).toEqual([{ path: '/v2/shipments/by-order-refs', status: 200 }]);
    });

    it('asks for shipments and their tracking events one HTTP call each', async () => {
      const a = adapter();
      const shipments = await a.findShipmentsByIds(shipmentIds);
      const events = await a.findTrackingEventsByShipmentIds(shipmentIds);
      expect(shipments.every((s, i) => s?.id === shipmentIds[i])).toBe(true);
      expect(events.every((list, i) => list.length > 0 && list.every((e) => e.shipmentId === shipmentIds[i]))).toBe(true);
      expect(attempts.map((x) => x.path)).toEqual(['/v2/shipments/by-ids', '/v2/tracking/events/by-parcel-ids']);
    });

    it('splits a batch only above the carrier limit of 2000 keys, and keeps the results aligned', async () => {
      const asked = Array.from({ length: 4500 }, (_, i) => (i < shipmentIds.length ? shipmentIds[i]! : `SH-X${i}`));
      const found = await adapter().findShipmentsByIds(asked);
      expect(standIn.requestCount).toBe(3);
      expect(found.map((s) => s?.id ?? null)).toEqual(asked.map((id) => (id.startsWith('SH-X') ? null : id)));
    });
  });

  describe('timeouts', () => {
    it('gives up on an attempt slower than the timeout with UpstreamUnavailableError', async () => {
      standIn.delayNext(1, 600);
      const error = await adapter({ timeoutMs: 150, retries: 0 }).findShipmentsByOrderIds([orderIds[0]!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as UpstreamUnavailableError).system).toBe('carrier');
      expect((error as Error).message).toMatch(/timed out/);
    });

    it('retries a read whose first attempt timed out, and succeeds', async () => {
      standIn.delayNext(1, 600);
      const found = await adapter({ timeoutMs: 150, retries: 1 }).findShipmentByTrackingNumber(dataset.shipments[0]!.trackingNumber);
      expect(found?.id).toBe(dataset.shipments[0]!.id);
      expect(attempts.map((a) => a.status)).toEqual([null, 200]);
    });
  });

  describe('upstream failures', () => {
    it('retries a 5xx and succeeds', async () => {
      standIn.failNext(1, 503);
      const events = await adapter({ retries: 2 }).findTrackingEventsByShipmentIds([shipmentIds[0]!]);
      expect(events[0]!.length).toBeGreaterThan(0);
      expect(attempts.map((a) => a.status)).toEqual([503, 200]);
    });

    it('reports a persistent 5xx as UpstreamUnavailableError after the retries', async () => {
      standIn.failNext(10, 503);
      const error = await adapter({ retries: 2 }).findShipmentsByIds([shipmentIds[0]!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as HttpStatusError).status).toBe(503);
      expect(standIn.requestCount).toBe(3);
    });

    it('does not retry a 4xx', async () => {
      standIn.failNext(1, 422);
      const error = await adapter({ retries: 3 }).findShipmentsByOrderIds([orderIds[0]!]).catch((e: unknown) => e);
      expect((error as HttpStatusError).status).toBe(422);
      expect(standIn.requestCount).toBe(1);
    });

    it('reads a 404 on a tracking number as "no such shipment", in one call', async () => {
      await expect(adapter({ retries: 3 }).findShipmentByTrackingNumber('1Z-UNKNOWN')).resolves.toBeNull();
      expect(attempts).toEqual([{ path: '/v2/shipments/by-tracking-number/1Z-UNKNOWN', status: 404 }]);
    });

    it('reports a rejected API key as UpstreamUnavailableError without retrying', async () => {
      const error = await adapter({ apiKey: undefined, retries: 3 }).findShipmentsByIds([shipmentIds[0]!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as HttpStatusError).status).toBe(401);
      expect(standIn.requestCount).toBe(1);
    });
  });

  it('forwards the request id to the carrier', async () => {
    await adapter().forRequest('req-ship-7').findShipmentsByOrderIds([orderIds[0]!]);
    expect(standIn.requests.map((r) => r.requestId)).toEqual(['req-ship-7']);
  });
});
