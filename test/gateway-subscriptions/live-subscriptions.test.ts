// How the gateway serves subscriptions, over real sockets with the real client libraries, in front
// of two subgraphs of the test's own (ticker owns `ticked`, catalog the Item entity each tick names):
// sharing of identical subscriptions, the upstream closing with its last client, credentials and
// request ids forwarded, the per-connection limit, slow clients, credential expiry, keep-alives,
// an upstream failure, and SSE to a subgraph as a per-subgraph option.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { TouchpointExecutor } from '../../gateway/engine/create-touchpoint-executor';
import { executors } from '../../gateway/execution/executors';
import { startGateway, type GatewayService, type StartGatewayOptions } from '../../gateway/service';
import { securityOptions } from '../../gateway/auth/security-options';
import type { SecuritySettings } from '../../gateway/auth/security-settings';
import { silentLogger } from '../../lib/logger';
import { AUDIENCE, claims, hs256, ISSUER, TEST_CLAIMS_SECRET, TEST_JWT_SECRET } from '../security/support/tokens';
import { refusal, subscribe, unsubscribeAll, type ReceivedResult } from '../subscriptions/support/subscription-clients';
import { waitUntil } from '../subscriptions/support/counting-event-bus';
import { composeLiveSupergraph, startCatalog, startTicker, unsignedJwt, type CatalogSubgraph, type TickerSubgraph } from './support/live-fixture';

const TICKED = 'subscription ($channel: String!) { ticked(channel: $channel) { n channel seenAuthorization seenRequestId item { id name seenAuthorization } } }';
/** With the filler, so that a client that stops reading fills its socket buffers after a few events. */
const TICKED_BIG = 'subscription ($channel: String!) { ticked(channel: $channel) { n payload item { name } } }';

