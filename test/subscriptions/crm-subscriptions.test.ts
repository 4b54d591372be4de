// crm's customerActivity over real sockets: one customer's interactions (recorded in the CRM
// stand-in over HTTP), order changes (named by customer or by ERP account, through the hub's identity
// links), shipment updates and mentions, from the bus; other customers' events are not heard.
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { seedHub } from '../../demo/seed/seed-hub';
import { startCrmStandIn } from '../../demo/standins/crm/crm-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { silentLogger } from '../../lib/logger';
import { startCrmService } from '../../subgraphs/crm/service';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { createTestDatabase, type TestDatabase } from '../support/test-databases';
import { CountingEventBus } from './support/counting-event-bus';
import { refusal, subscribe, TRANSPORTS, unsubscribeAll, type Transport } from './support/subscription-clients';

const dataset = generateDemoDataset({ customers: 10, products: 10, orders: 40 });
const [alice, bob] = dataset.customers;
const aliceOrders = dataset.orders.filter((o) => o.customerId === alice!.id);
const bobOrder = dataset.orders.find((o) => o.customerId === bob!.id)!;
const TOPICS = ['interaction.created', 'order.updated', 'shipment.updated', 'mention.received'] as const;

const CUSTOMER_ACTIVITY = `subscription ($customerId: ID!, $kinds: [CustomerActivityKind!]) {
  customerActivity(customerId: $customerId, kinds: $kinds) {
    __typename id kind occurredAt customer { id name }
    ... on InteractionActivity { interaction { id kind channel subject } }
    ... on OrderActivity { change orderId order { id } }
    ... on ShipmentActivity { shipment { id } }
    ... on MentionActivity { mention { id } }
  }
}`;

