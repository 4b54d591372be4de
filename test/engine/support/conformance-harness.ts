import { parse, validate, type ExecutionResult } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { ApolloGateway } from '@apollo/gateway';
import { silentLogger } from '../../../lib/logger';
import { createTouchpointExecutor, type TouchpointExecutor } from '../../../gateway/engine/create-touchpoint-executor';
import { composeForTest } from './compose';
import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from './subgraph-fixture';

/** A client operation of the corpus. */
export interface OperationCase {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** A GraphQL answer as a client receives it (JSON). */
export interface JsonResult {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export interface ConformanceRig {
  supergraphSdl: string;
  subgraphs: ReadonlyMap<string, RunningSubgraph>;
  touchpoint: TouchpointExecutor;
  /** Touchpoint's answer, the way a server would produce it (parse, validate, execute). */
  viaTouchpoint(operation: OperationCase, options?: { headers?: Record<string, string>; overrideLabels?: ReadonlySet<string> }): Promise<JsonResult>;
  /** Plain @apollo/gateway's answer, served by @apollo/server. */
  viaApollo(operation: OperationCase): Promise<JsonResult>;
  stop(): Promise<void>;
}

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Starts a scenario's subgraphs, composes them, and starts both gateways over the result. */
export async function startRig(definitions: ReadonlyArray<SubgraphDefinition>): Promise<ConformanceRig> {
  const running = await Promise.all(definitions.map(startSubgraph));
  const subgraphs = new Map(running.map((s) => [s.name, s]));
  const supergraphSdl = composeForTest(definitions.map((d) => ({ name: d.name, url: subgraphs.get(d.name)!.url, typeDefs: d.typeDefs })));
  const touchpoint = createTouchpointExecutor({ supergraphSdl, log: silentLogger });
  const apollo = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl, logger: quietLogger }),
    logger: quietLogger,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  return {
    supergraphSdl,
    subgraphs,
    touchpoint,
    async viaTouchpoint(operation, options = {}) {
      const document = parse(operation.query);
      const validationErrors = validate(touchpoint.schema, document);
      if (validationErrors.length > 0) return toJson({ errors: validationErrors });
      const result = await touchpoint.execute({
        document,
        operationName: operation.operationName,
        variables: operation.variables ?? {},
        forwardHeaders: options.headers ?? {},
        requestId: 'conformance',
        log: silentLogger,
        overrideLabels: options.overrideLabels,
      });
      return toJson(result);
    },
    async viaApollo(operation) {
      const response = await apollo.executeOperation({ query: operation.query, variables: operation.variables, operationName: operation.operationName });
      if (response.body.kind !== 'single') throw new Error('expected a single result from @apollo/server');
      return toJson(response.body.singleResult);
    },
    async stop() {
      await apollo.stop();
      await touchpoint.close();
      await Promise.all(running.map((s) => s.stop()));
    },
  };
}

function toJson(result: ExecutionResult | object): JsonResult {
  return JSON.parse(JSON.stringify(result)) as JsonResult;
}
