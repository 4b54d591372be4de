// The erp subgraph over real HTTP: the legacy ERP tables in a real database (SQLite and MariaDB),
// customer identities in a real hub store, GraphQL through the subgraph's own endpoint.
import { ErpSqlAdapter } from '../../adapters/erp/sql/erp-sql-adapter';
import type { ErpTables } from '../../adapters/erp/sql/erp-tables';
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { openDatabase, StatementCounter } from '../../adapters/sql/database';
import { generateDemoDataset, type DemoOrder } from '../../demo/data/demo-dataset';
import { seedErp } from '../../demo/seed/seed-erp';
import { seedHub } from '../../demo/seed/seed-hub';
import { silentLogger } from '../../lib/logger';
import { startErpService } from '../../subgraphs/erp/service';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

interface GraphQLResponse {
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are inspected field by field
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const dataset = generateDemoDataset({ customers: 60, products: 50, orders: 500 });
const totalOf = (o: DemoOrder) => o.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
const newestFirst = (a: DemoOrder, b: DemoOrder) => b.placedAt.getTime() - a.placedAt.getTime() || b.id.localeCompare(a.id);

const CUSTOMER_360 = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer {
  id
  orders(first: 3) { id number status channel placedAt total { cents currency amount }
    lines { lineNumber quantity unitPrice { cents } lineTotal { cents } product { sku name price { amount } } } }
  creditAccount { accountNumber limit { cents } used { cents } available { cents amount } }
} } }`;

for (const dialect of TEST_DIALECTS) {
  describe(`erp subgraph on ${dialect}`, () => {
    let erpDb: TestDatabase;
    let hubDb: TestDatabase;
    let service: RunningService;
    const statements = new StatementCounter(true);

    const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> => {
      const res = await fetch(service.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as GraphQLResponse;
    };
    const customerReps = (n: number) => dataset.customers.slice(0, n).map((c) => ({ __typename: 'Customer', id: c.id }));

    beforeAll(async () => {
      [erpDb, hubDb] = await Promise.all([createTestDatabase(dialect, 'erp_subgraph'), createTestDatabase(dialect, 'erp_hub')]);
      const erp = openDatabase<ErpTables>(erpDb.url);
      await seedErp(erp.db, dataset);
      await erp.close();
      const hub = await openHubStore(hubDb.url);
      await seedHub(hub, dataset);
      await hub.close();
      service = await startErpService({
        erpDatabaseUrl: erpDb.url,
        hubDatabaseUrl: hubDb.url,
        port: 0,
        host: '127.0.0.1',
        log: silentLogger,
        statementObserver: statements,
      });
    });
    beforeEach(() => statements.reset());
    afterAll(async () => {
      await service?.close();
      await Promise.all([erpDb?.drop(), hubDb?.drop()]);
    });

    it('answers a product of the item master with its price as exact money', async () => {
      const p = dataset.products[7]!;
      const { data, errors } = await gql(`query ($sku: ID!) { product(sku: $sku) { sku name description category price { cents currency amount } } }`, { sku: p.sku });
      expect(errors).toBeUndefined();
      expect(data!.product).toEqual({
        sku: p.sku,
        name: p.name,
        description: p.description,
        category: p.category,
        price: { cents: p.priceCents, currency: 'USD', amount: (p.priceCents / 100).toFixed(2) },
      });
    });

    it('answers unknown product and order ids with null, not an error', async () => {
      const { data, errors } = await gql(`{ product(sku: "SKU-NOPE") { sku } order(id: "SO-9999999") { id } malformed: order(id: "banana") { id } }`);
      expect(errors).toBeUndefined();
      expect(data).toEqual({ product: null, order: null, malformed: null });
    });

    it('pages through the catalogue of a category with cursors', async () => {
      const category = dataset.products[0]!.category;
      const expected = dataset.products.filter((p) => p.category === category).map((p) => p.sku).sort();
      const query = `query ($c: String, $after: String) { products(category: $c, first: 2, after: $after) { nodes { sku category } endCursor hasNextPage } }`;
      const skus: string[] = [];
      let after: string | null = null;
      for (;;) {
        const { data, errors }: GraphQLResponse = await gql(query, { c: category, after });
        expect(errors).toBeUndefined();
        skus.push(...data!.products.nodes.map((n: { sku: string }) => n.sku));
        if (!data!.products.hasNextPage) break;
        after = data!.products.endCursor;
      }
      expect(skus).toEqual(expected);
    });

    it('answers an order with its lines, products, total and the customer it belongs to', async () => {
      const o = dataset.orders.find((x) => x.lines.length >= 2)!;
      const { data, errors } = await gql(
        `query ($id: ID!) { order(id: $id) { id number status channel placedAt customer { id }
          total { cents amount } lines { lineNumber quantity product { sku } unitPrice { cents } lineTotal { cents } } } }`,
        { id: o.id },
      );
      expect(errors).toBeUndefined();
      expect(data!.order).toEqual({
        id: o.id,
        number: o.number,
        status: o.status,
        channel: o.channel,
        placedAt: o.placedAt.toISOString(),
        customer: { id: o.customerId },
        total: { cents: totalOf(o), amount: (totalOf(o) / 100).toFixed(2) },
        lines: o.lines.map((l) => ({ lineNumber: l.lineNumber, quantity: l.quantity, product: { sku: l.sku }, unitPrice: { cents: l.unitPriceCents }, lineTotal: { cents: l.quantity * l.unitPriceCents } })),
      });
    });

    it("resolves customers' orders and credit through the hub's identity links, newest orders first", async () => {
      const c = dataset.customers.find((x) => dataset.orders.filter((o) => o.customerId === x.id).length > 3)!;
      const { data, errors } = await gql(CUSTOMER_360, { reps: [{ __typename: 'Customer', id: c.id }] });
      expect(errors).toBeUndefined();
      const [customer] = data!._entities;
      const newest = dataset.orders.filter((o) => o.customerId === c.id).sort(newestFirst).slice(0, 3);
      expect(customer.orders.map((o: { id: string }) => o.id)).toEqual(newest.map((o) => o.id));
      expect(customer.orders[0].total.cents).toBe(totalOf(newest[0]!));
      expect(customer.creditAccount.accountNumber).toBe(c.accountNumber);
      expect(customer.creditAccount.limit.cents).toBe(c.creditLimitCents);
      expect(customer.creditAccount.available.cents).toBe(Math.max(0, c.creditLimitCents - customer.creditAccount.used.cents));
    });

    it('gives a customer the ERP does not know no orders and no credit account', async () => {
      const { data, errors } = await gql(CUSTOMER_360, { reps: [{ __typename: 'Customer', id: 'C-NOT-IN-ERP' }] });
      expect(errors).toBeUndefined();
      expect(data!._entities).toEqual([{ id: 'C-NOT-IN-ERP', orders: [], creditAccount: null }]);
    });

    it('resolves a batch of customer entities with the same few SQL statements for 10 customers as for 50', async () => {
      const small = await gql(CUSTOMER_360, { reps: customerReps(10) });
      expect(small.errors).toBeUndefined();
      const forTen = statements.count;
      statements.reset();
      const large = await gql(CUSTOMER_360, { reps: customerReps(50) });
      expect(large.errors).toBeUndefined();
      expect(large.data!._entities).toHaveLength(50);
      // Identity links, orders by account, lines, products, credit accounts: one statement each.
      expect(statements.count).toBe(5);
      expect(forTen).toBe(statements.count);
    });

    it('resolves order and product entities in one statement per batch, null for unknown ones', async () => {
      const orders = dataset.orders.slice(0, 30).map((o) => ({ __typename: 'Order', id: o.id }));
      const reps = [...orders, { __typename: 'Order', id: 'SO-9999999' }];
      const { data, errors } = await gql(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Order { id status } } }`, { reps });
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(31);
      expect(data!._entities[30]).toBeNull();
      expect(data!._entities[0]).toEqual({ id: dataset.orders[0]!.id, status: dataset.orders[0]!.status });
      expect(statements.count).toBe(1);

      statements.reset();
      const products = [...dataset.products.slice(0, 20).map((p) => ({ __typename: 'Product', sku: p.sku })), { __typename: 'Product', sku: 'SKU-NOPE' }];
      const res = await gql(`query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product { sku name } } }`, { reps: products });
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities[0]).toEqual({ sku: dataset.products[0]!.sku, name: dataset.products[0]!.name });
      expect(res.data!._entities[20]).toBeNull();
      expect(statements.count).toBe(1);
    });

    it('rejects arguments of the wrong type or out of range with a GraphQL error and no data', async () => {
      const literal = await gql(`{ products(first: "ten") { nodes { sku } } }`);
      expect(literal.data).toBeUndefined();
      expect(literal.errors![0]!.message).toMatch(/Int/);

      const variable = await gql(`query ($n: Int!) { products(first: $n) { nodes { sku } } }`, { n: 'many' });
      expect(variable.data).toBeUndefined();
      expect(variable.errors![0]!.message).toMatch(/\$n/);

      const tooMany = await gql(`{ products(first: 100000) { nodes { sku } } }`);
      expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');

      const badCursor = await gql(`{ products(first: 2, after: "forged") { nodes { sku } } }`);
      expect(badCursor.errors![0]!).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
      expect(statements.count).toBe(0);
    });
  });
}

describe('erp subgraph over an adapter the caller opened', () => {
  it('serves the given ErpPort and leaves it open for its owner when the service closes', async () => {
    const [erpDb, hubDb] = await Promise.all([createTestDatabase('sqlite', 'erp_own'), createTestDatabase('sqlite', 'erp_own_hub')]);
    const database = openDatabase<ErpTables>(erpDb.url);
    try {
      await seedErp(database.db, dataset);
      const erp = new ErpSqlAdapter(database.db);
      const service = await startErpService({ erp, hubDatabaseUrl: hubDb.url, port: 0, host: '127.0.0.1', log: silentLogger });
      const p = dataset.products[0]!;
      const res = await fetch(service.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ product(sku: "${p.sku}") { name } }` }) });
      expect(await res.json()).toEqual({ data: { product: { name: p.name } } });
      await service.close();
      expect(await erp.findProductsBySkus([p.sku])).toEqual([expect.objectContaining({ sku: p.sku })]);
    } finally {
      await database.close();
      await Promise.all([erpDb.drop(), hubDb.drop()]);
    }
  });
});
