// Two federated subgraphs of the tests' own, served like Touchpoint's subgraphs (yoga, graphql-ws at
// /graphql, SSE) on free ports: `ticker` owns a subscription the test drives and counts, `catalog`
// owns the Item entity each tick refers to. Both record the credentials and request ids they see,
// so that the tests can check what the gateway sent, how often, and over which transport.
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { silentLogger } from '../../../lib/logger';
import { createSubgraphServer, type RequestBase } from '../../../subgraphs/shared/create-subgraph-server';
import { graphqlWsAttachment } from '../../../subgraphs/shared/graphql-ws-server';
import { listen, type Listening } from '../../../subgraphs/shared/listen';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

export const TICKER_SDL = `${LINK}
type Query { tickerHealth: String }
type Subscription { ticked(channel: String!): Tick! }
type Tick {
  n: Int!
  channel: String!
  "Filler of the size the test asks for (to fill a slow client's socket buffers)."
  payload: String!
  seenAuthorization: String
  seenRequestId: String
  item: Item!
}
type Item @key(fields: "id") { id: ID! }
`;

export const CATALOG_SDL = `${LINK}
type Query { item(id: ID!): Item }
type Item @key(fields: "id") { id: ID! name: String! seenAuthorization: String }
`;

interface TickValue {
  n: number;
  channel: string;
  payload: string;
  item: { __typename: 'Item'; id: string };
}

/** One subscription the ticker serves: a queue its resolver iterates, released when the gateway leaves. */
class TickStream implements AsyncIterableIterator<TickValue> {
  private readonly ready: TickValue[] = [];
  private waiting: ((result: IteratorResult<TickValue>) => void) | null = null;
  private done = false;

  constructor(
    readonly channel: string,
    private readonly onEnd: () => void,
  ) {}

  push(value: TickValue): void {
    if (this.done) return;
    if (this.waiting) {
      const waiter = this.waiting;
      this.waiting = null;
      waiter({ value, done: false });
    } else this.ready.push(value);
  }

  next(): Promise<IteratorResult<TickValue>> {
    const value = this.ready.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async return(): Promise<IteratorResult<TickValue>> {
    if (!this.done) {
      this.done = true;
      this.onEnd();
    }
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

export interface Seen {
  authorization: string | null;
  requestId: string;
}

export interface TickerSubgraph {
  name: 'ticker';
  endpoint: string;
  port: number;
  /** Sends a tick to every subscription of the channel; returns how many it reached. */
  emit(channel: string, options?: { payloadBytes?: number }): number;
  /** Subscriptions open now (on one channel, or all). */
  active(channel?: string): number;
  /** Subscriptions opened since the start, with the credentials and request id each came with. */
  opened: Seen[];
  /** Requests that asked for an SSE stream (Accept: text/event-stream). */
  sseRequests: number;
  close(): Promise<void>;
}

export interface CatalogSubgraph {
  name: 'catalog';
  endpoint: string;
  /** Entity fetches received, with the credentials and request id of each. */
  entityFetches: Seen[];
  close(): Promise<void>;
}

function countSse(counter: { sseRequests: number }): Plugin {
  return {
    onRequest({ request }) {
      if ((request.headers.get('accept') ?? '').includes('text/event-stream')) counter.sseRequests += 1;
    },
  };
}

async function serve(server: ReturnType<typeof createSubgraphServer>, name: string, port: number): Promise<Listening> {
  return listen(server, port, '127.0.0.1', { webSocket: graphqlWsAttachment(server, { name, log: silentLogger, closeGraceMs: 100 }) });
}

/** Starts the ticker; `port` lets a stopped ticker come back at its old address. */
export async function startTicker(port = 0): Promise<TickerSubgraph> {
  const streams = new Set<TickStream>();
  let n = 0;
  const ticker: Omit<TickerSubgraph, 'endpoint' | 'port' | 'close'> = {
    name: 'ticker',
    opened: [],
    sseRequests: 0,
    emit(channel, { payloadBytes = 0 } = {}) {
      n += 1;
      const value: TickValue = { n, channel, payload: 'x'.repeat(payloadBytes), item: { __typename: 'Item', id: `item-${n % 3}` } };
      let reached = 0;
      for (const stream of streams) {
        if (stream.channel !== channel) continue;
        stream.push(value);
        reached += 1;
      }
      return reached;
    },
    active: (channel) => [...streams].filter((s) => channel === undefined || s.channel === channel).length,
  };
  const server = createSubgraphServer<RequestBase>({
    name: 'ticker',
    typeDefs: TICKER_SDL,
    log: silentLogger,
    context: (base) => base,
    plugins: [countSse(ticker)],
    resolvers: {
      Query: { tickerHealth: () => 'ok' },
      Subscription: {
        ticked: {
          subscribe: (_: unknown, { channel }: { channel: string }, context: RequestBase) => {
            ticker.opened.push({ authorization: context.authorization, requestId: context.requestId });
            const stream: TickStream = new TickStream(channel, () => streams.delete(stream));
            streams.add(stream);
            return stream;
          },
          resolve: (tick: TickValue, _: unknown, context: RequestBase) => ({ ...tick, seenAuthorization: context.authorization, seenRequestId: context.requestId }),
        },
      },
    },
  });
  const listening = await serve(server, 'ticker', port);
  return {
    ...ticker,
    get sseRequests() {
      return ticker.sseRequests;
    },
    endpoint: `${listening.url}/graphql`,
    port: listening.port,
    close: async () => {
      for (const stream of [...streams]) await stream.return();
      await listening.close();
    },
  } as TickerSubgraph;
}

export async function startCatalog(): Promise<CatalogSubgraph> {
  const entityFetches: Seen[] = [];
  const server = createSubgraphServer<RequestBase>({
    name: 'catalog',
    typeDefs: CATALOG_SDL,
    log: silentLogger,
    context: (base) => base,
    resolvers: {
      Query: { item: (_: unknown, { id }: { id: string }) => ({ id }) },
      Item: {
        __resolveReference: (ref: { id: string }, context: RequestBase) => {
          entityFetches.push({ authorization: context.authorization, requestId: context.requestId });
          return { id: ref.id };
        },
        name: (item: { id: string }) => `Item ${item.id.slice(5)}`,
        seenAuthorization: (_: unknown, __: unknown, context: RequestBase) => context.authorization,
      },
    },
  });
  const listening = await serve(server, 'catalog', 0);
  return { name: 'catalog', endpoint: `${listening.url}/graphql`, entityFetches, close: () => listening.close() };
}

export function composeLiveSupergraph(ticker: { endpoint: string }, catalog: { endpoint: string }): string {
  const result = composeServices([
    { name: 'ticker', url: ticker.endpoint, typeDefs: parse(TICKER_SDL) },
    { name: 'catalog', url: catalog.endpoint, typeDefs: parse(CATALOG_SDL) },
  ]);
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}

/** An unsigned JWT (alg none) whose payload states `exp`: the gateway reads the expiry without verifying. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}
