import { GraphQLError, getOperationAST, getVariableValues, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../lib/logger';
import type { GatewayContext } from '../context';
import type { ExecutionRequest, OperationExecutor } from '../execution/operation-executor';
import { toClientSubgraphError } from '../execution/subgraph-errors';
import { REQUEST_ID_HEADER } from '../request-ids';
import { mapStream } from '../subscriptions/map-stream';

export interface FederatedExecutionOptions {
  executor: OperationExecutor;
  /** Client request headers passed on to every subgraph (lower case); x-request-id always is. */
  forwardHeaders: ReadonlyArray<string>;
  /** Told each query or mutation and its answer (before masking), after the answer is made; must not throw. */
  onResult?: (request: ExecutionRequest, result: ExecutionResult) => void;
}

// A request error in the GraphQL-over-HTTP sense: 400 for application/graphql-response+json clients.
const REQUEST_ERROR_HTTP = { status: 400, spec: true };

function isSafe(error: unknown): boolean {
  return error instanceof GraphQLError && (error.originalError == null || isSafe(error.originalError));
}

function fromSubgraph(error: GraphQLError): boolean {
  return typeof error.extensions?.serviceName === 'string';
}

/**
 * Subgraph errors (they carry `extensions.serviceName`, whichever executor ran) reach clients in
 * one shape; every other error the executor did not mean clients to see is masked and logged
 * with the request id.
 */
function maskUnexpected(result: ExecutionResult, log: Logger): ExecutionResult {
  if (!result.errors?.some((error) => fromSubgraph(error) || !isSafe(error))) return result;
  const errors = result.errors.map((error) => {
    if (fromSubgraph(error)) return toClientSubgraphError(error);
    if (isSafe(error)) return error;
    log.error({ err: error.originalError ?? error }, 'unexpected error while executing an operation');
    return new GraphQLError('Unexpected error.', { path: error.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
  return { ...result, errors };
}

// Not a generator: a client leaving a quiet subscription must reach the executor's stream at once.
function maskStream(results: AsyncIterable<ExecutionResult>, log: Logger): AsyncIterableIterator<ExecutionResult> {
  return mapStream(results, (result) => maskUnexpected(result, log));
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

function requestError(message: string): ExecutionResult {
  return { errors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: REQUEST_ERROR_HTTP } })] };
}

/**
 * Serves the executor's API schema (so yoga parses and validates against it) and hands every
 * validated operation, with its variables coerced, to the executor.
 */
export function useFederatedExecution({ executor, forwardHeaders, onResult }: FederatedExecutionOptions): Plugin {
  const toRequest = (args: ExecutionArgs): ExecutionRequest | ExecutionResult => {
    const context = args.contextValue as GatewayContext;
    const operation = getOperationAST(args.document, args.operationName);
    if (!operation) {
      return requestError(args.operationName ? `No operation named "${args.operationName}" in the document` : 'The document holds several operations: say which to run with operationName');
    }
    const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], (args.variableValues ?? {}) as Record<string, unknown>);
    if (variables.errors) {
      return {
        errors: variables.errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'BAD_USER_INPUT', http: REQUEST_ERROR_HTTP } })),
      };
    }
    const headers: Record<string, string> = {};
    for (const name of forwardHeaders) {
      const value = context.request.headers.get(name);
      if (value !== null) headers[name] = value;
    }
    headers[REQUEST_ID_HEADER] = context.requestId;
    // Set by the gateway itself (signed claims); they win over any client header of the same name.
    if (context.subgraphHeaders) Object.assign(headers, context.subgraphHeaders);
    return {
      document: args.document,
      operationName: args.operationName ?? operation.name?.value ?? null,
      variables: variables.coerced,
      forwardHeaders: headers,
      requestId: context.requestId,
      log: context.log,
      source: context.params?.query ?? undefined,
      // Decided by useProgressiveOverride, when the supergraph has labels.
      overrideLabels: (context as { overrideLabels?: ReadonlySet<string> }).overrideLabels,
    };
  };

  const failed = (error: unknown, log: Logger): ExecutionResult => {
    log.error({ err: error }, 'the executor failed');
    return { errors: [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
  };

  const execute = async (args: ExecutionArgs): Promise<ExecutionResult> => {
    const request = toRequest(args);
    if (!('document' in request)) return request;
    try {
      const result = await executor.execute(request);
      onResult?.(request, result);
      return maskUnexpected(result, request.log);
    } catch (error) {
      return failed(error, request.log);
    }
  };

  const subscribe = async (args: ExecutionArgs): Promise<AsyncIterable<ExecutionResult> | ExecutionResult> => {
    const request = toRequest(args);
    if (!('document' in request)) return request;
    if (!executor.subscribe) {
      return { errors: [new GraphQLError('Subscriptions are not supported by this gateway executor', { extensions: { code: 'OPERATION_NOT_SUPPORTED' } })] };
    }
    try {
      const result = await executor.subscribe(request);
      return isAsyncIterable(result) ? maskStream(result, request.log) : maskUnexpected(result, request.log);
    } catch (error) {
      return failed(error, request.log);
    }
  };

  let served: GraphQLSchema | undefined;
  return {
    onPluginInit({ setSchema }) {
      served = executor.schema;
      setSchema(served);
    },
    // The executor's schema changes when a new supergraph is put in service: the next request is
    // parsed and validated against it.
    onEnveloped({ setSchema }) {
      if (executor.schema !== served) {
        served = executor.schema;
        setSchema(served);
      }
    },
    onExecute({ setExecuteFn }) {
      setExecuteFn(execute);
    },
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(subscribe);
    },
  };
}
