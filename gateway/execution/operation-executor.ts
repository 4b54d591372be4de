import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import type { Logger } from '../../lib/logger';

/** One client operation, already parsed and validated against the API schema. */
export interface ExecutionRequest {
  document: DocumentNode;
  operationName?: string | null;
  variables: Record<string, unknown>;
  /** Headers forwarded to every subgraph fetch (x-request-id, authorization, ...). */
  forwardHeaders: Record<string, string>;
  requestId: string;
  log: Logger;
}

/**
 * Runs federated operations against a supergraph. The gateway server depends only on this
 * interface, so the execution engine can change without touching the HTTP side.
 */
export interface OperationExecutor {
  /** The API schema clients see (the supergraph without federation internals). */
  readonly schema: GraphQLSchema;
  execute(request: ExecutionRequest): Promise<ExecutionResult>;
  close(): Promise<void>;
}

/** Where each subgraph is reached: the supergraph's routing URL unless overridden by name. */
export type SubgraphUrlOverrides = Record<string, string>;
