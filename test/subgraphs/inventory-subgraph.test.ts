// The inventory subgraph over real HTTP: the legacy warehouse tables in a real database (SQLite and
// MariaDB), GraphQL through the subgraph's own endpoint.
import type { InventoryTables } from '../../adapters/inventory/sql/inventory-tables';
import { openDatabase, StatementCounter } from '../../adapters/sql/database';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { seedInventory } from '../../demo/seed/seed-inventory';
import { silentLogger } from '../../lib/logger';
import { startInventoryService } from '../../subgraphs/inventory/service';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

interface GraphQLResponse {
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are inspected field by field
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

const dataset = generateDemoDataset({ customers: 5, products: 60, orders: 5 });
const centersByCode = [...dataset.centers].sort((a, b) => a.code.localeCompare(b.code));

function expectedAvailability(sku: string) {
  const stock = dataset.stock.filter((s) => s.sku === sku);
  const incoming = dataset.incoming.filter((i) => i.sku === sku);
  const available = stock.reduce((sum, s) => sum + Math.max(0, s.onHand - s.reserved), 0);
  const next = incoming.map((i) => i.expectedAt.getTime()).sort((a, b) => a - b)[0];
  return { available, inStock: available > 0, nextRestockAt: next === undefined ? null : new Date(next).toISOString() };
}

const AVAILABILITY = `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Product {
  sku availability { available inStock nextRestockAt
    byCenter { onHand reserved available incoming { quantity expectedAt } center { code name location { latitude longitude } } } }
} } }`;

for (const dialect of TEST_DIALECTS) {
  describe(`inventory subgraph on ${dialect}`, () => {
    let database: TestDatabase;
    let service: RunningService;
    const statements = new StatementCounter(true);

    const gql = async (query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> => {
      const res = await fetch(service.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await res.json()) as GraphQLResponse;
    };
    const productReps = (n: number) => dataset.products.slice(0, n).map((p) => ({ __typename: 'Product', sku: p.sku }));

    beforeAll(async () => {
      database = await createTestDatabase(dialect, 'inventory_subgraph');
      const seeded = openDatabase<InventoryTables>(database.url);
      await seedInventory(seeded.db, dataset);
      await seeded.close();
      service = await startInventoryService({ inventoryDatabaseUrl: database.url, port: 0, host: '127.0.0.1', log: silentLogger, statementObserver: statements });
    });
    beforeEach(() => statements.reset());
    afterAll(async () => {
      await service?.close();
      await database?.drop();
    });

    it('lists the distribution centres with their locations, and answers an unknown code with null', async () => {
      const { data, errors } = await gql(`{ distributionCenters { code name city country location { latitude longitude } } distributionCenter(code: "DC-NONE") { code } }`);
      expect(errors).toBeUndefined();
      expect(data!.distributionCenters).toEqual(
        centersByCode.map((c) => ({ code: c.code, name: c.name, city: c.city, country: c.country, location: { latitude: c.latitude, longitude: c.longitude } })),
      );
      expect(data!.distributionCenter).toBeNull();
    });

    it("answers a product's availability: total available, in stock, next restock, stock per centre", async () => {
      const sku = dataset.incoming[0]!.sku;
      const { data, errors } = await gql(AVAILABILITY, { reps: [{ __typename: 'Product', sku }] });
      expect(errors).toBeUndefined();
      const [product] = data!._entities;
      expect(product.availability).toMatchObject(expectedAvailability(sku));
      const held = dataset.stock.filter((s) => s.sku === sku).sort((a, b) => a.centerCode.localeCompare(b.centerCode));
      expect(product.availability.byCenter.map((l: { center: { code: string } }) => l.center.code)).toEqual(held.map((s) => s.centerCode));
      expect(product.availability.byCenter[0]).toMatchObject({ onHand: held[0]!.onHand, reserved: held[0]!.reserved });
    });

    it('answers a product nobody stocks as unavailable, not as an error', async () => {
      const { data, errors } = await gql(AVAILABILITY, { reps: [{ __typename: 'Product', sku: 'SKU-NONE' }] });
      expect(errors).toBeUndefined();
      expect(data!._entities).toEqual([{ sku: 'SKU-NONE', availability: { available: 0, inStock: false, nextRestockAt: null, byCenter: [] } }]);
    });

    it('resolves a batch of product entities with the same two statements for 5 products as for 50', async () => {
      const small = await gql(AVAILABILITY, { reps: productReps(5) });
      expect(small.errors).toBeUndefined();
      const forFive = statements.count;
      statements.reset();
      const large = await gql(AVAILABILITY, { reps: productReps(50) });
      expect(large.errors).toBeUndefined();
      large.data!._entities.forEach((p: { sku: string; availability: object }) => expect(p.availability).toMatchObject(expectedAvailability(p.sku)));
      // Stock of every product, then every centre the stock lies in.
      expect(statements.count).toBe(2);
      expect(forFive).toBe(2);
    });

    it('resolves centre entities with their stock in one statement per level, null for an unknown centre', async () => {
      const reps = [...centersByCode.map((c) => ({ __typename: 'DistributionCenter', code: c.code })), { __typename: 'DistributionCenter', code: 'DC-NONE' }];
      const { data, errors } = await gql(
        `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on DistributionCenter { code stock(first: 4) { product { sku } available } } } }`,
        { reps },
      );
      expect(errors).toBeUndefined();
      expect(data!._entities).toHaveLength(centersByCode.length + 1);
      expect(data!._entities[centersByCode.length]).toBeNull();
      const first = centersByCode[0]!.code;
      const expectedSkus = dataset.stock.filter((s) => s.centerCode === first).map((s) => s.sku).sort().slice(0, 4);
      expect(data!._entities[0].stock.map((l: { product: { sku: string } }) => l.product.sku)).toEqual(expectedSkus);
      expect(statements.count).toBe(2);
    });

    it('answers stock levels of several products in every centre', async () => {
      const skus = [dataset.products[1]!.sku, 'SKU-NONE', dataset.products[2]!.sku];
      const { data, errors } = await gql(`query ($skus: [ID!]!) { stockLevels(skus: $skus) { product { sku } center { code } onHand available } }`, { skus });
      expect(errors).toBeUndefined();
      const expected = [skus[0]!, skus[2]!].flatMap((sku) =>
        dataset.stock
          .filter((s) => s.sku === sku)
          .sort((a, b) => a.centerCode.localeCompare(b.centerCode))
          .map((s) => ({ product: { sku }, center: { code: s.centerCode }, onHand: s.onHand, available: Math.max(0, s.onHand - s.reserved) })),
      );
      expect(data!.stockLevels).toEqual(expected);
      expect(statements.count).toBe(2);
    });

    it('rejects arguments of the wrong type or out of range with a GraphQL error and no data', async () => {
      const literal = await gql(`{ distributionCenters { stock(first: "five") { available } } }`);
      expect(literal.data).toBeUndefined();
      expect(literal.errors![0]!.message).toMatch(/Int/);

      const variable = await gql(`query ($skus: [ID!]!) { stockLevels(skus: $skus) { available } }`, { skus: [{ sku: 1 }] });
      expect(variable.data).toBeUndefined();
      expect(variable.errors![0]!.message).toMatch(/\$skus/);

      const tooMany = await gql(`{ distributionCenter(code: "DC-ATL") { stock(first: 100000) { available } } }`);
      expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(tooMany.data).toEqual({ distributionCenter: null });
    });
  });
}
