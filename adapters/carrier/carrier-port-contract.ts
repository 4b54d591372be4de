// The contract every CarrierPort adapter must meet. Run it from a jest test file with
// describeCarrierPortContract('my carrier', (dataset) => ...): the factory gets a small demo
// dataset and returns an adapter over a carrier system that holds exactly its shipments.
import { generateDemoDataset, type DemoDataset, type DemoShipment } from '../../demo/data/demo-dataset';
import type { CarrierPort, Shipment, ShipmentStatus } from './carrier-port';

export interface CarrierPortFixture {
  port: CarrierPort;
  close(): Promise<void>;
}

/** The data the contract runs on: small, deterministic. */
export const CARRIER_CONTRACT_DATASET_SIZE = { customers: 30, products: 20, orders: 200 };

/** The fields every carrier must report as the demo world has them (names are the carrier's own). */
function expectedShipment(s: DemoShipment): Omit<Shipment, 'carrierName'> {
  return {
    id: s.id,
    orderId: s.orderId,
    carrierCode: s.carrierCode,
    trackingNumber: s.trackingNumber,
    status: s.status as ShipmentStatus,
    fromCenterCode: s.fromCenterCode,
    shippedAt: s.shippedAt,
    estimatedDeliveryAt: s.estimatedDeliveryAt,
    deliveredAt: s.deliveredAt,
  };
}

function withoutName(s: Shipment | null | undefined): Omit<Shipment, 'carrierName'> | null {
  if (!s) return null;
  const { carrierName, ...rest } = s;
  expect(carrierName).toEqual(expect.any(String));
  expect(carrierName.length).toBeGreaterThan(0);
  return rest;
}

export function describeCarrierPortContract(name: string, createFixture: (dataset: DemoDataset) => Promise<CarrierPortFixture>): void {
  describe(`CarrierPort contract: ${name}`, () => {
    const dataset = generateDemoDataset(CARRIER_CONTRACT_DATASET_SIZE);
    let fixture: CarrierPortFixture;
    let carrier: CarrierPort;

    beforeAll(async () => {
      fixture = await createFixture(dataset);
      carrier = fixture.port;
    });
    afterAll(async () => {
      await fixture?.close();
    });

    const shipmentsOf = (orderId: string) => dataset.shipments.filter((s) => s.orderId === orderId);
    const twoParcelOrder = () => dataset.orders.find((o) => shipmentsOf(o.id).length === 2)!;
    const unshippedOrder = () => dataset.orders.find((o) => shipmentsOf(o.id).length === 0)!;

    describe('findShipmentsByIds', () => {
      it('returns the shipments aligned with the ids, null for an unknown id, repeats included', async () => {
        const [a, b] = [dataset.shipments[0]!, dataset.shipments[7]!];
        const found = await carrier.findShipmentsByIds([b.id, 'SH-UNKNOWN', a.id, b.id]);
        expect(found.map(withoutName)).toEqual([expectedShipment(b), null, expectedShipment(a), expectedShipment(b)]);
      });

      it('maps status, dates and origin of every shipment', async () => {
        const found = await carrier.findShipmentsByIds(dataset.shipments.map((s) => s.id));
        expect(found.map(withoutName)).toEqual(dataset.shipments.map(expectedShipment));
        expect(new Set(found.map((s) => s!.status))).toEqual(new Set(dataset.shipments.map((s) => s.status)));
      });

      it('answers an empty batch with an empty list', async () => {
        await expect(carrier.findShipmentsByIds([])).resolves.toEqual([]);
      });
    });

    describe('findShipmentsByOrderIds', () => {
      it("returns each order's shipments oldest first, an empty list for an order not shipped, aligned", async () => {
        const two = twoParcelOrder();
        const none = unshippedOrder();
        const [parcels, nothing, unknown] = await carrier.findShipmentsByOrderIds([two.id, none.id, 'SO-UNKNOWN']);
        const want = shipmentsOf(two.id).sort((a, b) => a.shippedAt.getTime() - b.shippedAt.getTime() || a.id.localeCompare(b.id));
        expect(parcels!.map(withoutName)).toEqual(want.map(expectedShipment));
        expect(nothing).toEqual([]);
        expect(unknown).toEqual([]);
      });

      it('answers many orders at once', async () => {
        const orderIds = dataset.orders.map((o) => o.id);
        const lists = await carrier.findShipmentsByOrderIds(orderIds);
        expect(lists.length).toBe(orderIds.length);
        expect(lists.flat().length).toBe(dataset.shipments.length);
        lists.forEach((list, i) => expect(list.every((s) => s.orderId === orderIds[i])).toBe(true));
      });
    });

    describe('findTrackingEventsByShipmentIds', () => {
      it('returns the tracking events of each shipment oldest first, aligned', async () => {
        const delivered = dataset.shipments.find((s) => s.status === 'DELIVERED')!;
        const moving = dataset.shipments.find((s) => s.status === 'IN_TRANSIT')!;
        const [a, unknown, b] = await carrier.findTrackingEventsByShipmentIds([delivered.id, 'SH-UNKNOWN', moving.id]);
        const expectEvents = (s: DemoShipment) =>
          [...s.events].sort((x, y) => x.at.getTime() - y.at.getTime()).map((e) => ({ shipmentId: s.id, at: e.at, status: e.status, location: e.location, description: e.description }));
        expect(a).toEqual(expectEvents(delivered));
        expect(a!.at(-1)!.status).toBe('DELIVERED');
        expect(unknown).toEqual([]);
        expect(b).toEqual(expectEvents(moving));
      });
    });

    describe('findShipmentByTrackingNumber', () => {
      it('finds a shipment by its tracking number, null for an unknown one', async () => {
        const s = dataset.shipments[3]!;
        expect(withoutName(await carrier.findShipmentByTrackingNumber(s.trackingNumber))).toEqual(expectedShipment(s));
        await expect(carrier.findShipmentByTrackingNumber('1Z-NOT-A-PARCEL')).resolves.toBeNull();
      });
    });
  });
}
