// The ERP SQL adapter against the embedded database and MariaDB: the shared port contract, plus
// what only a SQL adapter promises (one statement per batch, the legacy row formats).
import { sql } from 'kysely';
import { describeErpPortContract, erpContractDataset } from '../../adapters/erp/erp-port-contract';
import { ErpSqlAdapter } from '../../adapters/erp/sql/erp-sql-adapter';
import type { ErpTables } from '../../adapters/erp/sql/erp-tables';
import { openErpSql } from '../../adapters/erp/sql/open-erp-sql';
import { openDatabase, StatementCounter, type Database } from '../../adapters/sql/database';
import { UpstreamUnavailableError } from '../../lib/errors';
import { seedErp } from '../../demo/seed/seed-erp';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

for (const dialect of TEST_DIALECTS) {
  describeErpPortContract(`SQL on ${dialect}`, async (dataset) => {
    const testDb = await createTestDatabase(dialect, 'erp_contract');
    const database = openDatabase<ErpTables>(testDb.url);
    await seedErp(database.db, dataset);
    return {
      port: new ErpSqlAdapter(database.db),
      close: async () => {
        await database.close();
        await testDb.drop();
      },
    };
  });

  describe(`ERP SQL adapter on ${dialect}`, () => {
    const dataset = erpContractDataset();
    const counter = new StatementCounter(true);
    let testDb: TestDatabase;
    let database: Database<ErpTables>;
    let erp: ErpSqlAdapter;

    beforeAll(async () => {
      testDb = await createTestDatabase(dialect, 'erp');
      database = openDatabase<ErpTables>(testDb.url, { observer: counter });
      await seedErp(database.db, dataset);
      erp = new ErpSqlAdapter(database.db);
    });
    afterAll(async () => {
      await database?.close();
      await testDb?.drop();
    });
    beforeEach(() => counter.reset());

    it('reads every batch with one SQL statement, whatever the batch size', async () => {
      const skus = dataset.products.map((p) => p.sku);
      const orderIds = dataset.orders.map((o) => o.id);
      const accounts = dataset.customers.map((c) => c.accountNumber);
      const calls: [string, () => Promise<unknown>][] = [
        ['products', () => erp.findProductsBySkus(skus)],
        ['orders', () => erp.findOrdersByIds(orderIds)],
        ['orders by account', () => erp.findOrdersByAccountNumbers(accounts, { first: 5 })],
        ['lines', () => erp.findLinesByOrderIds(orderIds)],
        ['credit', () => erp.findCreditAccountsByAccountNumbers(accounts)],
        ['product page', () => erp.listProducts({ first: 10, category: 'Audio' })],
      ];
      for (const [name, call] of calls) {
        counter.reset();
        await call();
        expect({ name, statements: counter.count }).toEqual({ name, statements: 1 });
      }
    });

    it('issues no statement for an empty batch or one of ids the ERP could not have issued', async () => {
      await erp.findProductsBySkus([]);
      expect(await erp.findOrdersByIds(['x', 'SO-12'])).toEqual([null, null]);
      expect(await erp.findLinesByOrderIds(['x'])).toEqual([[]]);
      await erp.findOrdersByAccountNumbers(['A100001'], { first: 0 });
      expect(counter.count).toBe(0);
    });

    it('keeps the legacy formats in the tables: coded status and channel, YYYYMMDD dates, DECIMAL amounts', async () => {
      const order = dataset.orders.find((o) => o.status === 'PARTIALLY_SHIPPED')!;
      const row = await database.db.selectFrom('ORDHDR').selectAll().where('ORD_NO', '=', Number(order.number)).executeTakeFirstOrThrow();
      const iso = order.placedAt.toISOString();
      expect(row.ORD_STS).toBe('P');
      expect(row.ORD_DT).toBe(iso.slice(0, 10).replace(/-/g, ''));
      expect(row.ORD_TM).toBe(iso.slice(11, 19).replace(/:/g, ''));
      expect(['WB', 'MB', 'CC', 'PT']).toContain(row.CHNL_CD);
      const item = await database.db.selectFrom('ITMMST').select('UNT_PRC').where('ITM_NO', '=', dataset.products[0]!.sku).executeTakeFirstOrThrow();
      expect(Number(item.UNT_PRC)).toBeCloseTo(dataset.products[0]!.priceCents / 100, 2);
    });

    it('reads credit used as the open (not backordered) orders of the account', async () => {
      const customer = dataset.customers.find((c) => dataset.orders.some((o) => o.accountNumber === c.accountNumber && o.status === 'OPEN'))!;
      const used = dataset.orders
        .filter((o) => o.accountNumber === customer.accountNumber && ['OPEN', 'CONFIRMED', 'PARTIALLY_SHIPPED'].includes(o.status))
        .reduce((sum, o) => sum + o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0), 0);
      const [account] = await erp.findCreditAccountsByAccountNumbers([customer.accountNumber]);
      expect(account!.usedCents).toBe(used);
    });

    it('treats an account without a credit line as having no credit account', async () => {
      await database.db.insertInto('CUSACT').values({ ACCT_NO: 'A-CASH', ACCT_NM: 'CASH, ONLY', OPN_DT: '20200101', CR_LMT: null, CR_USD: '0', CUR_CD: 'USD' }).execute();
      expect(await erp.findCreditAccountsByAccountNumbers(['A-CASH'])).toEqual([null]);
    });

    it('seeds only once: a second seed leaves the tables as they are', async () => {
      const count = async () => (await sql<{ n: number }>`select count(*) as n from ORDLIN`.execute(database.db)).rows[0]!.n;
      const before = Number(await count());
      expect(await seedErp(database.db, dataset)).toBe(false);
      expect(Number(await count())).toBe(before);
      expect(before).toBe(dataset.orders.reduce((n, o) => n + o.lines.length, 0));
    });
  });
}

describe('ERP SQL adapter when the database is unreachable', () => {
  it('reports the ERP as unavailable, keeping the driver error as the cause', async () => {
    const database = openDatabase<ErpTables>('mysql://root@127.0.0.1:1/erp', { poolSize: 1 });
    try {
      const erp = new ErpSqlAdapter(database.db);
      const failure = await erp.findProductsBySkus(['SKU-00001']).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(UpstreamUnavailableError);
      expect((failure as UpstreamUnavailableError).system).toBe('erp');
      expect((failure as Error).cause).toBeDefined();
    } finally {
      await database.close();
    }
  });

  it('refuses to open when the database cannot be migrated', async () => {
    await expect(openErpSql('mysql://root@127.0.0.1:1/erp')).rejects.toThrow(/migration of the erp store failed/);
  });
});
