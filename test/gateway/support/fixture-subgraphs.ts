// Three tiny federated subgraphs of the tests' own (accounts, products, reviews) on free ports,
// and their supergraph composed here: the gateway must serve any supergraph, not only ours.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

export interface ReceivedRequest {
  requestId: string | null;
  authorization: string | null;
  cookie: string | null;
  query: string;
}

export interface FixtureSubgraph {
  name: string;
  url: string;
  endpoint: string;
  typeDefs: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

const users = [
  { id: 'u1', name: 'Ada' },
  { id: 'u2', name: 'Grace' },
];
const products = [
  { upc: 'p1', name: 'Keyboard', price: 49.5 },
  { upc: 'p2', name: 'Mouse', price: 19 },
];
const reviews = [
  { id: 'r1', body: 'Great keys', authorId: 'u1', upc: 'p1' },
  { id: 'r2', body: 'Squeaks', authorId: 'u2', upc: 'p2' },
  { id: 'r3', body: 'Fine', authorId: 'u1', upc: 'p2' },
];

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

const definitions = {
  accounts: {
    typeDefs: `${LINK}
      type Query { user(id: ID!): User  users: [User!]! }
      type User @key(fields: "id") { id: ID! name: String! }`,
    resolvers: {
      Query: { user: (_: unknown, { id }: { id: string }) => users.find((u) => u.id === id) ?? null, users: () => users },
      User: { __resolveReference: (ref: { id: string }) => users.find((u) => u.id === ref.id) ?? null },
    },
  },
  products: {
    typeDefs: `${LINK}
      type Query { product(upc: ID!): Product  topProducts(first: Int = 5): [Product!]! }
      type Product @key(fields: "upc") { upc: ID! name: String! price: Float! }`,
    resolvers: {
      Query: {
        product: (_: unknown, { upc }: { upc: string }) => products.find((p) => p.upc === upc) ?? null,
        topProducts: (_: unknown, { first }: { first: number }) => products.slice(0, first),
      },
      Product: { __resolveReference: (ref: { upc: string }) => products.find((p) => p.upc === ref.upc) ?? null },
    },
  },
  reviews: {
    typeDefs: `${LINK}
      type Query { reviews: [Review!]  failingReviews: [Review!]  crashingReviews: [Review!] }
      type Review { id: ID! body: String! author: User product: Product! }
      type User @key(fields: "id") { id: ID! reviews: [Review!]! }
      type Product @key(fields: "upc") { upc: ID! reviews: [Review!]! }`,
    resolvers: {
      Query: {
        reviews: () => reviews,
        // A failure the subgraph reports on purpose, with its own code.
        failingReviews: () => {
          throw new GraphQLError('the review store is down', { extensions: { code: 'UPSTREAM_UNAVAILABLE' } });
        },
        // A bug: the subgraph masks it; nothing of the message may reach the gateway's clients.
        crashingReviews: () => {
          throw new Error('connection string mysql://root:hunter2@db/reviews refused');
        },
      },
      Review: {
        author: (review: { authorId: string }) => ({ __typename: 'User', id: review.authorId }),
        product: (review: { upc: string }) => ({ __typename: 'Product', upc: review.upc }),
      },
      User: {
        __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
        reviews: (user: { id: string }) => reviews.filter((r) => r.authorId === user.id),
      },
      Product: {
        __resolveReference: (ref: { upc: string }) => ({ upc: ref.upc }),
        reviews: (product: { upc: string }) => reviews.filter((r) => r.upc === product.upc),
      },
    },
  },
};

export type FixtureName = keyof typeof definitions;

function serve(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts one fixture subgraph; `port` lets a stopped subgraph come back at its old address. */
export async function startFixtureSubgraph(name: FixtureName, port = 0): Promise<FixtureSubgraph> {
  const { typeDefs, resolvers } = definitions[name];
  const requests: ReceivedRequest[] = [];
  const yoga = createYoga({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }),
    logging: false,
    graphiql: false,
    plugins: [
      {
        onParams({ request, params }) {
          requests.push({
            requestId: request.headers.get('x-request-id'),
            authorization: request.headers.get('authorization'),
            cookie: request.headers.get('cookie'),
            query: params.query ?? '',
          });
        },
      },
    ],
  });
  const server = createServer(yoga);
  const actualPort = await serve(server, port);
  const url = `http://127.0.0.1:${actualPort}`;
  return {
    name,
    url,
    endpoint: `${url}/graphql`,
    typeDefs,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Composes a supergraph from subgraphs (name, routing URL, SDL) with Apollo's composition. */
export function composeSupergraph(subgraphs: ReadonlyArray<{ name: string; url: string; typeDefs: string }>): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.typeDefs) })));
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return result.supergraphSdl;
}

export interface FixtureWorld {
  accounts: FixtureSubgraph;
  products: FixtureSubgraph;
  reviews: FixtureSubgraph;
  supergraphSdl: string;
  /** Total requests the subgraphs have received so far. */
  requestCount(): number;
  close(): Promise<void>;
}

export async function startFixtureWorld(): Promise<FixtureWorld> {
  const [accounts, products, reviews] = await Promise.all([
    startFixtureSubgraph('accounts'),
    startFixtureSubgraph('products'),
    startFixtureSubgraph('reviews'),
  ]);
  const all = [accounts, products, reviews];
  const world: FixtureWorld = {
    accounts,
    products,
    reviews,
    supergraphSdl: composeSupergraph(all.map((s) => ({ name: s.name, url: s.endpoint, typeDefs: s.typeDefs }))),
    // Read the fields at call time: a test may replace a stopped subgraph with a revived one.
    requestCount: () => [world.accounts, world.products, world.reviews].reduce((sum, s) => sum + s.requests.length, 0),
    close: async () => {
      await Promise.all([world.accounts, world.products, world.reviews].map((s) => s.close()));
    },
  };
  return world;
}
