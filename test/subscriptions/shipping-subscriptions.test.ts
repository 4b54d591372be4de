// shipping's shipmentUpdated over real sockets: shipment.updated events of one order, each carrying
// the shipment as the carrier (the demo stand-in, over HTTP) reports it when the event is heard.
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { startCarrierStandIn } from '../../demo/standins/carrier/carrier-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { silentLogger } from '../../lib/logger';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { startShippingService } from '../../subgraphs/shipping/service';
import { CountingEventBus } from './support/counting-event-bus';
import { refusal, subscribe, TRANSPORTS, unsubscribeAll, type Transport } from './support/subscription-clients';

const dataset = generateDemoDataset({ customers: 20, products: 10, orders: 200 });
const shipmentsOf = (orderId: string) => dataset.shipments.filter((s) => s.orderId === orderId);
const watched = dataset.orders.find((o) => shipmentsOf(o.id).length === 2)!;
const other = dataset.orders.find((o) => o.id !== watched.id && shipmentsOf(o.id).length > 0)!;
const [parcel1, parcel2] = shipmentsOf(watched.id);

const SHIPMENT_UPDATED = `subscription ($orderId: ID!) {
  shipmentUpdated(orderId: $orderId) { id trackingNumber status order { id } carrier { code } events { status } }
}`;

describe('shipping shipmentUpdated', () => {
  let standIn: StandInHandle;
  const bus = new CountingEventBus();
  let service: RunningService;

  beforeAll(async () => {
    standIn = await startCarrierStandIn({ port: 0, dataset });
    service = await startShippingService({ carrierApiUrl: standIn.url, port: 0, host: '127.0.0.1', log: silentLogger, httpRetries: 0, eventBus: bus });
  });
  beforeEach(() => standIn.resetControls());
  afterEach(async () => {
    await bus.waitForHandlers('shipment.updated', 0);
  });
  afterAll(async () => {
    unsubscribeAll();
    await service?.close();
    await standIn?.close();
    await bus.close();
  });

  describe.each(TRANSPORTS)('over %s', (transport: Transport) => {
    it("delivers the order's shipments as the carrier reports them, skips other orders, and releases the bus on unsubscribe", async () => {
      const sub = subscribe(transport, service.endpoint, { query: SHIPMENT_UPDATED, variables: { orderId: watched.id } }, { headers: { 'x-request-id': `ship-${transport}` } });
      await bus.waitForHandlers('shipment.updated', 1);
      await bus.emit('shipment.updated', { shipmentId: shipmentsOf(other.id)[0]!.id, orderId: other.id });
      await bus.emit('shipment.updated', { shipmentId: parcel2!.id, orderId: watched.id, customerId: watched.customerId });
      const { data, errors } = await sub.next();
      expect(errors).toBeUndefined();
      expect(data!.shipmentUpdated).toEqual({
        id: parcel2!.id,
        trackingNumber: parcel2!.trackingNumber,
        status: parcel2!.status,
        order: { id: watched.id },
        carrier: { code: parcel2!.carrierCode },
        events: parcel2!.events.map((e) => ({ status: e.status })),
      });
      await sub.expectNothing();
      // The carrier was asked for this one shipment (and its events), under the subscriber's request id.
      expect(standIn.requests.length).toBeGreaterThan(0);
      expect(new Set(standIn.requests.map((r) => r.requestId))).toEqual(new Set([`ship-${transport}`]));
      sub.unsubscribe();
      await bus.waitForHandlers('shipment.updated', 0);
    });
  });

  it('reports a carrier failure or an unknown shipment as that event’s error, and goes on with the next events', async () => {
    const sub = subscribe('graphql-ws', service.endpoint, { query: SHIPMENT_UPDATED, variables: { orderId: watched.id } });
    await bus.waitForHandlers('shipment.updated', 1);
    standIn.failNext(1, 503);
    await bus.emit('shipment.updated', { shipmentId: parcel1!.id, orderId: watched.id });
    const failed = await sub.next();
    expect(failed.data).toBeNull();
    expect(failed.errors).toEqual([expect.objectContaining({ path: ['shipmentUpdated'], extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' }) })]);
    await bus.emit('shipment.updated', { shipmentId: 'SH-NONE', orderId: watched.id });
    expect((await sub.next()).errors).toEqual([expect.objectContaining({ message: 'Shipment "SH-NONE" was not found', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
    await bus.emit('shipment.updated', { shipmentId: parcel1!.id, orderId: watched.id });
    expect((await sub.next()).data!.shipmentUpdated.id).toBe(parcel1!.id);
    sub.unsubscribe();
  });

  it('refuses an empty order id with BAD_USER_INPUT and a missing one with a validation error', async () => {
    expect(await refusal(subscribe('sse', service.endpoint, { query: SHIPMENT_UPDATED, variables: { orderId: ' ' } }))).toEqual([
      expect.objectContaining({ message: 'orderId must be an id of 1 to 64 characters', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    const missing = await refusal(subscribe('graphql-ws', service.endpoint, { query: SHIPMENT_UPDATED }));
    expect(missing[0]!.message).toMatch(/Variable "\$orderId" of required type "ID!" was not provided/);
    expect(bus.handlers('shipment.updated')).toBe(0);
  });

  it('closes with subscriptions open: clients see the end, the bus subscriptions are released', async () => {
    const own = new CountingEventBus();
    const closing = await startShippingService({ carrierApiUrl: standIn.url, port: 0, host: '127.0.0.1', log: silentLogger, eventBus: own });
    const subs = TRANSPORTS.map((transport) => subscribe(transport, closing.endpoint, { query: SHIPMENT_UPDATED, variables: { orderId: watched.id } }));
    await own.waitForHandlers('shipment.updated', subs.length);
    await closing.close();
    expect(own.handlers('shipment.updated')).toBe(0);
    await Promise.all(subs.map((sub) => sub.ended));
    await own.close();
  });
});
