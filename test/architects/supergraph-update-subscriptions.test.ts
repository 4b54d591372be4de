// A subscription open during a supergraph update keeps receiving its events on the supergraph it
// started on; that executor is closed only when the subscription ends; new subscriptions use the
// new supergraph.
import { defaultExecutor } from '../../gateway/execution/executors';
import type { ExecutorFactory } from '../../gateway/execution/operation-executor';
import { startGateway, type GatewayService } from '../../gateway/service';
import { composeLiveSupergraph, startCatalog, startTicker, type CatalogSubgraph, type TickerSubgraph } from '../gateway-subscriptions/support/live-fixture';
import { waitUntil } from '../subscriptions/support/counting-event-bus';
import { subscribe, unsubscribeAll } from '../subscriptions/support/subscription-clients';

const TICKED = 'subscription ($channel: String!) { ticked(channel: $channel) { n item { id name } } }';

let ticker: TickerSubgraph;
let catalog: CatalogSubgraph;
let gateway: GatewayService;
const closed: number[] = [];

beforeAll(async () => {
  [ticker, catalog] = await Promise.all([startTicker(), startCatalog()]);
  let generations = 0;
  const tracking: ExecutorFactory = async (config) => {
    const generation = ++generations;
    const made = await defaultExecutor(config);
    return { ...made, close: async () => { closed.push(generation); await made.close(); } };
  };
  gateway = await startGateway({ supergraphSdl: composeLiveSupergraph(ticker, catalog), executor: tracking, shutdownGraceMs: 500 });
});

afterAll(async () => {
  unsubscribeAll();
  await gateway?.close();
  await ticker?.close();
  await catalog?.close();
});

it('keeps an open subscription on the old supergraph until it ends, then closes that executor', async () => {
  const before = subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'swap' } });
  await waitUntil(() => ticker.active('swap') === 1, 'the upstream subscription');
  ticker.emit('swap');
  expect((await before.next()).data).toMatchObject({ ticked: { item: { id: expect.any(String), name: expect.any(String) } } });

  // Another version of the supergraph (here: the same schema, republished).
  expect(await gateway.gateway.updateSupergraph(`${composeLiveSupergraph(ticker, catalog)}\n# republished\n`)).toEqual({ status: 'applied' });
  ticker.emit('swap');
  expect((await before.next()).data).toMatchObject({ ticked: { item: { name: expect.any(String) } } });
  expect(closed).toEqual([]);

  const after = subscribe('sse', gateway.endpoint, { query: TICKED, variables: { channel: 'fresh' } });
  await waitUntil(() => ticker.active('fresh') === 1, 'the new upstream subscription');
  ticker.emit('fresh');
  expect((await after.next()).data).toMatchObject({ ticked: { item: { name: expect.any(String) } } });

  before.unsubscribe();
  await waitUntil(() => closed.length === 1, 'the old executor closed');
  expect(closed).toEqual([1]);
  after.unsubscribe();
  await waitUntil(() => ticker.active() === 0, 'every upstream closed');
  expect(closed).toEqual([1]);
});
