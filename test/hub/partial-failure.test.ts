// When one legacy system's subgraph is down, the gateway answers everything else, names the failing
// subgraph in the error, and keeps serving.
import { startTestHub, type TestHub } from '../support/test-hub';

const QUERY = /* GraphQL */ `
  query ($id: ID!) {
    customer(id: $id) {
      id
      name
      creditAccount { accountNumber }
      orders(first: 2) { number shipments { status } }
      mentions(first: 2) { text }
    }
  }
`;

describe('partial failure through the gateway', () => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub('sqlite');
  }, 120_000);
  afterAll(async () => t?.close());

  it('answers the other fields with an error naming the stopped subgraph, and keeps serving', async () => {
    const id = t.dataset.customers[2]!.id;
    const healthy = await t.query<{ customer: { mentions: unknown[] | null } }>(QUERY, { id });
    expect(healthy.body.errors).toBeUndefined();
    expect(healthy.body.data!.customer.mentions).not.toBeNull();

    await t.hub.subgraphs.social.close();

    for (let i = 0; i < 3; i += 1) {
      const res = await t.query<{ customer: { id: string; name: string; creditAccount: unknown; orders: unknown[]; mentions: unknown } }>(QUERY, { id });
      expect(res.status).toBe(200);
      const customer = res.body.data!.customer;
      expect(customer.id).toBe(id);
      expect(customer.name).toEqual(expect.any(String));
      expect(customer.creditAccount).not.toBeNull();
      expect(customer.orders.length).toBeGreaterThan(0);
      expect(customer.mentions).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      const [error] = res.body.errors!;
      expect(error!.message).toContain('social');
      expect(error!.extensions).toMatchObject({ serviceName: 'social' });
    }

    // Queries that do not touch the stopped subgraph are unaffected.
    const other = await t.query<{ product: { name: string } }>('{ product(sku: "SKU-00001") { name price { amount } } }');
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data!.product.name).toEqual(expect.any(String));
  });
});
