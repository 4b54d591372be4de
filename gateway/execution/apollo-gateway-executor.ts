import { createHash } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { GraphQLError, getOperationAST, print, type ExecutionResult } from 'graphql';
import type { Logger } from '../../lib/logger';
import type { ExecutionRequest, ExecutorFactory, OperationExecutor } from './operation-executor';
import { SubgraphDataSource, type SubgraphRequestContext } from './subgraph-data-source';

type GatewayRequestContext = Parameters<ApolloGateway['executor']>[0];
type ApolloLogger = GatewayRequestContext['logger'];
type KeyValueCache = GatewayRequestContext['cache'];

function toApolloLogger(log: Logger): ApolloLogger {
  const text = (message: unknown) => (typeof message === 'string' ? message : String(message));
  return {
    debug: (message) => log.debug(text(message)),
    info: (message) => log.info(text(message)),
    warn: (message) => log.warn(text(message)),
    error: (message) => log.error(text(message)),
  };
}

// @apollo/gateway's data sources only use the cache for automatic persisted queries, which are off.
const noCache: KeyValueCache = {
  get: async () => undefined,
  set: async () => undefined,
  delete: async () => true,
};

/**
 * The stock executor: @apollo/gateway plans and runs every operation against a static supergraph.
 * Kept as the reference Touchpoint's own engine is compared with, and as the default until then.
 */
export const createApolloGatewayExecutor: ExecutorFactory = async ({ supergraphSdl, subgraphs, log, subgraphTimeoutMs }) => {
  const gatewayLog = log.child({ executor: 'apollo' });
  const urls = new Map(subgraphs.map((s) => [s.name, s.url]));
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger: toApolloLogger(gatewayLog),
    // Set explicitly: its default depends on NODE_ENV and would let clients ask for query plans.
    __exposeQueryPlanExperimental: false,
    buildService: ({ name, url }) =>
      new SubgraphDataSource({ name, url: urls.get(name) ?? url ?? '', timeoutMs: subgraphTimeoutMs, log: gatewayLog.child({ subgraph: name }) }),
  });
  const { schema, executor } = await gateway.load();

  const execute = async (request: ExecutionRequest): Promise<ExecutionResult> => {
    const operation = getOperationAST(request.document, request.operationName);
    if (!operation) return { errors: [new GraphQLError('Provide the operationName of the operation to run', { extensions: { code: 'BAD_USER_INPUT' } })] };
    const source = request.source ?? print(request.document);
    const context: SubgraphRequestContext = { forwardHeaders: request.forwardHeaders, requestId: request.requestId, log: request.log };
    const requestContext = {
      request: { query: source, operationName: request.operationName ?? undefined, variables: request.variables },
      logger: toApolloLogger(request.log),
      schema,
      schemaHash: '' as GatewayRequestContext['schemaHash'],
      context,
      cache: noCache,
      queryHash: createHash('sha256').update(source).digest('hex'),
      document: request.document,
      source,
      operationName: request.operationName ?? operation.name?.value ?? null,
      operation,
      metrics: {},
      overallCachePolicy: undefined,
    } satisfies GatewayRequestContext;
    // Subgraph errors come back with `extensions.serviceName`; the server gives them their client shape.
    return executor(requestContext);
  };

  const executorApi: OperationExecutor = {
    schema,
    execute,
    close: () => gateway.stop(),
  };
  return executorApi;
};
