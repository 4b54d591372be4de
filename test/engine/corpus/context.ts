import type { SubgraphDefinition } from '../support/subgraph-fixture';

// The "context" supergraph: an argument filled by @fromContext from an ancestor that another
// subgraph resolves. @apollo/gateway does not execute such plans, so its answers are written
// out in the test instead of compared.

const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.8", import: ["@key", "@context", "@fromContext", "@shareable"])`;

const users = [
  { id: 'u1', name: 'Ada', currency: 'EUR', orderIds: ['o1', 'o9'] },
  { id: 'u2', name: 'Alan', currency: 'USD', orderIds: ['o2', 'o9'] },
  { id: 'u3', name: 'Grace', currency: 'EUR', orderIds: ['o3'] },
];
const amounts: Record<string, number> = { o1: 10, o2: 20, o3: 30, o9: 99 };

export const accountsWithCurrency: SubgraphDefinition = {
  name: 'accounts',
  typeDefs: `${link}
    type Query { users: [User!]! }
    type User @key(fields: "id") { id: ID! name: String! currency: String! @shareable }`,
  resolvers: {
    Query: { users: () => users.map(({ id, name }) => ({ id, name })) },
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      currency: (u: { id: string }) => users.find((x) => x.id === u.id)?.currency,
    },
  },
};

export const ordersWithContext: SubgraphDefinition = {
  name: 'orders',
  typeDefs: `${link}
    type User @key(fields: "id") @context(name: "userContext") {
      id: ID!
      currency: String! @shareable
      orders: [Order!]!
    }
    type Order @key(fields: "id") {
      id: ID!
      total(currency: String @fromContext(field: "$userContext { currency }")): String!
    }`,
  resolvers: {
    User: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      currency: (u: { id: string }) => users.find((x) => x.id === u.id)?.currency,
      orders: (u: { id: string }) => (users.find((x) => x.id === u.id)?.orderIds ?? []).map((id) => ({ id })),
    },
    Order: {
      __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
      total: (o: { id: string }, { currency }: { currency?: string }) => `${amounts[o.id]} ${currency ?? 'unknown'}`,
    },
  },
};
