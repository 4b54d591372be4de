// The shipping subgraph over real HTTP: the demo carrier stand-in behind the HTTP adapter,
// GraphQL through the subgraph's own endpoint.
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { startCarrierStandIn } from '../../demo/standins/carrier/carrier-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { silentLogger } from '../../lib/logger';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { startShippingService } from '../../subgraphs/shipping/service';
import { CarrierHttpAdapter } from '../../adapters/carrier/http/carrier-http-adapter';

interface GraphQLResponse {
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are inspected field by field
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

describe('shipping subgraph', () => {
  const dataset = generateDemoDataset({ customers: 40, products: 10, orders: 400 });
  const shipmentsOf = (orderId: string) => dataset.shipments.filter((s) => s.orderId === orderId);
  const twoParcels = dataset.orders.find((o) => shipmentsOf(o.id).length === 2 && shipmentsOf(o.id).every((s) => s.deliveredAt))!;
  const inTransit = dataset.orders.find((o) => shipmentsOf(o.id).some((s) => !s.deliveredAt))!;
  const unshipped = dataset.orders.find((o) => shipmentsOf(o.id).length === 0)!;
  let standIn: StandInHandle;
  let service: RunningService;
  let httpCalls: string[] = [];

  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const res = await fetch(service.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GraphQLResponse;
  };
  const orderReps = (orders: { id: string }[]) => orders.map((o) => ({ __typename: 'Order', id: o.id }));

  beforeAll(async () => {
    standIn = await startCarrierStandIn({ port: 0, dataset, apiKey: 'carrier-key' });
    service = await startShippingService({
      carrierApiUrl: standIn.url,
      carrierApiKey: 'carrier-key',
      port: 0,
      host: '127.0.0.1',
      log: silentLogger,
      httpRetries: 1,
      onHttpAttempt: (a) => httpCalls.push(a.path),
    });
  });
  beforeEach(() => {
    standIn.resetControls();
    httpCalls = [];
  });
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
  });

  it('answers a shipment with its carrier, origin centre, order and tracking events', async () => {
    const s = shipmentsOf(twoParcels.id)[0]!;
    const { data, errors } = await gql(
      `query ($id: ID!) { shipment(id: $id) {
        id trackingNumber status shippedAt estimatedDeliveryAt deliveredAt
        carrier { code name } fromCenter { code } order { id }
        events { at status location description }
      } }`,
      { id: s.id },
    );
    expect(errors).toBeUndefined();
    expect(data!.shipment).toEqual({
      id: s.id,
      trackingNumber: s.trackingNumber,
      status: 'DELIVERED',
      shippedAt: s.shippedAt.toISOString(),
      estimatedDeliveryAt: s.estimatedDeliveryAt.toISOString(),
      deliveredAt: s.deliveredAt!.toISOString(),
      carrier: { code: s.carrierCode, name: expect.any(String) },
      fromCenter: { code: s.fromCenterCode },
      order: { id: twoParcels.id },
      events: s.events.map((e) => ({ at: e.at.toISOString(), status: e.status, location: e.location, description: e.description })),
    });
  });

