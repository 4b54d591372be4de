// A small federated graph of the tests' own whose SDL carries @authenticated and @requiresScopes,
// served by real subgraph servers on free ports, for the gateway's authorization and limits.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@authenticated", "@requiresScopes"])';

const people = [
  { id: 'u1', name: 'Ada', email: 'ada@example.com', ssn: '111', friendId: 'u2', balance: 10 },
  { id: 'u2', name: 'Grace', email: 'grace@example.com', ssn: '222', friendId: 'u1', balance: 20 },
];

const subgraphs = {
  people: {
    typeDefs: `${LINK}
      type Query {
        users: [User!]!
        user(id: ID!): User
        me: User @authenticated
        staff: [Member]!
      }
      type User @key(fields: "id") {
        id: ID!
        name: String!
        email: String @requiresScopes(scopes: [["email:read"], ["admin"]])
        ssn: String! @requiresScopes(scopes: [["pii:read"]])
        friend: User
        account: Account
      }
      type Account @authenticated { balance: Int! }
      type Member { name: String! badge: String! @requiresScopes(scopes: [["staff:read"]]) }`,
    resolvers: {
      Query: {
        users: () => people,
        user: (_: unknown, { id }: { id: string }) => people.find((p) => p.id === id) ?? null,
        me: () => people[0],
        staff: () => [{ name: 'Linus', badge: 'B-1' }, { name: 'Ken', badge: 'B-2' }],
      },
      User: {
        __resolveReference: (ref: { id: string }) => people.find((p) => p.id === ref.id) ?? null,
        friend: (user: { friendId: string }) => people.find((p) => p.id === user.friendId) ?? null,
        account: (user: { balance: number }) => ({ balance: user.balance }),
      },
    },
  },
  posts: {
    typeDefs: `${LINK}
      type Query { posts(first: Int = 10): [Post!]! }
      type Post { id: ID! title: String! author: User! comments(first: Int = 5): [Comment!]! }
      type Comment { text: String! }
      type User @key(fields: "id") { id: ID! posts: [Post!]! }`,
    resolvers: {
      Query: { posts: (_: unknown, { first }: { first: number }) => [{ id: 'p1', title: 'Hello', authorId: 'u1' }].slice(0, first) },
      Post: {
        author: (post: { authorId: string }) => ({ __typename: 'User', id: post.authorId }),
        comments: () => [{ text: 'Nice' }],
      },
      User: { posts: (user: { id: string }) => (user.id === 'u1' ? [{ id: 'p1', title: 'Hello', authorId: 'u1' }] : []) },
    },
  },
};

export interface SecuredWorld {
  supergraphSdl: string;
  /** The GraphQL documents the subgraphs received, in order. */
  received: string[];
  close(): Promise<void>;
}

export async function startSecuredWorld(): Promise<SecuredWorld> {
  const received: string[] = [];
  const servers: Server[] = [];
  const services: { name: string; url: string; typeDefs: ReturnType<typeof parse> }[] = [];
  for (const [name, { typeDefs, resolvers }] of Object.entries(subgraphs)) {
    const yoga = createYoga({
      schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }),
      logging: false,
      plugins: [{ onParams: ({ params }) => void received.push(params.query ?? '') }],
    });
    const server = createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    services.push({ name, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, typeDefs: parse(typeDefs) });
  }
  const composed = composeServices(services);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return {
    supergraphSdl: composed.supergraphSdl,
    received,
    close: async () => {
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => (s.close(() => resolve()), s.closeAllConnections()))));
    },
  };
}
