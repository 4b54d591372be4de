// erp's orderUpdated over real sockets: order.updated events from the bus, filtered by order or by
// customer (through the hub's identity links, as the ERP maps customers), each carrying the order as
// the ERP database holds it when the event is heard.
import type { ErpTables } from '../../adapters/erp/sql/erp-tables';
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { openDatabase, type Database } from '../../adapters/sql/database';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { seedErp } from '../../demo/seed/seed-erp';
import { seedHub } from '../../demo/seed/seed-hub';
import { silentLogger } from '../../lib/logger';
import { startErpService } from '../../subgraphs/erp/service';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { createTestDatabase, type TestDatabase } from '../support/test-databases';
import { CountingEventBus } from './support/counting-event-bus';
import { refusal, subscribe, TRANSPORTS, unsubscribeAll, type Transport } from './support/subscription-clients';

const dataset = generateDemoDataset({ customers: 6, products: 20, orders: 40 });
const [customerA, customerB] = dataset.customers;
const ordersOf = (customerId: string) => dataset.orders.filter((o) => o.customerId === customerId);
const orderNo = (orderId: string) => Number(orderId.slice(3));

const ORDER_UPDATED = `subscription ($orderId: ID, $customerId: ID) {
  orderUpdated(orderId: $orderId, customerId: $customerId) {
    orderId change occurredAt
    order { id number status total { cents } lines { lineNumber } customer { id } }
  }
}`;