  it('finds a shipment by tracking number, null for an unknown one or an unknown id', async () => {
    const s = dataset.shipments[5]!;
    const { data, errors } = await gql(
      `query ($t: String!) { found: shipmentByTrackingNumber(trackingNumber: $t) { id } missing: shipmentByTrackingNumber(trackingNumber: "1Z-NONE") { id } unknown: shipment(id: "SH-NONE") { id } }`,
      { t: s.trackingNumber },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({ found: { id: s.id }, missing: null, unknown: null });
  });

  it("answers an order's shipments and delivery estimate as an entity", async () => {
    const { data, errors } = await gql(
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id shipments { id status } deliveryEstimate { expectedAt delivered } } } }`,
      { reps: orderReps([twoParcels, inTransit, unshipped]) },
    );
    expect(errors).toBeUndefined();
    const [delivered, moving, none] = data!._entities;
    const latest = (orderId: string) => new Date(Math.max(...shipmentsOf(orderId).map((s) => (s.deliveredAt ?? s.estimatedDeliveryAt).getTime()))).toISOString();
    expect(delivered.shipments.map((s: { id: string }) => s.id).sort()).toEqual(shipmentsOf(twoParcels.id).map((s) => s.id).sort());
    expect(delivered.deliveryEstimate).toEqual({ expectedAt: latest(twoParcels.id), delivered: true });
    expect(moving.deliveryEstimate).toEqual({ expectedAt: latest(inTransit.id), delivered: false });
    expect(none).toEqual({ id: unshipped.id, shipments: [], deliveryEstimate: null });
  });

  describe('entity batching', () => {
    const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Order { id deliveryEstimate { delivered } shipments { id carrier { code } events { status } } }
    } }`;

    it('resolves many order references with one carrier call for shipments and one for events', async () => {
      const orders = dataset.orders.slice(0, 60);
      const { data, errors } = await gql(query, { reps: orderReps(orders) });
      expect(errors).toBeUndefined();
      expect(data!._entities.map((o: { id: string }) => o.id)).toEqual(orders.map((o) => o.id));
      expect(httpCalls).toEqual(['/v2/shipments/by-order-refs', '/v2/tracking/events/by-parcel-ids']);
      expect(standIn.requestCount).toBe(2);
    });

    it('issues as many calls for 10 orders as for 100', async () => {
      await gql(query, { reps: orderReps(dataset.orders.slice(0, 10)) });
      const ten = httpCalls.length;
      httpCalls = [];
      await gql(query, { reps: orderReps(dataset.orders.slice(0, 100)) });
      expect(httpCalls.length).toBe(ten);
    });

    it('resolves shipment references in one call, null for an unknown one', async () => {
      const ids = dataset.shipments.slice(0, 30).map((s) => s.id);
      const { data } = await gql('query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Shipment { id trackingNumber } } }', {
        reps: [...ids, 'SH-NONE'].map((id) => ({ __typename: 'Shipment', id })),
      });
      expect(data!._entities.map((s: { id: string } | null) => s?.id ?? null)).toEqual([...ids, null]);
      expect(httpCalls).toEqual(['/v2/shipments/by-ids']);
    });
  });

  describe('when the carrier fails', () => {
    it('answers the affected field with UPSTREAM_UNAVAILABLE and keeps serving', async () => {
      standIn.failNext(10, 503);
      const s = dataset.shipments[0]!;
      const failed = await gql('query ($id: ID!) { shipment(id: $id) { id } }', { id: s.id });
      expect(failed.data).toEqual({ shipment: null });
      expect(failed.errors![0]).toMatchObject({ path: ['shipment'], extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'carrier' } });
      expect(httpCalls.length).toBe(2);

      standIn.resetControls();
      expect(await gql('query ($id: ID!) { shipment(id: $id) { id } }', { id: s.id })).toEqual({ data: { shipment: { id: s.id } } });
    });

    it('keeps the rest of the answer when only the tracking endpoint is down', async () => {
      standIn.failNext(10, 503, { path: '/v2/tracking' });
      const [a, b] = [dataset.shipments[0]!, dataset.shipments[1]!];
      const { data, errors } = await gql(
        `query ($a: ID!, $t: String!) {
          a: shipment(id: $a) { id events { status } }
          b: shipmentByTrackingNumber(trackingNumber: $t) { id status }
        }`,
        { a: a.id, t: b.trackingNumber },
      );
      // events is nullable: only the failed field is null, the rest of shipment `a` and shipment `b` answer.
      expect(data).toEqual({ a: { id: a.id, events: null }, b: { id: b.id, status: b.status } });
      expect(errors!.map((e) => [e.path, e.extensions?.code])).toEqual([[['a', 'events'], 'UPSTREAM_UNAVAILABLE']]);
    });
  });

  it('serves an already-opened carrier adapter, and leaves it open for its owner on close', async () => {
    const own = CarrierHttpAdapter.create({ baseUrl: standIn.url, apiKey: 'carrier-key' });
    const other = await startShippingService({ carrier: own, port: 0, host: '127.0.0.1', log: silentLogger });
    try {
      const s = dataset.shipments[4]!;
      const res = await fetch(other.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'req-own-adapter' },
        body: JSON.stringify({ query: `{ shipment(id: "${s.id}") { trackingNumber } }` }),
      });
      expect(await res.json()).toEqual({ data: { shipment: { trackingNumber: s.trackingNumber } } });
      expect(standIn.requests.map((r) => r.requestId)).toEqual(['req-own-adapter']);
    } finally {
      await other.close();
    }
    await expect(own.findShipmentsByIds([dataset.shipments[4]!.id])).resolves.toHaveLength(1);
    await own.close();
  });

  it('forwards the request id to the carrier', async () => {
    await gql('query ($id: ID!) { shipment(id: $id) { id } }', { id: dataset.shipments[2]!.id }, { 'x-request-id': 'req-subgraph-ship-1' });
    expect(standIn.requests.map((r) => r.requestId)).toEqual(['req-subgraph-ship-1']);
  });
});
