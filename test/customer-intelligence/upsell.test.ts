// Upsell through the gateway, on the embedded database and MariaDB: Product.alsoBought and
// Customer.recommendations from the ERP's order history (item-to-item cosine similarity), only
// products in stock in the warehouse system, never what the customer already bought, and kept
// current as orders arrive (an order inserted straight into the ERP shows after order.updated).
import type { Kysely } from 'kysely';
import type { ErpTables } from '../../adapters/erp/sql/erp-tables';
import type { InventoryTables } from '../../adapters/inventory/sql/inventory-tables';
import { openDatabase, type Database } from '../../adapters/sql/database';
import { TEST_DIALECTS } from '../support/test-databases';
import { startTestHub, type TestHub } from '../support/test-hub';

const ALSO_BOUGHT = `query($sku: ID!, $first: Int!) { product(sku: $sku) { sku alsoBought(first: $first) { sku name availability { inStock } } } }`;
const RECOMMENDATIONS = `query($id: ID!, $first: Int!) { customer(id: $id) { id recommendations(first: $first) { sku availability { inStock } } } }`;

type Sku = { sku: string; name?: string; availability: { inStock: boolean } | null };

describe.each(TEST_DIALECTS)('upsell through the gateway on %s', (dialect) => {
  let t: TestHub;
  let erp: Database<ErpTables>;
  let inventory: Database<InventoryTables>;
  let orderNo = 9_000_000;

  async function placeOrder(db: Kysely<ErpTables>, account: string, skus: string[]) {
    orderNo += 1;
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('ORDHDR').values({ ORD_NO: orderNo, ACCT_NO: account, ORD_DT: '20261101', ORD_TM: '120000', ORD_STS: 'O', CHNL_CD: 'WB', PTN_CD: null, ORD_TOT: `${skus.length * 10}.00`, CUR_CD: 'USD' }).execute();
      await trx.insertInto('ORDLIN').values(skus.map((sku, i) => ({ ORD_NO: orderNo, LIN_NO: i + 1, ITM_NO: sku, ORD_QTY: 1, UNT_PRC: '10.00', CUR_CD: 'USD' }))).execute();
    });
  }

  beforeAll(async () => {
    t = await startTestHub(dialect);
    erp = openDatabase<ErpTables>(t.config.databases.erp as never);
    inventory = openDatabase<InventoryTables>(t.config.databases.inventory as never);
    // A small world of its own next to the demo one: five products, six accounts.
    await erp.db.insertInto('ITMMST').values(['A', 'B', 'C', 'D', 'E'].map((x) => ({ ITM_NO: `TST-${x}`, ITM_DSC: `Test product ${x}`, ITM_LDSC: null, CAT_CD: 'TEST', UNT_PRC: '10.00', CUR_CD: 'USD' }))).execute();
    await erp.db.insertInto('CUSACT').values([1, 2, 3, 4, 5, 6].map((n) => ({ ACCT_NO: `T90000${n}`, ACCT_NM: `TEST, ${n}`, OPN_DT: '20260101', CR_LMT: null, CR_USD: '0.00', CUR_CD: 'USD' }))).execute();
    const center = t.dataset.centers[0].code;
    // TST-D sells well but is out of stock.
    await inventory.db.insertInto('STKBAL').values(Object.entries({ A: 5, B: 10, C: 3, D: 0, E: 7 }).map(([x, qoh]) => ({ WHS_CD: center, ITM_NO: `TST-${x}`, QOH: qoh, QRSV: 0, LST_CNT_DT: null }))).execute();
    await placeOrder(erp.db, 'T900001', ['TST-A']);
    await placeOrder(erp.db, 'T900002', ['TST-A', 'TST-B']);
    await placeOrder(erp.db, 'T900003', ['TST-A', 'TST-B']);
    await placeOrder(erp.db, 'T900004', ['TST-A', 'TST-B', 'TST-D']);
    await placeOrder(erp.db, 'T900005', ['TST-A', 'TST-C', 'TST-D']);
  }, 120_000);
  afterAll(async () => {
    await erp?.close();
    await inventory?.close();
    await t?.close();
  });

  const alsoBought = async (sku: string, first: number) => {
    const res = await t.query<{ product: { alsoBought: Sku[] } }>(ALSO_BOUGHT, { sku, first });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.product.alsoBought;
  };

  it('answers the products bought together, best first, in stock only', async () => {
    // cos(A,B) = 3/sqrt(5·3) > cos(A,D) = 2/sqrt(5·2) (out of stock) > cos(A,C) = 1/sqrt(5)
    const together = await alsoBought('TST-A', 5);
    expect(together).toEqual([
      { sku: 'TST-B', name: 'Test product B', availability: { inStock: true } },
      { sku: 'TST-C', name: 'Test product C', availability: { inStock: true } },
    ]);
    expect((await alsoBought('TST-A', 1)).map((p) => p.sku)).toEqual(['TST-B']);
    expect(await alsoBought('TST-E', 5)).toEqual([]);
    const tooMany = await t.query(ALSO_BOUGHT, { sku: 'TST-A', first: 1000 });
    expect(tooMany.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('recommends to a customer what is similar to its purchases, never what it bought, in stock only', async () => {
    const c = t.dataset.customers[7];
    const link = await t.query(`mutation($id: ID!) { linkIdentity(customerId: $id, namespace: ERP, value: "T900001", source: "ERP") { id } }`, { id: c.id });
    expect(link.body.errors).toBeUndefined();
    const res = await t.query<{ customer: { recommendations: Sku[] } }>(RECOMMENDATIONS, { id: c.id, first: 100 });
    expect(res.body.errors).toBeUndefined();
    const recs = res.body.data!.customer.recommendations.map((p) => p.sku);
    const owned = new Set([...t.dataset.orders.filter((o) => o.accountNumber === c.accountNumber && o.status !== 'CANCELLED').flatMap((o) => o.lines.map((l) => l.sku)), 'TST-A']);
    expect(recs.length).toBeGreaterThan(2);
    expect(recs.filter((sku) => owned.has(sku))).toEqual([]);
    expect(new Set(recs).size).toBe(recs.length);
    expect(res.body.data!.customer.recommendations.every((p) => p.availability?.inStock === true)).toBe(true);
    expect(recs).not.toContain('TST-D');
    expect(recs.indexOf('TST-B')).toBeGreaterThanOrEqual(0);
    expect(recs.indexOf('TST-B')).toBeLessThan(recs.indexOf('TST-C'));

    const few = await t.query<{ customer: { recommendations: Sku[] } }>(RECOMMENDATIONS, { id: c.id, first: 3 });
    expect(few.body.data!.customer.recommendations.map((p) => p.sku)).toEqual(recs.slice(0, 3));
  });

  it('takes a new order into account once the ERP reports it (order.updated)', async () => {
    // The model is built (and cached) before the order arrives.
    expect((await alsoBought('TST-A', 5)).map((p) => p.sku)).toEqual(['TST-B', 'TST-C']);
    await placeOrder(erp.db, 'T900006', ['TST-A', 'TST-E']);
    // cos(A,B) = 3/sqrt(6·3); cos(A,C) = cos(A,E) = 1/sqrt(6), equal scores by SKU.
    const deadline = Date.now() + 10_000;
    let skus: string[] = [];
    while (Date.now() < deadline) {
      skus = (await alsoBought('TST-A', 5)).map((p) => p.sku);
      if (skus.includes('TST-E')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(skus).toEqual(['TST-B', 'TST-C', 'TST-E']);
  });
});
