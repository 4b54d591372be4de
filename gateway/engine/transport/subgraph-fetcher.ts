/** One error as a subgraph reports it (GraphQL over HTTP response format). */
export interface SubgraphErrorPayload {
  message?: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: Record<string, unknown>;
}

/** A subgraph's parsed GraphQL response. */
export interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<SubgraphErrorPayload>;
}

export interface SubgraphRequest {
  /** The subgraph's name in the supergraph (used in errors and logs). */
  subgraph: string;
  url: string;
  /** The GraphQL request body, already serialized as JSON. */
  body: string;
  /** Headers forwarded from the client request (x-request-id, authorization, ...). */
  headers: Readonly<Record<string, string>>;
}

/**
 * The one-method port every subgraph call goes through. It resolves with the subgraph's GraphQL
 * response and rejects with `UpstreamUnavailableError` (lib/errors) when there is none: the
 * subgraph could not be reached, timed out, or answered something that is not GraphQL.
 */
export interface SubgraphFetcher {
  fetch(request: SubgraphRequest): Promise<SubgraphResponse>;
  close(): Promise<void>;
}
