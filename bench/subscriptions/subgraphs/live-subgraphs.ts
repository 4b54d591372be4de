// The benchmark's two subgraphs, served by Touchpoint's subgraph shell (yoga, graphql-ws at /graphql):
// `ticker` owns `ticked(channel)`, whose events carry the time they were published; `catalog` owns the
// Item each event names, so that every event needs one entity fetch by the gateway (a federated
// subscription, not a relay).
import { silentLogger, type Logger } from '../../../lib/logger';
import { createSubgraphServer, type RequestBase } from '../../../subgraphs/shared/create-subgraph-server';
import { graphqlWsAttachment } from '../../../subgraphs/shared/graphql-ws-server';
import { listen, type Listening } from '../../../subgraphs/shared/listen';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

export const TICKER_SDL = `${LINK}
type Query { tickerHealth: String }
type Subscription { ticked(channel: String!): Tick! }
type Tick {
  n: Int!
  "When the ticker published the event: milliseconds since the epoch, sub-millisecond precision."
  sentAt: Float!
  item: Item!
}
type Item @key(fields: "id") { id: ID! }
`;

export const CATALOG_SDL = `${LINK}
type Query { item(id: ID!): Item }
type Item @key(fields: "id") { id: ID! name: String! price: Float! }
`;

interface Tick {
  n: number;
  sentAt: number;
  item: { __typename: 'Item'; id: string };
}

/** One upstream subscription: the ticks queued for it until its iterator takes them. */
class TickStream implements AsyncIterableIterator<Tick> {
  private readonly ready: Tick[] = [];
  private waiting: ((result: IteratorResult<Tick>) => void) | null = null;
  private done = false;

  constructor(private readonly onEnd: () => void) {}

  push(tick: Tick): void {
    if (this.done) return;
    if (this.waiting) {
      const waiter = this.waiting;
      this.waiting = null;
      waiter({ value: tick, done: false });
    } else this.ready.push(tick);
  }

  next(): Promise<IteratorResult<Tick>> {
    const tick = this.ready.shift();
    if (tick) return Promise.resolve({ value: tick, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  async return(): Promise<IteratorResult<Tick>> {
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

export const now = (): number => performance.timeOrigin + performance.now();

export interface LiveSubgraphs {
  tickerUrl: string;
  catalogUrl: string;
  /** Publishes one tick to every open subscription, stamped with the time of publishing. */
  emit(): void;
  activeSubscriptions(): number;
  close(): Promise<void>;
}

export async function startLiveSubgraphs(log: Logger = silentLogger): Promise<LiveSubgraphs> {
  const streams = new Set<TickStream>();
  let n = 0;
  const ticker = createSubgraphServer<RequestBase>({
    name: 'ticker',
    typeDefs: TICKER_SDL,
    log,
    context: (base) => base,
    resolvers: {
      Query: { tickerHealth: () => 'ok' },
      Subscription: {
        ticked: {
          subscribe: () => {
            const stream: TickStream = new TickStream(() => streams.delete(stream));
            streams.add(stream);
            return stream;
          },
          resolve: (tick: Tick) => tick,
        },
      },
    },
  });
  const catalog = createSubgraphServer<RequestBase>({
    name: 'catalog',
    typeDefs: CATALOG_SDL,
    log,
    context: (base) => base,
    resolvers: {
      Query: { item: (_: unknown, { id }: { id: string }) => ({ id }) },
      Item: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        name: (item: { id: string }) => `Item ${item.id}`,
        price: (item: { id: string }) => 10 + Number(item.id.replace(/\D/g, '') || 0),
      },
    },
  });
  const served: Listening[] = [];
  for (const [server, name] of [[ticker, 'ticker'], [catalog, 'catalog']] as const) {
    served.push(await listen(server, 0, '127.0.0.1', { webSocket: graphqlWsAttachment(server, { name, log, keepAliveMs: 0, closeGraceMs: 200 }) }));
  }
  return {
    tickerUrl: `${served[0].url}/graphql`,
    catalogUrl: `${served[1].url}/graphql`,
    emit() {
      n += 1;
      const tick: Tick = { n, sentAt: now(), item: { __typename: 'Item', id: `item-${n % 10}` } };
      for (const stream of streams) stream.push(tick);
    },
    activeSubscriptions: () => streams.size,
    async close() {
      for (const stream of [...streams]) await stream.return();
      await Promise.all(served.map((s) => s.close()));
    },
  };
}
