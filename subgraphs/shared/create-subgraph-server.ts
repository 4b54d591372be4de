import { randomUUID } from 'node:crypto';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import type { Logger } from '../../lib/logger';
import { toClientError } from './error-mapping';

export interface RequestBase {
  /** The caller's request id (x-request-id), or a new one; carried into every log line and upstream call. */
  requestId: string;
  log: Logger;
}

export interface SubgraphServerOptions<TContext extends object> {
  name: string;
  typeDefs: string;
  // The generated resolver types are stricter than @apollo/subgraph's map; each subgraph checks
  // its resolvers against the generated types before handing them over here.
  resolvers: GraphQLResolverMap<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  log: Logger;
  /** Builds the per-request context: DataLoaders are created here, never at module level. */
  context: (base: RequestBase) => TContext;
  /** Extra yoga plugins (webhook routes, for instance). */
  plugins?: Plugin[];
  graphiql?: boolean;
}

export type SubgraphServer = YogaServerInstance<Record<string, never>, object>;

export function createSubgraphServer<TContext extends object>(options: SubgraphServerOptions<TContext>): SubgraphServer {
  const { name, log } = options;
  const schema = buildSubgraphSchema({ typeDefs: parse(options.typeDefs), resolvers: options.resolvers });
  return createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: options.graphiql ?? false,
    logging: false,
    healthCheckEndpoint: '/healthz',
    context: ({ request }) => {
      const requestId = request.headers.get('x-request-id') || randomUUID();
      return options.context({ requestId, log: log.child({ requestId }) });
    },
    maskedErrors: {
      maskError(error) {
        const { error: clientError, unexpected } = toClientError(error, name);
        if (unexpected) log.error({ err: (error as { originalError?: unknown }).originalError ?? error }, 'unexpected error while resolving');
        return clientError;
      },
    },
    plugins: options.plugins ?? [],
  }) as unknown as SubgraphServer;
}
