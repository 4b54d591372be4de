// End to end through the gateway, over the whole hub (startTestHub, SQLite): clients subscribe at the
// gateway's /graphql over graphql-ws and SSE with the real client libraries; the gateway subscribes to
// the owning subgraph and resolves every event's other fields through the other subgraphs. Events
// come from plain SQL written into the legacy databases, the social webhook and the CRM.
import { signatureHeaders } from '../../lib/webhook-signature';
import { executors } from '../../gateway/execution/executors';
import type { TouchpointExecutor } from '../../gateway/engine/create-touchpoint-executor';
import { BatchJob } from '../change-capture/capture-support';
import { startTestHub, type TestHub } from '../support/test-hub';
import { subscribe, unsubscribeAll, type SubscriptionHandle } from '../subscriptions/support/subscription-clients';
import { DEMO_WEBHOOK_SECRET } from '../../subgraphs/social/demo-webhook-secret';

const FIVE_SECONDS = 5000;

describe('subscriptions through the gateway, over the whole hub', () => {
  let th: TestHub;
  let inventorySql: BatchJob;
  let erpSql: BatchJob;

  const executor = () => th.hub.gateway.gateway.executor as TouchpointExecutor;
  /** Waits until the gateway has `streams` upstream streams open, then a moment for the subgraphs to reach their bus. */
  const upstreamsOpen = async (streams: number) => {
    const deadline = Date.now() + FIVE_SECONDS;
    while (executor().subscriptionStats().streams !== streams) {
      if (Date.now() > deadline) throw new Error(`expected ${streams} upstream streams, have ${executor().subscriptionStats().streams}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 400));
  };
  const both = (query: string, variables: Record<string, unknown> = {}): SubscriptionHandle[] => [
    subscribe('graphql-ws', th.hub.gateway.endpoint, { query, variables }),
    subscribe('sse', th.hub.gateway.endpoint, { query, variables }),
  ];

  beforeAll(async () => {
    th = await startTestHub('sqlite', { executor: executors.touchpoint });
    inventorySql = new BatchJob(th.config.databases.inventory);
    erpSql = new BatchJob(th.config.databases.erp);
  });
  afterEach(() => unsubscribeAll());
  afterAll(async () => {
    await inventorySql?.close();
    await erpSql?.close();
    await th?.close();
  });

  it('hears a stock balance written with plain SQL within 5 s, with the product name from the ERP and the centre from inventory', async () => {
    const sku = th.dataset.products[3]!.sku;
    const product = th.dataset.products[3]!;
    const subscriptions = both('subscription ($skus: [ID!]) { stockChanged(skus: $skus) { sku onHand product { sku name } center { code name } } }', { skus: [sku] });
    await upstreamsOpen(1); // both clients share one upstream stream
    const started = Date.now();
    await inventorySql.run(`UPDATE STKBAL SET QOH = 4321 WHERE ITM_NO = '${sku}' AND WHS_CD = (SELECT MIN(WHS_CD) FROM STKBAL WHERE ITM_NO = '${sku}')`);
    for (const subscription of subscriptions) {
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      const event = result.data!.stockChanged;
      expect(event).toMatchObject({ sku, onHand: 4321, product: { sku, name: product.name } });
      const center = th.dataset.centers.find((c) => c.code === event.center.code)!;
      expect(event.center.name).toBe(center.name);
    }
    expect(Date.now() - started).toBeLessThan(FIVE_SECONDS);
  });

  it('hears a mention posted to the signed social webhook, with the customer from the CRM', async () => {
    const customer = th.dataset.customers.find((c) => c.social.length > 0)!;
    const profile = customer.social[0]!;
    const subscriptions = both('subscription { mentionReceived { text isComplaint customer { id name } } }');
    await upstreamsOpen(1);
    const text = 'My parcel arrived broken and nobody answers the phone. Terrible service!';
    const body = JSON.stringify({ externalId: `gw-sub-${Date.now()}`, network: profile.network, authorHandle: profile.handle, authorFollowers: 2500, text, postedAt: new Date().toISOString() });
    const response = await fetch(`${th.hub.subgraphs.social.url}/webhooks/mentions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signatureHeaders(DEMO_WEBHOOK_SECRET, body) },
      body,
    });
    expect(response.status).toBe(200);
    for (const subscription of subscriptions) {
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      expect(result.data!.mentionReceived).toEqual({ text, isComplaint: true, customer: { id: customer.id, name: `${customer.firstName} ${customer.lastName}` } });
    }
  });

  it("hears an order changed straight in the ERP, with the order's shipments from the carrier", async () => {
    const order = th.dataset.orders.find((o) => th.dataset.shipments.some((s) => s.orderId === o.id))!;
    const shipmentIds = th.dataset.shipments.filter((s) => s.orderId === order.id).map((s) => s.id);
    const subscriptions = both('subscription ($id: ID) { orderUpdated(orderId: $id) { orderId change order { id status shipments { id } } } }', { id: order.id });
    await upstreamsOpen(1);
    await erpSql.run(`UPDATE ORDHDR SET ORD_STS = 'X' WHERE ORD_NO = ${Number(order.id.slice(3))}`);
    for (const subscription of subscriptions) {
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      const update = result.data!.orderUpdated;
      expect(update).toMatchObject({ orderId: order.id, change: 'UPDATED', order: { id: order.id, status: 'CANCELLED' } });
      expect(update.order.shipments.map((s: { id: string }) => s.id).sort()).toEqual([...shipmentIds].sort());
    }
  });

  it("hears a customer's new CRM interaction on customerActivity, with the customer's ERP orders", async () => {
    const customer = th.dataset.customers.find((c) => th.dataset.orders.some((o) => o.customerId === c.id))!;
    const subscriptions = both(
      `subscription ($id: ID!) { customerActivity(customerId: $id) {
        kind customer { id name orders(first: 1) { id } } ... on InteractionActivity { interaction { subject channel } } } }`,
      { id: customer.id },
    );
    await upstreamsOpen(1);
    const recorded = await fetch(`${th.hub.standIns.crm!.url}/api/v1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CONTACT_ID: customer.id, ACT_TYP_CD: 'CH', CHNL_CD: 'CT', SUBJ_TXT: 'Where is my order?' }),
    });
    expect(recorded.status).toBe(201);
    for (const subscription of subscriptions) {
      const result = await subscription.next(FIVE_SECONDS);
      expect(result.errors).toBeUndefined();
      const activity = result.data!.customerActivity;
      expect(activity).toMatchObject({ kind: 'INTERACTION', customer: { id: customer.id, name: `${customer.firstName} ${customer.lastName}` }, interaction: { subject: 'Where is my order?' } });
      expect(activity.customer.orders).toHaveLength(1);
    }
  });

  it('refuses an invalid subscription with a clear error and keeps serving queries', async () => {
    const [ws] = both('subscription { stockChanged { noSuchField } }');
    const ended = await ws!.ended;
    expect(JSON.stringify(ended.error)).toContain('Cannot query field \\"noSuchField\\"');
    const { status, body } = await th.query('{ __typename }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ __typename: 'Query' });
  });
});
