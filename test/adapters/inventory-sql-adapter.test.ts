// The inventory SQL adapter against the embedded database and MariaDB: the shared port contract,
// plus what only a SQL adapter promises (one statement per batch, the legacy purchase-order rules).
import { describeInventoryPortContract, inventoryContractDataset } from '../../adapters/inventory/inventory-port-contract';
import { InventorySqlAdapter } from '../../adapters/inventory/sql/inventory-sql-adapter';
import type { InventoryTables } from '../../adapters/inventory/sql/inventory-tables';
import { openDatabase, StatementCounter, type Database } from '../../adapters/sql/database';
import { UpstreamUnavailableError } from '../../lib/errors';
import { seedInventory } from '../../demo/seed/seed-inventory';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

for (const dialect of TEST_DIALECTS) {
  describeInventoryPortContract(`SQL on ${dialect}`, async (dataset) => {
    const testDb = await createTestDatabase(dialect, 'inventory_contract');
    const database = openDatabase<InventoryTables>(testDb.url);
    await seedInventory(database.db, dataset);
    return {
      port: new InventorySqlAdapter(database.db),
      close: async () => {
        await database.close();
        await testDb.drop();
      },
    };
  });

  describe(`inventory SQL adapter on ${dialect}`, () => {
    const dataset = inventoryContractDataset();
    const counter = new StatementCounter(true);
    let testDb: TestDatabase;
    let database: Database<InventoryTables>;
    let inventory: InventorySqlAdapter;

    beforeAll(async () => {
      testDb = await createTestDatabase(dialect, 'inventory');
      database = openDatabase<InventoryTables>(testDb.url, { observer: counter });
      await seedInventory(database.db, dataset);
      inventory = new InventorySqlAdapter(database.db);
    });
    afterAll(async () => {
      await database?.close();
      await testDb?.drop();
    });
    beforeEach(() => counter.reset());

    it('reads every batch with one SQL statement, whatever the batch size', async () => {
      const skus = dataset.products.map((p) => p.sku);
      const codes = dataset.centers.map((c) => c.code);
      const calls: [string, () => Promise<unknown>][] = [
        ['centres', () => inventory.listCenters()],
        ['centres by code', () => inventory.findCentersByCodes(codes)],
        ['stock by sku', () => inventory.findStockBySkus(skus)],
        ['stock by centre', () => inventory.findStockByCenterCodes(codes, { first: 20 })],
      ];
      for (const [name, call] of calls) {
        counter.reset();
        await call();
        expect({ name, statements: counter.count }).toEqual({ name, statements: 1 });
      }
      counter.reset();
      await inventory.findStockBySkus([]);
      await inventory.findStockByCenterCodes(codes, { first: 0 });
      expect(counter.count).toBe(0);
    });

    it('counts only what is still to come on open purchase-order lines', async () => {
      const sku = 'SKU-PO-TEST';
      await database.db
        .insertInto('POINC')
        .values([
          { PO_NO: 900001, PO_LIN: 1, WHS_CD: 'DC-ATL', ITM_NO: sku, ORD_QTY: 50, RCV_QTY: 20, EXP_DT: '20260210', PO_STS: 'O' },
          { PO_NO: 900001, PO_LIN: 2, WHS_CD: 'DC-ATL', ITM_NO: sku, ORD_QTY: 10, RCV_QTY: 10, EXP_DT: '20260205', PO_STS: 'O' },
          { PO_NO: 900002, PO_LIN: 1, WHS_CD: 'DC-ATL', ITM_NO: sku, ORD_QTY: 30, RCV_QTY: 30, EXP_DT: '20260201', PO_STS: 'C' },
          { PO_NO: 900003, PO_LIN: 1, WHS_CD: 'DC-CHI', ITM_NO: sku, ORD_QTY: 40, RCV_QTY: 0, EXP_DT: '20260203', PO_STS: 'X' },
        ])
        .execute();
      expect(await inventory.findStockBySkus([sku])).toEqual([
        [{ sku, centerCode: 'DC-ATL', onHand: 0, reserved: 0, available: 0, incoming: [{ quantity: 30, expectedAt: new Date('2026-02-10T00:00:00Z') }] }],
      ]);
    });

    it('seeds only once: a second seed leaves the tables as they are', async () => {
      const before = await database.db.selectFrom('STKBAL').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(await seedInventory(database.db, dataset)).toBe(false);
      const after = await database.db.selectFrom('STKBAL').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      expect(Number(before.n)).toBe(dataset.stock.length);
    });
  });
}

describe('inventory SQL adapter when the database is unreachable', () => {
  it('reports the inventory as unavailable, keeping the driver error as the cause', async () => {
    const database = openDatabase<InventoryTables>('mysql://root@127.0.0.1:1/inventory', { poolSize: 1 });
    try {
      const failure = await new InventorySqlAdapter(database.db).listCenters().catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(UpstreamUnavailableError);
      expect((failure as UpstreamUnavailableError).system).toBe('inventory');
      expect((failure as Error).cause).toBeDefined();
    } finally {
      await database.close();
    }
  });
});