describe('erp orderUpdated', () => {
  let erpDb: TestDatabase;
  let hubDb: TestDatabase;
  let erp: Database<ErpTables>;
  const bus = new CountingEventBus();
  let service: RunningService;

  const setStatus = (orderId: string, letter: string) => erp.db.updateTable('ORDHDR').set({ ORD_STS: letter }).where('ORD_NO', '=', orderNo(orderId)).execute();

  beforeAll(async () => {
    [erpDb, hubDb] = await Promise.all([createTestDatabase('sqlite', 'erp_subscriptions'), createTestDatabase('sqlite', 'erp_subscriptions_hub')]);
    erp = openDatabase<ErpTables>(erpDb.url);
    await seedErp(erp.db, dataset);
    const hub = await openHubStore(hubDb.url);
    await seedHub(hub, dataset);
    await hub.close();
    service = await startErpService({ erpDatabaseUrl: erpDb.url, hubDatabaseUrl: hubDb.url, port: 0, host: '127.0.0.1', log: silentLogger, eventBus: bus });
  });
  afterAll(async () => {
    unsubscribeAll();
    await service?.close();
    await erp?.close();
    await bus.close();
    await Promise.all([erpDb?.drop(), hubDb?.drop()]);
  });
  afterEach(async () => {
    await bus.waitForHandlers('order.updated', 0);
  });

  describe.each(TRANSPORTS)('over %s', (transport: Transport) => {
    it('delivers the watched order as the ERP holds it now, skips other orders, and releases the bus on unsubscribe', async () => {
      const [watched, other] = ordersOf(customerA!.id);
      const sub = subscribe(transport, service.endpoint, { query: ORDER_UPDATED, variables: { orderId: watched!.id } });
      await bus.waitForHandlers('order.updated', 1);
      await setStatus(watched!.id, 'X');
      await bus.emit('order.updated', { orderId: other!.id, accountNumber: other!.accountNumber, customerId: customerA!.id, change: 'updated' });
      await bus.emit('order.updated', { orderId: watched!.id, accountNumber: watched!.accountNumber, customerId: null, change: 'updated' }, new Date('2026-11-23T10:00:00Z'));
      const { data, errors } = await sub.next();
      expect(errors).toBeUndefined();
      expect(data!.orderUpdated).toEqual({
        orderId: watched!.id,
        change: 'UPDATED',
        occurredAt: '2026-11-23T10:00:00.000Z',
        order: {
          id: watched!.id,
          number: watched!.number,
          status: 'CANCELLED',
          total: { cents: watched!.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0) },
          lines: watched!.lines.map((l) => ({ lineNumber: l.lineNumber })),
          customer: { id: customerA!.id },
        },
      });
      await sub.expectNothing();
      sub.unsubscribe();
      await bus.waitForHandlers('order.updated', 0);
    });

    it('refuses an unknown order with NOT_FOUND and subscribes to nothing', async () => {
      const errors = await refusal(subscribe(transport, service.endpoint, { query: ORDER_UPDATED, variables: { orderId: 'SO-9999999' } }));
      expect(errors).toEqual([expect.objectContaining({ message: 'Order "SO-9999999" was not found', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
      expect(bus.handlers('order.updated')).toBe(0);
    });
  });

  it("hears one customer's orders however the event names them: by customer, by ERP account, or by the order alone", async () => {
    const [byCustomer, byAccount, byOrderOnly] = ordersOf(customerA!.id);
    const strangers = ordersOf(customerB!.id);
    const sub = subscribe('graphql-ws', service.endpoint, { query: ORDER_UPDATED, variables: { customerId: customerA!.id } });
    await bus.waitForHandlers('order.updated', 1);
    await bus.emit('order.updated', { orderId: strangers[0]!.id, accountNumber: strangers[0]!.accountNumber, customerId: null, change: 'updated' });
    await bus.emit('order.updated', { orderId: strangers[1]!.id, accountNumber: null, customerId: null, change: 'created' });
    await bus.emit('order.updated', { orderId: byCustomer!.id, accountNumber: null, customerId: customerA!.id, change: 'updated' });
    await bus.emit('order.updated', { orderId: byAccount!.id, accountNumber: byAccount!.accountNumber, customerId: null, change: 'updated' });
    await bus.emit('order.updated', { orderId: byOrderOnly!.id, accountNumber: null, customerId: null, change: 'created' });
    const heard = [await sub.next(), await sub.next(), await sub.next()].map((r) => [r.data!.orderUpdated.orderId, r.data!.orderUpdated.change]);
    expect(heard).toEqual([
      [byCustomer!.id, 'UPDATED'],
      [byAccount!.id, 'UPDATED'],
      [byOrderOnly!.id, 'CREATED'],
    ]);
    await sub.expectNothing();
    sub.unsubscribe();
  });

  it('tells a deleted order by its change, with no order, still filtered by its customer', async () => {
    const deleted = ordersOf(customerA!.id)[3]!;
    const sub = subscribe('sse', service.endpoint, { query: ORDER_UPDATED, variables: { customerId: customerA!.id, orderId: deleted.id } });
    await bus.waitForHandlers('order.updated', 1);
    await erp.db.deleteFrom('ORDLIN').where('ORD_NO', '=', orderNo(deleted.id)).execute();
    await erp.db.deleteFrom('ORDHDR').where('ORD_NO', '=', orderNo(deleted.id)).execute();
    await bus.emit('order.updated', { orderId: deleted.id, accountNumber: deleted.accountNumber, customerId: null, change: 'deleted' });
    expect((await sub.next()).data!.orderUpdated).toMatchObject({ orderId: deleted.id, change: 'DELETED', order: null });
    sub.unsubscribe();
  });

  it('refuses an empty id with BAD_USER_INPUT', async () => {
    const errors = await refusal(subscribe('graphql-ws', service.endpoint, { query: ORDER_UPDATED, variables: { customerId: '  ' } }));
    expect(errors).toEqual([expect.objectContaining({ message: 'customerId must be an id of 1 to 64 characters', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'customerId' }) })]);
    expect(bus.handlers('order.updated')).toBe(0);
  });

  it('closes with subscriptions open: clients see the end, the bus subscriptions are released', async () => {
    const own = new CountingEventBus();
    const other = await startErpService({ erpDatabaseUrl: erpDb.url, hubDatabaseUrl: hubDb.url, port: 0, host: '127.0.0.1', log: silentLogger, eventBus: own });
    const subs = TRANSPORTS.map((transport) => subscribe(transport, other.endpoint, { query: ORDER_UPDATED }));
    await own.waitForHandlers('order.updated', subs.length);
    await other.close();
    expect(own.handlers('order.updated')).toBe(0);
    await Promise.all(subs.map((sub) => sub.ended));
    await own.close();
  });
});
