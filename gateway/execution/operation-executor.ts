import type { DocumentNode, ExecutionResult, GraphQLSchema } from 'graphql';
import type { Logger } from '../../lib/logger';

/** One client operation, already parsed and validated against the API schema. */
export interface ExecutionRequest {
  document: DocumentNode;
  operationName?: string | null;
  /** Coerced against the operation's variable definitions (defaults applied, types checked). */
  variables: Record<string, unknown>;
  /** Headers forwarded to every subgraph fetch (x-request-id, authorization, ...). */
  forwardHeaders: Record<string, string>;
  requestId: string;
  log: Logger;
  /** The operation text as the client sent it, when known; saves printing the document for cache keys. */
  source?: string;
  /** Progressive `@override` labels active for this request (executors that honour them). */
  overrideLabels?: ReadonlySet<string>;
}

/**
 * Runs federated operations against a supergraph. The gateway server depends only on this
 * interface, so the execution engine can change without touching the HTTP side.
 *
 * Errors a subgraph reported carry `extensions.serviceName` (and the subgraph's code, or
 * `SUBGRAPH_UNAVAILABLE` / `DOWNSTREAM_SERVICE_ERROR` when it failed to answer); the server gives
 * them one client shape (safe extensions, a message naming the subgraph for failures). Other
 * `GraphQLError`s without an `originalError` are shown as they are; anything else is masked by
 * the server and logged with the request id.
 */
export interface OperationExecutor {
  /** The API schema clients see (the supergraph without federation internals). */
  readonly schema: GraphQLSchema;
  execute(request: ExecutionRequest): Promise<ExecutionResult>;
  /** Subscription operations, for executors that can run them; without it they are refused. */
  subscribe?(request: ExecutionRequest): Promise<AsyncIterable<ExecutionResult> | ExecutionResult>;
  close(): Promise<void>;
}

/** Where each subgraph is reached: the supergraph's routing URL unless overridden by name. */
export type SubgraphUrlOverrides = Record<string, string>;

/** A subgraph of the supergraph and the URL the gateway reaches it at (overrides applied). */
export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** What the gateway hands an executor factory when it starts. */
export interface ExecutorConfig {
  supergraphSdl: string;
  /** Every subgraph the supergraph names, with the URL to use. */
  subgraphs: ReadonlyArray<SubgraphEndpoint>;
  log: Logger;
  /** How long one subgraph request may take before it counts as unavailable. */
  subgraphTimeoutMs: number;
  /** Subscription settings, for executors that run subscriptions. */
  subscriptions?: ExecutorSubscriptionConfig;
  /** Told about every subgraph call (for metrics), by executors that can. */
  onSubgraphFetch?: (event: { subgraph: string; seconds: number; failed: boolean; errors: number }) => void;
}

/** How an executor that runs subscriptions reaches the subgraphs and shares streams. */
export interface ExecutorSubscriptionConfig {
  /** The transport to each subgraph by subgraph name (as the supergraph spells it); graphql-ws when not named. */
  transports?: Readonly<Record<string, 'graphql-ws' | 'sse'>>;
  /** Forwarded headers that vary per request of one caller (per-request signatures): identical subscriptions still share. */
  sharingIgnoresHeaders?: ReadonlyArray<string>;
}

/** Builds an executor for a supergraph; the gateway takes one of these as its `executor` option. */
export type ExecutorFactory = (config: ExecutorConfig) => Promise<OperationExecutor>;
