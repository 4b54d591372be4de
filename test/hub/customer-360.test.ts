// The foundation's promise end to end: one gateway query joins all five legacy systems, and the
// work it causes (SQL statements, legacy HTTP calls) does not grow with the number of customers.
import { TEST_DIALECTS } from '../support/test-databases';
import { startTestHub, type TestHub } from '../support/test-hub';
import { CUSTOMER_360 } from './customer-360.graphql';

interface C360 {
  customers: ({
    id: string;
    identities: { namespace: string; value: string }[];
    interactions: unknown[];
    creditAccount: { accountNumber: string } | null;
    orders: { id: string; lines: { product: { name: string; availability: { byCenter: { center: { code: string } }[] } } }[]; shipments: { trackingNumber: string }[] }[];
    socialProfiles: { handle: string }[];
    mentions: unknown[];
  } | null)[];
}

describe.each(TEST_DIALECTS)('Customer-360 through the gateway on %s', (dialect) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(dialect);
  }, 120_000);
  afterAll(async () => t?.close());

  const idsOf = (n: number) => t.dataset.customers.slice(0, n).map((c) => c.id);

  async function measure(ids: string[]) {
    t.statements.reset();
    t.httpCalls.count = 0;
    t.httpCalls.paths.length = 0;
    const res = await t.query<C360>(CUSTOMER_360, { ids });
    return { res, statements: t.statements.count, http: t.httpCalls.count, paths: [...t.httpCalls.paths].sort() };
  }

  it('returns data from all five subgraphs for every customer', async () => {
    const { res } = await measure(idsOf(50));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const customers = res.body.data!.customers;
    expect(customers).toHaveLength(50);
    expect(customers.every((c) => c !== null)).toBe(true);
    const all = customers as NonNullable<C360['customers'][number]>[];
    // CRM (and the hub's identity links), ERP, inventory, shipping, social:
    expect(all.every((c) => c.identities.some((i) => i.namespace === 'ERP'))).toBe(true);
    expect(all.some((c) => c.interactions.length > 0)).toBe(true);
    expect(all.every((c) => c.creditAccount !== null)).toBe(true);
    const orders = all.flatMap((c) => c.orders);
    expect(orders.length).toBeGreaterThan(50);
    expect(orders.flatMap((o) => o.lines).every((l) => typeof l.product.name === 'string')).toBe(true);
    expect(orders.flatMap((o) => o.lines).some((l) => l.product.availability.byCenter.length > 0)).toBe(true);
    expect(orders.some((o) => o.shipments.length > 0)).toBe(true);
    expect(all.some((c) => c.socialProfiles.length > 0 && c.mentions.length > 0)).toBe(true);

    // Each customer's data is its own: the ERP account in identities matches the demo world.
    for (const c of all) {
      const demo = t.dataset.customers.find((d) => d.id === c.id)!;
      expect(c.creditAccount!.accountNumber).toBe(demo.accountNumber);
    }
  });

  it('issues the same number of SQL statements and HTTP calls for 10 customers as for 50', async () => {
    await measure(idsOf(10)); // warm-up: plans and connection pools
    const ten = await measure(idsOf(10));
    const fifty = await measure(idsOf(50));
    expect(ten.res.body.errors).toBeUndefined();
    expect(fifty.res.body.errors).toBeUndefined();
    expect(ten.statements).toBeGreaterThan(0);
    expect(ten.http).toBeGreaterThan(0);
    expect({ statements: fifty.statements, http: fifty.http, paths: fifty.paths }).toEqual({ statements: ten.statements, http: ten.http, paths: ten.paths });
  });

  it('answers an unknown customer id with null, not an error', async () => {
    const res = await t.query<C360>(CUSTOMER_360, { ids: ['C-999999', idsOf(1)[0]] });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.customers[0]).toBeNull();
    expect(res.body.data!.customers[1]?.id).toBe(idsOf(1)[0]);
  });

  it('rejects a malformed query and wrong variable types with clear GraphQL errors', async () => {
    const malformed = await t.query('{ customers(ids: ["C-000001"]) { id ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.data ?? null).toBeNull();
    expect(malformed.body.errors![0]!.message).toMatch(/Syntax Error/);

    // An object where an ID is expected, and null for a non-null list: both refused before any fetch.
    for (const ids of [[{ id: 'C-000001' }], null]) {
      t.httpCalls.count = 0;
      const wrongType = await t.query(CUSTOMER_360, { ids });
      expect(wrongType.body.data ?? null).toBeNull();
      expect(wrongType.body.errors![0]!.message).toMatch(/\$ids/);
      expect(t.httpCalls.count).toBe(0);
    }

    const unknownField = await t.query('{ customer(id: "C-000001") { shoeSize } }');
    expect(unknownField.body.errors![0]!.message).toMatch(/shoeSize/);
  });
});
