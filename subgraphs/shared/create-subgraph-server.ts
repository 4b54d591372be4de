import { randomUUID } from 'node:crypto';
import { createYoga, type Plugin, type YogaInitialContext, type YogaServerInstance } from 'graphql-yoga';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { parse } from 'graphql';
import type { Logger } from '../../lib/logger';
import { toClientError } from './error-mapping';
import type { GatewayClaims, GatewayClaimsVerifier } from './gateway-claims';
import { requestMetaFromHeaders, type RequestMeta } from './request-meta';
import { useGatewayClaims } from './use-gateway-claims';
import { useGraphqlSse } from './use-graphql-sse';

export interface RequestBase {
  /** The caller's request id (x-request-id), or a new one; carried into every log line and upstream call. */
  requestId: string;
  /** The caller's credentials (HTTP `authorization` header, or the WebSocket's init payload or upgrade headers), null when none. */
  authorization: string | null;
  log: Logger;
  /**
   * Who is asking, as the gateway vouched for it (verified gateway-signed claims). Undefined when the
   * subgraph is not configured with the claims secret: then it trusts its network, as before.
   */
  claims?: GatewayClaims;
}

/**
 * The initial context a transport other than yoga's own HTTP handling (graphql-ws) hands to
 * `getEnveloped`: what it learnt of the request, since there is no fetch Request to read headers from.
 */
export interface TransportContext {
  transport: RequestMeta;
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
  /** Verifies the gateway-signed claims: with it, a GraphQL request without valid claims is refused. */
  gatewayClaims?: GatewayClaimsVerifier;
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
    context: (initial: Partial<YogaInitialContext & TransportContext>) => {
      const meta = initial.transport ?? (initial.request ? requestMetaFromHeaders(initial.request.headers) : { requestId: null, authorization: null });
      const requestId = meta.requestId ?? randomUUID();
      const claims = options.gatewayClaims?.verify(meta.claims);
      return options.context({ requestId, authorization: meta.authorization, log: log.child({ requestId }), ...(claims ? { claims } : {}) });
    },
    maskedErrors: {
      maskError(error) {
        const { error: clientError, unexpected } = toClientError(error, name);
        if (unexpected) log.error({ err: (error as { originalError?: unknown }).originalError ?? error }, 'unexpected error while resolving');
        return clientError;
      },
    },
    // graphql-sse's single-connection mode at /graphql/stream; its distinct-connections mode (and plain
    // SSE) yoga serves itself at /graphql for `Accept: text/event-stream`.
    plugins: [...(options.gatewayClaims ? [useGatewayClaims(options.gatewayClaims)] : []), ...(options.plugins ?? []), useGraphqlSse({ log })],
  }) as unknown as SubgraphServer;
}
