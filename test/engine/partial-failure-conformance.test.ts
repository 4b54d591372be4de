import { startRig, type ConformanceRig } from './support/conformance-harness';
import { expectConformant } from './support/expect-conformant';
import { shopSubgraphs } from './corpus/shop';

// The two gateways word an unreachable subgraph differently (ours names it and hides its
// address), so messages are compared apart from the data and paths.
describe('conformance with @apollo/gateway: stopped subgraphs (partial failures)', () => {
  let rig: ConformanceRig;
  beforeAll(async () => {
    rig = await startRig(shopSubgraphs);
    await rig.subgraphs.get('accounts')!.stop();
  });
  afterAll(async () => {
    await rig?.stop();
  });

  async function both(query: string) {
    const operation = { name: query, query };
    return Promise.all([rig.viaTouchpoint(operation), rig.viaApollo(operation)]);
  }

  test('fields of the stopped subgraph are null, the rest is answered, with an error naming it', async () => {
    const [touchpoint, apollo] = await both(`{ topProducts(first: 2) { upc name reviews { body author { username birthYear } } } }`);
    expectConformant(touchpoint, apollo, { messages: false });
    expect(touchpoint.data).toEqual({
      topProducts: [
        {
          upc: 'p1',
          name: 'Table',
          reviews: [
            { body: 'Love it!', author: { username: '@ada', birthYear: null } },
            { body: 'Prefer something else.', author: { username: '@grace', birthYear: null } },
            { body: 'Sturdy.', author: { username: '@ada', birthYear: null } },
          ],
        },
        { upc: 'p2', name: 'Couch', reviews: [{ body: 'Too expensive.', author: { username: '@alan', birthYear: null } }] },
      ],
    });
    expect(touchpoint.errors).toEqual([
      { message: 'Subgraph "accounts" could not be reached', extensions: { code: 'SUBREQUEST_HTTP_ERROR', serviceName: 'accounts' } },
    ]);
  });

  test('a non-null field of the stopped subgraph nulls its nullable parent', async () => {
    const [touchpoint, apollo] = await both(`{ recentReviews(limit: 2) { body author { name } } }`);
    expectConformant(touchpoint, apollo, { messages: false });
    expect(touchpoint.data).toEqual({ recentReviews: [{ body: 'Sturdy.', author: null }, { body: 'Cosy.', author: null }] });
  });

  test('a root field of the stopped subgraph is null next to the answered ones', async () => {
    const [touchpoint, apollo] = await both(`{ me { name } product(upc: "p1") { name } }`);
    expectConformant(touchpoint, apollo, { messages: false });
    expect(touchpoint.data).toEqual({ me: null, product: { name: 'Table' } });
  });

  test('a non-null root field of the stopped subgraph nulls the whole answer', async () => {
    const [touchpoint, apollo] = await both(`{ users { id } topProducts(first: 1) { upc } }`);
    expectConformant(touchpoint, apollo, { messages: false });
    expect(touchpoint.data).toBeNull();
  });
});
