// The transports every subgraph serves (subgraphs/shared): graphql-ws over WebSocket at /graphql,
// SSE at /graphql (yoga, graphql-sse's distinct-connections mode) and graphql-sse's single-connection
// mode at /graphql/stream. A small subgraph built with the shared server shows what reaches the
// context (request id, credentials) on each, and how the server closes with subscriptions open.
import { silentLogger } from '../../lib/logger';
import { createSubgraphServer, type RequestBase } from '../../subgraphs/shared/create-subgraph-server';
import { openEventStream, unwrapItem, type StreamItem } from '../../subgraphs/shared/event-stream';
import { graphqlWsAttachment } from '../../subgraphs/shared/graphql-ws-server';
import { listen, type Listening } from '../../subgraphs/shared/listen';
import { ServiceEventBus } from '../../subgraphs/shared/service-event-bus';
import { CountingEventBus, waitUntil } from './support/counting-event-bus';
import { refusal, subscribe, TRANSPORTS, unsubscribeAll } from './support/subscription-clients';

const typeDefs = /* GraphQL */ `
  type Query {
    caller: Caller!
  }
  type Subscription {
    "The caller, as the context saw it, once per stock.changed event."
    callerPerEvent: Caller!
  }
  type Caller {
    requestId: String!
    authorization: String
    sku: String
  }
`;

interface Caller {
  requestId: string;
  authorization: string | null;
  sku: string | null;
}

type FixtureContext = RequestBase & { events: ServiceEventBus };

async function startFixture(bus: CountingEventBus): Promise<Listening & { events: ServiceEventBus }> {
  const events = new ServiceEventBus(bus);
  const server = createSubgraphServer<FixtureContext>({
    name: 'fixture',
    typeDefs,
    log: silentLogger,
    resolvers: {
      Query: { caller: (_: unknown, __: unknown, ctx: FixtureContext): Caller => ({ requestId: ctx.requestId, authorization: ctx.authorization, sku: null }) },
      Subscription: {
        callerPerEvent: {
          subscribe: (_: unknown, __: unknown, ctx: FixtureContext) =>
            openEventStream({
              bus: ctx.events,
              topics: ['stock.changed'],
              log: ctx.log,
              select: ({ payload }): Caller => ({ requestId: ctx.requestId, authorization: ctx.authorization, sku: payload.sku }),
            }),
          resolve: (item: StreamItem<Caller>) => unwrapItem(item),
        },
      },
    },
    context: (base) => ({ ...base, events }),
  });
  const listening = await listen(server, 0, '127.0.0.1', { webSocket: graphqlWsAttachment(server, { name: 'fixture', log: silentLogger }) });
  return {
    ...listening,
    events,
    close: async () => {
      await listening.close();
      await events.close();
    },
  };
}

const SUBSCRIPTION = 'subscription { callerPerEvent { requestId authorization sku } }';

describe('subgraph transports', () => {
  const bus = new CountingEventBus();
  let fixture: Listening & { events: ServiceEventBus };
  let endpoint: string;

  beforeAll(async () => {
    fixture = await startFixture(bus);
    endpoint = `${fixture.url}/graphql`;
  });
  afterAll(async () => {
    unsubscribeAll();
    await fixture?.close();
    await bus.close();
  });

  describe.each(TRANSPORTS)('over %s', (transport) => {
    it('delivers each event, with the request id and credentials the client sent, and releases the bus when the client leaves', async () => {
      const credentials =
        transport === 'graphql-ws'
          ? { connectionParams: { authorization: 'Bearer desk-token', 'x-request-id': `req-${transport}` } }
          : { headers: { authorization: 'Bearer desk-token', 'x-request-id': `req-${transport}` } };
      const sub = subscribe(transport, endpoint, { query: SUBSCRIPTION }, credentials);
      await bus.waitForHandlers('stock.changed', 1);
      await bus.emit('stock.changed', { sku: 'SKU-1', centerCode: 'DC-1' });
      await bus.emit('stock.changed', { sku: 'SKU-2', centerCode: 'DC-1' });
      expect(await sub.next()).toEqual({ data: { callerPerEvent: { requestId: `req-${transport}`, authorization: 'Bearer desk-token', sku: 'SKU-1' } } });
      expect(await sub.next()).toEqual({ data: { callerPerEvent: { requestId: `req-${transport}`, authorization: 'Bearer desk-token', sku: 'SKU-2' } } });
      sub.unsubscribe();
      await bus.waitForHandlers('stock.changed', 0);
      expect(fixture.events.activeSubscriptions).toBe(0);
    });

    it('answers a malformed subscription with a GraphQL error and subscribes to nothing', async () => {
      const sub = subscribe(transport, endpoint, { query: 'subscription { callerPerEvent { nope } }' });
      const errors = await refusal(sub);
      expect(errors.map((e) => e.message)).toEqual(['Cannot query field "nope" on type "Caller".']);
      sub.unsubscribe();
      expect(bus.handlers('stock.changed')).toBe(0);
    });
  });

  it('reads credentials and request id from the WebSocket upgrade headers when the init payload has none', async () => {
    const sub = subscribe('graphql-ws', endpoint, { query: SUBSCRIPTION }, { headers: { authorization: 'Bearer from-upgrade', 'x-request-id': 'req-upgrade' } });
    await bus.waitForHandlers('stock.changed', 1);
    await bus.emit('stock.changed', { sku: 'SKU-3', centerCode: 'DC-1' });
    expect((await sub.next()).data).toEqual({ callerPerEvent: { requestId: 'req-upgrade', authorization: 'Bearer from-upgrade', sku: 'SKU-3' } });
    sub.unsubscribe();
    await bus.waitForHandlers('stock.changed', 0);
  });

  it('makes a request id when the client sends none, and answers queries over the WebSocket too', async () => {
    const sub = subscribe('graphql-ws', endpoint, { query: '{ caller { requestId authorization } }' });
    const result = await sub.next();
    expect(result.data!.caller.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.data!.caller.authorization).toBeNull();
    await expect(sub.ended).resolves.toEqual({});
  });

  it('closes with subscriptions open on every transport: clients see the end, every bus subscription is released', async () => {
    const own = new CountingEventBus();
    const server = await startFixture(own);
    const subs = TRANSPORTS.map((transport) => subscribe(transport, `${server.url}/graphql`, { query: SUBSCRIPTION }));
    await own.waitForHandlers('stock.changed', subs.length);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(own.handlers('stock.changed')).toBe(0);
    await Promise.all(subs.map((sub) => sub.ended));
    for (const sub of subs) sub.unsubscribe();
    await own.close();
  });
});
