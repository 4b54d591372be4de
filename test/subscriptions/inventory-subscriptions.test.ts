// inventory's stockChanged over real sockets: graphql-ws and SSE clients hear stock.changed events
// from the bus, each carrying the level as the warehouse database holds it when the event is heard.
import type { Kysely } from 'kysely';
import type { InventoryTables } from '../../adapters/inventory/sql/inventory-tables';
import { openDatabase, type Database } from '../../adapters/sql/database';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { seedInventory } from '../../demo/seed/seed-inventory';
import { silentLogger } from '../../lib/logger';
import { startInventoryService } from '../../subgraphs/inventory/service';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { createTestDatabase, type TestDatabase } from '../support/test-databases';
import { CountingEventBus } from './support/counting-event-bus';
import { refusal, subscribe, TRANSPORTS, unsubscribeAll, type Transport } from './support/subscription-clients';

const dataset = generateDemoDataset({ customers: 5, products: 20, orders: 5 });
const [first, second] = dataset.stock;

const STOCK_CHANGED = `subscription ($skus: [ID!]) {
  stockChanged(skus: $skus) { sku onHand reserved available incoming { quantity } product { sku } center { code name } }
}`;

describe('inventory stockChanged', () => {
  let database: TestDatabase;
  let warehouse: Database<InventoryTables>;
  let db: Kysely<InventoryTables>;
  const bus = new CountingEventBus();
  let service: RunningService;

  const setStock = (sku: string, centerCode: string, onHand: number, reserved: number) =>
    db.updateTable('STKBAL').set({ QOH: onHand, QRSV: reserved }).where('ITM_NO', '=', sku).where('WHS_CD', '=', centerCode).execute();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', 'inventory_subscriptions');
    warehouse = openDatabase<InventoryTables>(database.url);
    db = warehouse.db;
    await seedInventory(db, dataset);
    service = await startInventoryService({ inventoryDatabaseUrl: database.url, port: 0, host: '127.0.0.1', log: silentLogger, eventBus: bus });
  });
  afterAll(async () => {
    unsubscribeAll();
    await service?.close();
    await warehouse?.close();
    await bus.close();
    await database?.drop();
  });
  afterEach(async () => {
    await bus.waitForHandlers('stock.changed', 0);
  });

  describe.each(TRANSPORTS)('over %s', (transport: Transport) => {
    it('delivers the level of a watched SKU as the database holds it, skips other SKUs, and releases the bus on unsubscribe', async () => {
      const sub = subscribe(transport, service.endpoint, { query: STOCK_CHANGED, variables: { skus: [first!.sku] } });
      await bus.waitForHandlers('stock.changed', 1);
      await setStock(first!.sku, first!.centerCode, 41, 5);
      await bus.emit('stock.changed', { sku: second!.sku === first!.sku ? 'SKU-OTHER' : second!.sku, centerCode: first!.centerCode });
      await bus.emit('stock.changed', { sku: first!.sku, centerCode: first!.centerCode });
      const { data, errors } = await sub.next();
      expect(errors).toBeUndefined();
      const center = dataset.centers.find((c) => c.code === first!.centerCode)!;
      expect(data!.stockChanged).toMatchObject({ sku: first!.sku, onHand: 41, reserved: 5, available: 36, product: { sku: first!.sku }, center: { code: center.code, name: center.name } });
      await sub.expectNothing();
      sub.unsubscribe();
      await bus.waitForHandlers('stock.changed', 0);
    });

    it('refuses an empty SKU list with a clear error and subscribes to nothing', async () => {
      const errors = await refusal(subscribe(transport, service.endpoint, { query: STOCK_CHANGED, variables: { skus: [] } }));
      expect(errors).toEqual([expect.objectContaining({ message: 'skus must name at least one SKU; leave it out to hear every SKU', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })]);
      expect(bus.handlers('stock.changed')).toBe(0);
    });
  });

  it('hears every SKU without a filter, and reports a level removed from the database as empty', async () => {
    const sub = subscribe('graphql-ws', service.endpoint, { query: STOCK_CHANGED });
    await bus.waitForHandlers('stock.changed', 1);
    await db.deleteFrom('STKBAL').where('ITM_NO', '=', second!.sku).where('WHS_CD', '=', second!.centerCode).execute();
    await db.deleteFrom('POINC').where('ITM_NO', '=', second!.sku).where('WHS_CD', '=', second!.centerCode).execute();
    await bus.emit('stock.changed', { sku: second!.sku, centerCode: second!.centerCode });
    expect((await sub.next()).data!.stockChanged).toMatchObject({ sku: second!.sku, onHand: 0, reserved: 0, available: 0, incoming: [], center: { code: second!.centerCode } });
    sub.unsubscribe();
  });

  it('resolves every event with current data, nested fields included (no cache carried from one event to the next)', async () => {
    const sub = subscribe('sse', service.endpoint, { query: STOCK_CHANGED, variables: { skus: [first!.sku] } });
    await bus.waitForHandlers('stock.changed', 1);
    await bus.emit('stock.changed', { sku: first!.sku, centerCode: first!.centerCode });
    const before = (await sub.next()).data!.stockChanged;
    await db.updateTable('WHSMST').set({ WHS_NM: 'Renamed centre' }).where('WHS_CD', '=', first!.centerCode).execute();
    await setStock(first!.sku, first!.centerCode, 7, 7);
    await bus.emit('stock.changed', { sku: first!.sku, centerCode: first!.centerCode });
    const after = (await sub.next()).data!.stockChanged;
    expect(before.center.name).not.toBe('Renamed centre');
    expect(after).toMatchObject({ onHand: 7, reserved: 7, available: 0, center: { name: 'Renamed centre' } });
    sub.unsubscribe();
  });

  it('refuses more than 200 SKUs and an empty SKU', async () => {
    const tooMany = Array.from({ length: 201 }, (_, i) => `SKU-${i}`);
    expect(await refusal(subscribe('graphql-ws', service.endpoint, { query: STOCK_CHANGED, variables: { skus: tooMany } }))).toEqual([
      expect.objectContaining({ message: 'skus may hold at most 200 values', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'skus' }) }),
    ]);
    expect((await refusal(subscribe('sse', service.endpoint, { query: STOCK_CHANGED, variables: { skus: [' '] } })))[0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bus.handlers('stock.changed')).toBe(0);
  });

  it('closes with subscriptions open: its clients see the end and its bus subscriptions go, while other services on the shared bus keep theirs', async () => {
    const other = await startInventoryService({ inventoryDatabaseUrl: database.url, port: 0, host: '127.0.0.1', log: silentLogger, eventBus: bus });
    const kept = subscribe('graphql-ws', service.endpoint, { query: STOCK_CHANGED });
    const closing = TRANSPORTS.map((transport) => subscribe(transport, other.endpoint, { query: STOCK_CHANGED }));
    await bus.waitForHandlers('stock.changed', 1 + closing.length);
    await other.close();
    expect(bus.handlers('stock.changed')).toBe(1);
    await Promise.all(closing.map((sub) => sub.ended));
    await bus.emit('stock.changed', { sku: first!.sku, centerCode: first!.centerCode });
    expect((await kept.next()).data!.stockChanged.sku).toBe(first!.sku);
    kept.unsubscribe();
  });
});
