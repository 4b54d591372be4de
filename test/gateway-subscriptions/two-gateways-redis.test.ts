// Scale-out: two deployments of the hub (two gateways, two instances of every subgraph) sharing their
// databases and one Redis as the event bus. An event raised in one deployment reaches clients
// subscribed at the other deployment's gateway, with the fields the other subgraphs own.
import { executors } from '../../gateway/execution/executors';
import type { TouchpointExecutor } from '../../gateway/engine/create-touchpoint-executor';
import { signatureHeaders } from '../../lib/webhook-signature';
import { DEMO_WEBHOOK_SECRET } from '../../subgraphs/social/demo-webhook-secret';
import { BatchJob } from '../change-capture/capture-support';
import { TEST_REDIS_URL, uniquePrefix } from '../events/test-brokers';
import { startTestHub, type TestHub } from '../support/test-hub';
import { subscribe, unsubscribeAll } from '../subscriptions/support/subscription-clients';
import { waitUntil } from '../subscriptions/support/counting-event-bus';

const FIVE_SECONDS = 5000;

describe('two gateways on Redis', () => {
  let first: TestHub;
  let second: TestHub;
  let inventorySql: BatchJob;

  const streamsOpen = async (hub: TestHub, streams: number) => {
    const executor = hub.hub.gateway.gateway.executor as TouchpointExecutor;
    await waitUntil(() => executor.subscriptionStats().streams === streams, `${streams} upstream stream(s)`);
  };

  beforeAll(async () => {
    const eventBusUrl = `${TEST_REDIS_URL}/?prefix=${uniquePrefix('gateways')}:`;
    first = await startTestHub('sqlite', { executor: executors.touchpoint }, { eventBusUrl, changeCaptureIntervalMs: 200 });
    // The second deployment: its own gateway and subgraphs, the same databases, CRM and carrier.
    second = await startTestHub(
      'sqlite',
      { executor: executors.touchpoint, dataset: first.dataset },
      { eventBusUrl, changeCaptureIntervalMs: 200, databases: first.config.databases, crmApiUrl: first.hub.standIns.crm!.url, carrierApiUrl: first.hub.standIns.carrier!.url },
    );
    inventorySql = new BatchJob(first.config.databases.inventory);
  });
  afterEach(() => unsubscribeAll());
  afterAll(async () => {
    await inventorySql?.close();
    await second?.close();
    await first?.close();
  });

  it("delivers a mention raised at one deployment's webhook to subscribers of the other gateway", async () => {
    const customer = first.dataset.customers.find((c) => c.social.length > 0)!;
    const profile = customer.social[0]!;
    const query = 'subscription { mentionReceived { text customer { id name } } }';
    const atSecond = [subscribe('graphql-ws', second.hub.gateway.endpoint, { query }), subscribe('sse', second.hub.gateway.endpoint, { query })];
    const atFirst = subscribe('graphql-ws', first.hub.gateway.endpoint, { query });
    await Promise.all([streamsOpen(first, 1), streamsOpen(second, 1)]);
    await new Promise((r) => setTimeout(r, 500)); // the subgraphs reach Redis

    const text = `Two gateways, one bus (${Date.now()})`;
    const body = JSON.stringify({ externalId: `redis-${Date.now()}`, network: profile.network, authorHandle: profile.handle, authorFollowers: 10, text, postedAt: new Date().toISOString() });
    const posted = await fetch(`${first.hub.subgraphs.social.url}/webhooks/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders(DEMO_WEBHOOK_SECRET, body) }, body });
    expect(posted.status).toBe(200);

    for (const subscription of [...atSecond, atFirst]) {
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      expect(result.data!.mentionReceived).toEqual({ text, customer: { id: customer.id, name: `${customer.firstName} ${customer.lastName}` } });
      await subscription.expectNothing(200); // once, not once per deployment
    }
  });

  it('delivers a stock change written straight into the shared warehouse database to both gateways, once', async () => {
    const product = first.dataset.products[7]!;
    const query = 'subscription ($skus: [ID!]) { stockChanged(skus: $skus) { sku onHand product { name } } }';
    const subscriptions = [
      subscribe('sse', first.hub.gateway.endpoint, { query, variables: { skus: [product.sku] } }),
      subscribe('graphql-ws', second.hub.gateway.endpoint, { query, variables: { skus: [product.sku] } }),
    ];
    await Promise.all([streamsOpen(first, 1), streamsOpen(second, 1)]);
    await new Promise((r) => setTimeout(r, 500));
    await inventorySql.run(`UPDATE STKBAL SET QOH = 777 WHERE ITM_NO = '${product.sku}' AND WHS_CD = (SELECT MIN(WHS_CD) FROM STKBAL WHERE ITM_NO = '${product.sku}')`);
    for (const subscription of subscriptions) {
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      expect(result.data!.stockChanged).toEqual({ sku: product.sku, onHand: 777, product: { name: product.name } });
      await subscription.expectNothing(300);
    }
  });
});
