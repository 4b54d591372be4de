/** A started service (subgraph, stand-in or gateway), as the composition roots and tests see it. */
export interface RunningService {
  name: string;
  /** Base URL, e.g. http://127.0.0.1:4001 */
  url: string;
  /** The GraphQL endpoint for subgraphs and the gateway; the base URL for other services. */
  endpoint: string;
  close(): Promise<void>;
}
