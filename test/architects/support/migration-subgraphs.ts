// A field on its way from a legacy subgraph to a new one, the tests' own: `legacy` owns customers;
// `customers` (the new service) takes `segment` over with a percentage and `loyaltyPoints` with a
// custom label. Each answers with a value naming itself, so a test sees which side served a field.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { composeSupergraph } from '../../gateway/support/fixture-subgraphs';

export interface MigrationSubgraph {
  name: string;
  endpoint: string;
  typeDefs: string;
  /** Operations received so far. */
  received: string[];
  close(): Promise<void>;
}

export const LEGACY_TYPE_DEFS = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query { customer(id: ID!): Customer  anyCustomer: Customer }
  type Mutation { touchCustomer(id: ID!): Customer }
  type Customer @key(fields: "id") { id: ID! name: String! segment: String! loyaltyPoints: Int! email: String! }
`;

/** The new service's SDL; `segmentLabel` is the label on the moved field. */
export function customersTypeDefs(segmentLabel = 'percent(25)', extraField = ''): string {
  return `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@override"])
  type Customer @key(fields: "id") {
    id: ID!
    segment: String! @override(from: "legacy", label: "${segmentLabel}")
    loyaltyPoints: Int! @override(from: "legacy", label: "desk-pilot")
    email: String! @override(from: "legacy", label: "${segmentLabel}")
    ${extraField}
  }`;
}

const resolversFor = (side: 'legacy' | 'customers') => ({
  ...(side === 'legacy'
    ? {
        Query: { customer: (_: unknown, { id }: { id: string }) => ({ id }), anyCustomer: () => ({ id: 'c-any' }) },
        Mutation: { touchCustomer: (_: unknown, { id }: { id: string }) => ({ id }) },
      }
    : {}),
  Customer: {
    __resolveReference: (ref: { id: string }) => ({ id: ref.id }),
    name: (c: { id: string }) => `Customer ${c.id}`,
    segment: () => `GOLD (${side})`,
    loyaltyPoints: () => (side === 'legacy' ? 100 : 200),
    // Both sides agree on e-mail addresses (personal data: never logged as they are).
    email: (c: { id: string }) => `${c.id}@example.com`,
    since: () => '2020-01-01',
  },
});

/** `hold`: every operation waits for it before it runs (a test decides when the subgraph answers). */
export async function startMigrationSubgraph(name: 'legacy' | 'customers', typeDefs: string, hold?: () => Promise<void>): Promise<MigrationSubgraph> {
  const received: string[] = [];
  const resolvers = resolversFor(name) as Record<string, Record<string, unknown>>;
  // Only the fields the SDL declares (a resolver for an unknown field is refused).
  if (!typeDefs.includes('since:')) delete resolvers.Customer.since;
  const yoga = createYoga({
    schema: buildSubgraphSchema({ typeDefs: parse(typeDefs), resolvers: resolvers as never }),
    logging: false,
    graphiql: false,
    plugins: [
      {
        onParams({ params }) {
          received.push(params.query ?? '');
        },
        async onExecute() {
          if (hold) await hold();
        },
      },
    ],
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    name,
    endpoint,
    typeDefs,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function composeMigration(subgraphs: ReadonlyArray<MigrationSubgraph>): string {
  return composeSupergraph(subgraphs.map((s) => ({ name: s.name, url: s.endpoint, typeDefs: s.typeDefs })));
}
