import type { GraphQLError } from 'graphql';
import type { Logger } from '../../../lib/logger';
import type { SubgraphFetcher } from '../transport/subgraph-fetcher';

/** What one client operation's plan execution shares: inputs, the transport, the errors so far. */
export interface ExecutionState {
  readonly fetcher: SubgraphFetcher;
  /** Headers sent with every subgraph fetch. */
  readonly headers: Readonly<Record<string, string>>;
  /** The client's variables as sent: forwarded to the subgraphs unchanged. */
  readonly variables: Readonly<Record<string, unknown>>;
  /** The same, coerced with defaults applied: for @skip/@include conditions. */
  readonly coercedVariables: Readonly<Record<string, unknown>>;
  /** Subgraph and transport errors, with paths into the client's answer. */
  readonly errors: GraphQLError[];
  /** Objects received for one representation are copied, not shared, by the entities that sent it. */
  readonly isolateEntities: boolean;
  readonly log: Logger;
}

/** Where a plan node runs: the answer's root object and the path (with `@` for lists) below it. */
export interface Cursor {
  readonly root: Record<string, unknown>;
  readonly path: ReadonlyArray<string | number>;
}
