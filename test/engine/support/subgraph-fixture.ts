import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';

/** A subgraph of a conformance scenario: SDL and resolvers over fixed, deterministic data. */
export interface SubgraphDefinition {
  name: string;
  typeDefs: string;
  // Fixture resolvers are plain functions over fixed data; @apollo/subgraph types them loosely.
  resolvers: GraphQLResolverMap<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One GraphQL request a subgraph received. */
export interface ReceivedRequest {
  query: string;
  operationName?: string;
  variables: Record<string, unknown>;
  headers: Record<string, string>;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  received: ReceivedRequest[];
  stop(): Promise<void>;
}

/** Serves a subgraph with graphql-yoga + @apollo/subgraph on a free port, recording what it receives. */
export async function startSubgraph(definition: SubgraphDefinition): Promise<RunningSubgraph> {
  const received: ReceivedRequest[] = [];
  const yoga = createYoga({
    schema: buildSubgraphSchema({ typeDefs: parse(definition.typeDefs), resolvers: definition.resolvers }),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
    maskedErrors: false,
    plugins: [
      {
        onParams({ params, request }) {
          received.push({
            query: params.query ?? '',
            operationName: params.operationName ?? undefined,
            variables: (params.variables ?? {}) as Record<string, unknown>,
            headers: Object.fromEntries(request.headers.entries()),
          });
        },
      },
    ],
  });
  const server: Server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let stopped = false;
  return {
    name: definition.name,
    url: `http://127.0.0.1:${port}/graphql`,
    received,
    async stop() {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