describe('crm customerActivity', () => {
  let standIn: StandInHandle;
  let hubDb: TestDatabase;
  const bus = new CountingEventBus();
  let service: RunningService;

  /** Records a call in the CRM itself, as an agent's desk would. */
  const recordCall = async (customerId: string, subject: string): Promise<string> => {
    const response = await fetch(`${standIn.url}/api/v1/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ CONTACT_ID: customerId, ACT_TYP_CD: 'CL', CHNL_CD: 'PH', SUBJ_TXT: subject, AGENT_ID: 'agent-7' }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { ACT_ID: string }).ACT_ID;
  };
  const handlerCount = () => TOPICS.reduce((sum, topic) => sum + bus.handlers(topic), 0);

  beforeAll(async () => {
    standIn = await startCrmStandIn({ port: 0, dataset });
    hubDb = await createTestDatabase('sqlite', 'crm_subscriptions_hub');
    const hub = await openHubStore(hubDb.url);
    await seedHub(hub, dataset);
    await hub.close();
    service = await startCrmService({ crmApiUrl: standIn.url, hubDatabaseUrl: hubDb.url, port: 0, host: '127.0.0.1', log: silentLogger, eventBus: bus });
  });
  afterEach(async () => {
    for (const topic of TOPICS) await bus.waitForHandlers(topic, 0);
  });
  afterAll(async () => {
    unsubscribeAll();
    await service?.close();
    await standIn?.close();
    await bus.close();
    await hubDb?.drop();
  });

  describe.each(TRANSPORTS)('over %s', (transport: Transport) => {
    it("delivers the customer's interactions, order changes, shipments and mentions from every system, and nobody else's", async () => {
      const sub = subscribe(transport, service.endpoint, { query: CUSTOMER_ACTIVITY, variables: { customerId: alice!.id } });
      for (const topic of TOPICS) await bus.waitForHandlers(topic, 1);
      const name = `${alice!.firstName} ${alice!.lastName}`;

      // Bob's events, each kind: none reaches Alice's stream.
      const bobCall = await recordCall(bob!.id, 'Where is my parcel?');
      await bus.emit('interaction.created', { interactionId: bobCall, customerId: bob!.id });
      await bus.emit('order.updated', { orderId: bobOrder.id, accountNumber: bobOrder.accountNumber, customerId: null, change: 'updated' });
      await bus.emit('shipment.updated', { shipmentId: 'SH-B', orderId: bobOrder.id, customerId: bob!.id });
      await bus.emit('shipment.updated', { shipmentId: 'SH-UNKNOWN-CUSTOMER', orderId: bobOrder.id });
      await bus.emit('mention.received', { mentionId: 'M-B', customerId: bob!.id, isComplaint: true, followers: 10 });

      const aliceCall = await recordCall(alice!.id, `Change of address (${transport})`);
      await bus.emit('interaction.created', { interactionId: aliceCall, customerId: alice!.id });
      await bus.emit('order.updated', { orderId: aliceOrders[0]!.id, accountNumber: aliceOrders[0]!.accountNumber, customerId: null, change: 'updated' }, new Date('2026-11-23T10:00:00Z'));
      await bus.emit('order.updated', { orderId: aliceOrders[1]!.id, accountNumber: null, customerId: alice!.id, change: 'deleted' });
      await bus.emit('shipment.updated', { shipmentId: 'SH-A', orderId: aliceOrders[0]!.id, customerId: alice!.id });
      await bus.emit('mention.received', { mentionId: 'M-A', customerId: alice!.id, isComplaint: false, followers: 100 });

      const heard = [];
      for (let i = 0; i < 5; i += 1) {
        const { data, errors } = await sub.next();
        expect(errors).toBeUndefined();
        heard.push(data!.customerActivity);
      }
      expect(heard).toEqual([
        {
          __typename: 'InteractionActivity',
          id: expect.any(String),
          kind: 'INTERACTION',
          occurredAt: expect.any(String),
          customer: { id: alice!.id, name },
          interaction: { id: aliceCall, kind: 'CALL', channel: 'PHONE', subject: `Change of address (${transport})` },
        },
        {
          __typename: 'OrderActivity',
          id: expect.any(String),
          kind: 'ORDER',
          occurredAt: '2026-11-23T10:00:00.000Z',
          customer: { id: alice!.id, name },
          change: 'UPDATED',
          orderId: aliceOrders[0]!.id,
          order: { id: aliceOrders[0]!.id },
        },
        expect.objectContaining({ __typename: 'OrderActivity', change: 'DELETED', orderId: aliceOrders[1]!.id, order: null }),
        expect.objectContaining({ __typename: 'ShipmentActivity', kind: 'SHIPMENT', shipment: { id: 'SH-A' } }),
        expect.objectContaining({ __typename: 'MentionActivity', kind: 'MENTION', mention: { id: 'M-A' } }),
      ]);
      expect(new Set(heard.map((a) => a.id)).size).toBe(5);
      await sub.expectNothing();
      sub.unsubscribe();
      for (const topic of TOPICS) await bus.waitForHandlers(topic, 0);
    });

    it('refuses an unknown customer with NOT_FOUND and subscribes to nothing', async () => {
      const errors = await refusal(subscribe(transport, service.endpoint, { query: CUSTOMER_ACTIVITY, variables: { customerId: 'C-NOBODY' } }));
      expect(errors).toEqual([expect.objectContaining({ message: 'Customer "C-NOBODY" was not found', extensions: expect.objectContaining({ code: 'NOT_FOUND' }) })]);
      expect(handlerCount()).toBe(0);
    });
  });

  it('listens only to the topics of the kinds asked for', async () => {
    const sub = subscribe('graphql-ws', service.endpoint, { query: CUSTOMER_ACTIVITY, variables: { customerId: alice!.id, kinds: ['MENTION', 'SHIPMENT'] } });
    await bus.waitForHandlers('mention.received', 1);
    await bus.waitForHandlers('shipment.updated', 1);
    expect(bus.handlers('interaction.created') + bus.handlers('order.updated')).toBe(0);
    await bus.emit('mention.received', { mentionId: 'M-A2', customerId: alice!.id, isComplaint: true, followers: 1 });
    expect((await sub.next()).data!.customerActivity).toMatchObject({ kind: 'MENTION', mention: { id: 'M-A2' } });
    sub.unsubscribe();
  });

  it('refuses an empty kinds list and an empty customer id with BAD_USER_INPUT', async () => {
    expect(await refusal(subscribe('sse', service.endpoint, { query: CUSTOMER_ACTIVITY, variables: { customerId: alice!.id, kinds: [] } }))).toEqual([
      expect.objectContaining({ message: 'kinds must name at least one kind; leave it out to hear every kind', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    expect((await refusal(subscribe('graphql-ws', service.endpoint, { query: CUSTOMER_ACTIVITY, variables: { customerId: '' } })))[0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(handlerCount()).toBe(0);
  });

  it('closes with subscriptions open: clients see the end, the bus subscriptions are released', async () => {
    const own = new CountingEventBus();
    const closing = await startCrmService({ crmApiUrl: standIn.url, hubDatabaseUrl: hubDb.url, port: 0, host: '127.0.0.1', log: silentLogger, eventBus: own });
    const subs = TRANSPORTS.map((transport) => subscribe(transport, closing.endpoint, { query: CUSTOMER_ACTIVITY, variables: { customerId: alice!.id } }));
    await own.waitForHandlers('mention.received', subs.length);
    await closing.close();
    expect(own.totalHandlers()).toBe(0);
    await Promise.all(subs.map((sub) => sub.ended));
    await own.close();
  });
});