describe('gateway subscriptions', () => {
  let ticker: TickerSubgraph;
  let catalog: CatalogSubgraph;
  let supergraphSdl: string;
  let gateway: GatewayService;
  const extraGateways: GatewayService[] = [];
  const clients: Client[] = [];

  const startLiveGateway = async (options: Partial<StartGatewayOptions> = {}) => {
    const started = await startGateway({ supergraphSdl, executor: executors.touchpoint, shutdownGraceMs: 500, ...options });
    extraGateways.push(started);
    return started;
  };
  const stats = (g: GatewayService = gateway) => (g.gateway.executor as TouchpointExecutor).subscriptionStats();
  const wsClient = (g: GatewayService, options: { connectionParams?: Record<string, unknown>; onSocket?: (socket: WebSocket) => void } = {}) => {
    class Socket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols);
        options.onSocket?.(this);
      }
    }
    const client = createClient({ url: g.endpoint.replace(/^http/, 'ws'), webSocketImpl: Socket, connectionParams: options.connectionParams, retryAttempts: 0, lazy: true });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    [ticker, catalog] = await Promise.all([startTicker(), startCatalog()]);
    supergraphSdl = composeLiveSupergraph(ticker, catalog);
    gateway = await startLiveGateway();
  });
  afterEach(async () => {
    unsubscribeAll();
    for (const client of clients.splice(0)) await client.dispose();
    await waitUntil(() => ticker.active() === 0, 'every upstream subscription closed');
  });
  afterAll(async () => {
    for (const g of extraGateways) await g.close();
    await ticker?.close();
    await catalog?.close();
  });

  it('shares one upstream stream and one resolution per event among identical subscriptions, whatever their transport', async () => {
    const subscriptions = [
      subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'shared' } }),
      subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'shared' } }),
      subscribe('sse', gateway.endpoint, { query: TICKED, variables: { channel: 'shared' } }),
    ];
    const other = subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'other' } });
    await waitUntil(() => stats().clients === 4 && ticker.active() === 2, 'four clients on two upstream streams');
    expect(ticker.active('shared')).toBe(1);
    const fetchesBefore = catalog.entityFetches.length;
    const resolvedBefore = stats().eventsResolved;

    expect(ticker.emit('shared')).toBe(1);
    const results = await Promise.all(subscriptions.map((s) => s.next()));
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data!.ticked).toMatchObject({ channel: 'shared', seenAuthorization: null, item: { name: expect.stringMatching(/^Item \d$/) } });
    }
    expect(new Set(results.map((r) => JSON.stringify(r.data)))).toEqual(new Set([JSON.stringify(results[0]!.data)]));
    expect(catalog.entityFetches.length - fetchesBefore).toBe(1); // the rest of the plan ran once for three clients
    expect(stats().eventsResolved - resolvedBefore).toBe(1);
    await other.expectNothing(200);
  });

  it('fetches once what streams of different operations need from other subgraphs for the same event', async () => {
    const first = subscribe('graphql-ws', gateway.endpoint, { query: 'subscription { ticked(channel: "fan") { n item { name } } }' });
    const second = subscribe('sse', gateway.endpoint, { query: 'subscription { ticked(channel: "fan") { item { name } } }' });
    await waitUntil(() => ticker.active('fan') === 2, 'two upstream streams');
    const fetchesBefore = catalog.entityFetches.length;
    const sharedBefore = stats().eventFetchesShared;
    ticker.emit('fan');
    const [a, b] = [await first.next(), await second.next()];
    expect(a.data!.ticked.item).toEqual(b.data!.ticked.item);
    expect(catalog.entityFetches.length - fetchesBefore).toBe(1);
    expect(stats().eventFetchesShared - sharedBefore).toBe(1);
  });

  it('never shares between different credentials: each stream is resolved with its own token', async () => {
    const alice = subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'creds' } }, { connectionParams: { authorization: 'Bearer alice' } });
    const bob = subscribe('sse', gateway.endpoint, { query: TICKED, variables: { channel: 'creds' } }, { headers: { authorization: 'Bearer bob' } });
    await waitUntil(() => ticker.active('creds') === 2, 'one upstream stream per token');
    ticker.emit('creds');
    const [a, b] = [await alice.next(), await bob.next()];
    expect(a.data!.ticked).toMatchObject({ seenAuthorization: 'Bearer alice', item: { seenAuthorization: 'Bearer alice' } });
    expect(b.data!.ticked).toMatchObject({ seenAuthorization: 'Bearer bob', item: { seenAuthorization: 'Bearer bob' } });
  });

  it('forwards credentials and the request id from the init payload, upgrade headers or HTTP headers, as for queries', async () => {
    const viaParams = subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'p' } }, { connectionParams: { headers: { authorization: 'Bearer params', 'x-request-id': 'req-params' } } });
    const viaUpgrade = subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'u' } }, { headers: { authorization: 'Bearer upgrade', 'x-request-id': 'req-upgrade' } });
    const viaSse = subscribe('sse', gateway.endpoint, { query: TICKED, variables: { channel: 's' } }, { headers: { authorization: 'Bearer sse', 'x-request-id': 'req-sse' } });
    await waitUntil(() => ticker.active() === 3, 'three upstream streams');
    expect(ticker.opened.slice(-3).map((s) => [s.authorization, s.requestId]).sort()).toEqual([
      ['Bearer params', 'req-params'],
      ['Bearer sse', 'req-sse'],
      ['Bearer upgrade', 'req-upgrade'],
    ]);
    for (const [channel, handle, token, id] of [['p', viaParams, 'Bearer params', 'req-params'], ['u', viaUpgrade, 'Bearer upgrade', 'req-upgrade'], ['s', viaSse, 'Bearer sse', 'req-sse']] as const) {
      ticker.emit(channel);
      expect((await handle.next()).data!.ticked).toMatchObject({ seenAuthorization: token, seenRequestId: id, item: { seenAuthorization: token } });
      expect(catalog.entityFetches.at(-1)).toEqual({ authorization: token, requestId: id });
    }
  });

  it('closes the upstream stream when its last client leaves, even when no event comes', async () => {
    const first = subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'leave' } });
    const second = subscribe('sse', gateway.endpoint, { query: TICKED, variables: { channel: 'leave' } });
    await waitUntil(() => stats().clients === 2 && ticker.active('leave') === 1, 'two clients on one stream');
    first.unsubscribe();
    await waitUntil(() => stats().clients === 1, 'one client left');
    expect(ticker.active('leave')).toBe(1);
    second.unsubscribe();
    await waitUntil(() => ticker.active('leave') === 0, 'the upstream stream closed');
    expect(stats()).toMatchObject({ streams: 0, clients: 0 });
  });

  it('refuses subscriptions beyond the per-connection limit with a clear error, and takes one again once another completes', async () => {
    const limited = await startLiveGateway({ subscriptions: { maxPerConnection: 2 } });
    const client = wsClient(limited);
    const received: Record<string, ReceivedResult[]> = { a: [], b: [], c: [], d: [] };
    const errors: Record<string, unknown> = {};
    const open = (channel: string) =>
      client.subscribe({ query: TICKED, variables: { channel } }, { next: (r) => void received[channel]!.push(r as ReceivedResult), error: (e) => (errors[channel] = e), complete: () => undefined });
    const stopA = open('a');
    open('b');
    await waitUntil(() => ticker.active() === 2, 'two subscriptions on the connection');
    open('c');
    await waitUntil(() => errors.c !== undefined, 'the third refused');
    expect(errors.c).toEqual([
      expect.objectContaining({ message: expect.stringContaining('Too many subscriptions on this connection: at most 2'), extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', limit: 2 } }),
    ]);
    ticker.emit('b');
    await waitUntil(() => received.b!.length === 1, 'the others still served');
    stopA();
    await waitUntil(() => ticker.active() === 1, 'a completed');
    open('d');
    await waitUntil(() => ticker.active() === 2, 'd accepted');
    ticker.emit('d');
    await waitUntil(() => received.d!.length === 1, 'd served');
  });

  it('closes a client too slow to read (WebSocket and SSE) while the others on the same stream keep receiving', async () => {
    const guarded = await startLiveGateway({ subscriptions: { bufferSize: 4 } });
    const variables = { channel: 'slow' };
    const fast = subscribe('graphql-ws', guarded.endpoint, { query: TICKED_BIG, variables });
    let slowSocket: WebSocket | null = null;
    let slowClosed: { code: number } | null = null;
    const slowWs = wsClient(guarded, { onSocket: (socket) => (slowSocket = socket) });
    slowWs.on('closed', (event) => (slowClosed = event as { code: number }));
    slowWs.subscribe({ query: TICKED_BIG, variables }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    const slowSse = openRawSse(guarded.endpoint, TICKED_BIG, variables);
    await waitUntil(() => stats(guarded).clients === 3 && ticker.active('slow') === 1, 'three clients on one upstream stream');
    // The slow ones stop reading: their socket buffers fill, then their results wait in the gateway.
    (slowSocket as unknown as { _socket: { pause(): void } })._socket.pause();
    (await slowSse.response).pause();

    let sent = 0;
    while (stats(guarded).clients > 1 && sent < 400) {
      ticker.emit('slow', { payloadBytes: 256 * 1024 });
      sent += 1;
      await fast.next(); // the fast client receives every event as it comes
      await new Promise((r) => setImmediate(r));
    }
    expect(stats(guarded).clients).toBe(1);
    ticker.emit('slow');
    expect((await fast.next()).errors).toBeUndefined();
    // The slow clients' connections are closed: the WebSocket one with "try again later" (or cut after the grace).
    (slowSocket as unknown as { _socket: { resume(): void } })._socket.resume();
    await waitUntil(() => slowClosed !== null, 'the slow WebSocket closed', 10_000);
    expect([1013, 1006]).toContain(slowClosed!.code);
    (await slowSse.response).resume();
    await slowSse.ended;
    expect(sent).toBeLessThan(200);
  });

  it('ends a stream with TOKEN_EXPIRED when the bearer token expires, and closes its upstream', async () => {
    const soon = Math.floor(Date.now() / 1000) + 2;
    const token = `Bearer ${unsignedJwt({ sub: 'agent-7', exp: soon })}`;
    const ws = subscribe('graphql-ws', gateway.endpoint, { query: TICKED, variables: { channel: 'exp' } }, { connectionParams: { authorization: token } });
    const sse = subscribe('sse', gateway.endpoint, { query: TICKED, variables: { channel: 'exp' } }, { headers: { authorization: token } });
    await waitUntil(() => ticker.active('exp') === 1, 'one upstream stream for the token');
    ticker.emit('exp');
    for (const handle of [ws, sse]) expect((await handle.next()).data!.ticked.seenAuthorization).toBe(token);
    for (const handle of [ws, sse]) {
      const result = await handle.next(5_000);
      expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'TOKEN_EXPIRED' } })]);
      expect(await handle.ended).toEqual({});
    }
    expect(Date.now()).toBeGreaterThanOrEqual(soon * 1000);
    await waitUntil(() => ticker.active('exp') === 0, 'the upstream stream closed');

    const expired = subscribe('sse', gateway.endpoint, { query: TICKED, variables: { channel: 'exp' } }, { headers: { authorization: token } });
    expect((await expired.next()).errors).toEqual([expect.objectContaining({ extensions: { code: 'TOKEN_EXPIRED' } })]);
  });

  it('under authentication with signed claims, shares one stream per token whenever it subscribes, and ends it when the token expires', async () => {
    const settings: SecuritySettings = {
      auth: { jwtSecret: TEST_JWT_SECRET, algorithms: ['HS256'], issuer: [ISSUER], audience: [AUDIENCE], clockSkewSeconds: 0, requireToken: true },
      claimsSecret: TEST_CLAIMS_SECRET,
      contracts: [],
      contractsDir: '',
      persistedOperations: {},
      limits: { costBudget: 100_000 },
      rateLimit: null,
      automaticPersistedQueries: true,
    };
    const secured = await startLiveGateway(securityOptions(settings, silentLogger));
    const token = `Bearer ${hs256(claims({ sub: 'agent-7', role: 'agent', exp: Math.floor(Date.now() / 1000) + 3 }))}`;
    const first = subscribe('graphql-ws', secured.endpoint, { query: TICKED, variables: { channel: 'signed' } }, { connectionParams: { authorization: token } });
    await waitUntil(() => ticker.active('signed') === 1, 'subscribed upstream');
    await new Promise((r) => setTimeout(r, 1100)); // the claims signed for the next request differ (iat)
    const second = subscribe('sse', secured.endpoint, { query: TICKED, variables: { channel: 'signed' } }, { headers: { authorization: token } });
    await waitUntil(() => stats(secured).clients === 2, 'two clients');
    expect(ticker.active('signed')).toBe(1);
    ticker.emit('signed');
    for (const handle of [first, second]) expect((await handle.next()).data!.ticked.seenAuthorization).toBe(token);
    for (const handle of [first, second]) expect((await handle.next(5_000)).errors).toEqual([expect.objectContaining({ extensions: { code: 'TOKEN_EXPIRED' } })]);
    const refused = subscribe('graphql-ws', secured.endpoint, { query: TICKED, variables: { channel: 'signed' } }, { connectionParams: { authorization: token } });
    expect((await refusal(refused)).map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('keeps connections alive: WebSocket pings and SSE comments', async () => {
    const pinging = await startLiveGateway({ subscriptions: { keepAliveMs: 100 } });
    let pings = 0;
    const client = wsClient(pinging, { onSocket: (socket) => socket.on('ping', () => (pings += 1)) });
    client.subscribe({ query: TICKED, variables: { channel: 'alive' } }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    const sse = openRawSse(pinging.endpoint, TICKED, { channel: 'alive' });
    let text = '';
    (await sse.response).on('data', (chunk: Buffer) => (text += chunk.toString()));
    await new Promise((r) => setTimeout(r, 800));
    expect(pings).toBeGreaterThanOrEqual(3);
    expect(text.split(':\n\n').length - 1).toBeGreaterThanOrEqual(2); // yoga's SSE keep-alive comments
    sse.abort();
  });

  it('tells clients when the upstream subgraph fails, keeps serving, and subscribes again once it is back', async () => {
    const resilient = await startLiveGateway({ subscriptions: {} });
    const ws = subscribe('graphql-ws', resilient.endpoint, { query: TICKED, variables: { channel: 'down' } });
    const sse = subscribe('sse', resilient.endpoint, { query: TICKED, variables: { channel: 'down' } });
    await waitUntil(() => ticker.active('down') === 1, 'subscribed upstream');
    const port = ticker.port;
    await ticker.close();
    for (const handle of [ws, sse]) {
      const result = await handle.next(10_000);
      expect(result.errors).toEqual([
        expect.objectContaining({ message: expect.stringContaining('The subscription to subgraph "ticker" failed'), extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'ticker' } }),
      ]);
      await handle.ended;
    }
    const query = await fetch(resilient.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ item(id: "item-1") { name } }' }) });
    expect(await query.json()).toEqual({ data: { item: { name: 'Item 1' } } });

    ticker = await startTicker(port);
    const again = subscribe('graphql-ws', resilient.endpoint, { query: TICKED, variables: { channel: 'down' } });
    await waitUntil(() => ticker.active('down') === 1, 'subscribed again');
    ticker.emit('down');
    expect((await again.next()).data!.ticked.channel).toBe('down');
  });

  it('subscribes to a subgraph over SSE when configured for it', async () => {
    const viaSse = await startLiveGateway({ subscriptions: { transports: { ticker: 'sse' } } });
    const before = ticker.sseRequests;
    const ws = subscribe('graphql-ws', viaSse.endpoint, { query: TICKED, variables: { channel: 'sse-up' } }, { connectionParams: { authorization: 'Bearer sse-up', 'x-request-id': 'req-sse-up' } });
    await waitUntil(() => ticker.active('sse-up') === 1, 'subscribed upstream');
    expect(ticker.sseRequests - before).toBe(1);
    expect(ticker.opened.at(-1)).toEqual({ authorization: 'Bearer sse-up', requestId: 'req-sse-up' });
    ticker.emit('sse-up');
    expect((await ws.next()).data!.ticked).toMatchObject({ channel: 'sse-up', seenAuthorization: 'Bearer sse-up', item: { seenAuthorization: 'Bearer sse-up' } });
  });
});

/** A graphql-sse "distinct connections" request read by hand, so that the test can stop reading. */
function openRawSse(endpoint: string, query: string, variables: Record<string, unknown>) {
  let abort!: () => void;
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    const body = JSON.stringify({ query, variables });
    const req = httpRequest(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' } }, (res) => {
      res.on('close', end);
      res.on('error', end);
      resolve(res);
    });
    req.on('error', (error) => {
      end();
      reject(error);
    });
    abort = () => req.destroy();
    req.end(body);
  });
  return { response, ended, abort: () => abort() };
}
