import { createYoga, maskError as yogaMaskError, type YogaServerInstance } from 'graphql-yoga';
import { silentLogger, type Logger } from '../lib/logger';
import type { GatewayContext } from './context';
import { corsFor, type CorsSetting } from './cors';
import { defaultExecutor } from './execution/executors';
import type { ExecutorFactory, OperationExecutor, SubgraphEndpoint, SubgraphUrlOverrides } from './execution/operation-executor';
import { createReadinessCheck } from './health/readiness';
import { useDepthLimit } from './plugins/use-depth-limit';
import { useFederatedExecution } from './plugins/use-federated-execution';
import { useGraphiQL } from './plugins/use-graphiql';
import { useHealth } from './plugins/use-health';
import { useIntrospectionControl } from './plugins/use-introspection-control';
import { useRequestId } from './plugins/use-request-id';
import { useRequestErrorStatus } from './plugins/use-request-error-status';
import { useRequestLogging } from './plugins/use-request-logging';
import { useTokenLimit } from './plugins/use-token-limit';
import { createRequestIds } from './request-ids';
import { resolveSubgraphEndpoints } from './supergraph/subgraph-endpoints';

export interface GatewayOptions {
  /** A Federation 2 supergraph SDL (any, not only Touchpoint's). */
  supergraphSdl: string;
  /** Subgraph URLs by subgraph name, replacing the supergraph's routing URLs. */
  subgraphUrls?: SubgraphUrlOverrides;
  log?: Logger;
  /** Serve GraphiQL at GET /graphql for browsers. */
  graphiql?: boolean;
  introspection?: boolean;
  /** Allowed browser origins (`*` for any) or false for none. */
  cors?: CorsSetting;
  /** Longest chain of nested fields an operation may select. */
  maxDepth?: number;
  /** Most tokens a document may have; parsing stops there. */
  maxTokens?: number;
  /** Client headers forwarded to every subgraph, besides x-request-id. */
  forwardHeaders?: ReadonlyArray<string>;
  /** How long one subgraph request may take. */
  subgraphTimeoutMs?: number;
  /** How long a readiness probe result is reused. */
  readinessCacheMs?: number;
  /** Which engine runs operations; swapping executors is this one option. */
  executor?: ExecutorFactory;
  graphqlEndpoint?: string;
}

export type GatewayServer = YogaServerInstance<Record<string, unknown>, GatewayContext>;

export interface Gateway {
  yoga: GatewayServer;
  executor: OperationExecutor;
  subgraphs: ReadonlyArray<SubgraphEndpoint>;
  close(): Promise<void>;
}

/**
 * Builds the gateway for a supergraph: yoga with small plugins around an executor. Opens no
 * socket (serve `yoga` with node:http, or call `yoga.fetch` in-process); `close` releases the executor.
 */
export async function createGateway({
  supergraphSdl,
  subgraphUrls = {},
  log = silentLogger,
  graphiql = true,
  introspection = true,
  cors = false,
  maxDepth = 15,
  maxTokens = 5000,
  forwardHeaders = ['authorization'],
  subgraphTimeoutMs = 30_000,
  readinessCacheMs = 3000,
  executor: executorFactory = defaultExecutor,
  graphqlEndpoint = '/graphql',
}: GatewayOptions): Promise<Gateway> {
  const subgraphs = resolveSubgraphEndpoints(supergraphSdl, subgraphUrls);
  const executor = await executorFactory({ supergraphSdl, subgraphs, log, subgraphTimeoutMs });
  const requestIds = createRequestIds();

  const yoga = createYoga<Record<string, unknown>, GatewayContext>({
    graphqlEndpoint,
    // Yoga's own GraphiQL loads from a CDN and its landing page is not wanted: ours serve offline.
    graphiql: false,
    landingPage: false,
    logging: false,
    cors: corsFor(cors),
    maskedErrors: {
      isDev: false,
      maskError(error, message) {
        const masked = yogaMaskError(error, message, false);
        if (masked !== error) log.error({ err: error }, 'unexpected error in the gateway');
        return masked;
      },
    },
    plugins: [
      useRequestId({ requestIds, log }),
      useRequestLogging({ requestIds, log }),
      useRequestErrorStatus(),
      useHealth({ readiness: createReadinessCheck({ subgraphs, cacheMs: readinessCacheMs }) }),
      ...(graphiql ? [useGraphiQL({ endpoint: graphqlEndpoint })] : []),
      useTokenLimit({ maxTokens }),
      useDepthLimit({ maxDepth }),
      useIntrospectionControl({ enabled: introspection }),
      useFederatedExecution({ executor, forwardHeaders: forwardHeaders.map((h) => h.toLowerCase()) }),
    ],
  });

  return { yoga, executor, subgraphs, close: () => executor.close() };
}
