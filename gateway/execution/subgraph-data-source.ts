import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Logger } from '../../lib/logger';
import { describeSubgraphFailure, SubgraphHttpError } from './subgraph-failure';

/** What the gateway puts in @apollo/gateway's request context for the data sources to read. */
export interface SubgraphRequestContext {
  forwardHeaders: Record<string, string>;
  requestId: string;
  log: Logger;
}

type ProcessOptions = GraphQLDataSourceProcessOptions<SubgraphRequestContext>;
type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
type FetcherResponse = Awaited<ReturnType<RemoteGraphQLDataSource['fetcher']>>;

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  timeoutMs: number;
  log: Logger;
}

function isGraphQLResponseBody(body: unknown): body is SubgraphResponse {
  return typeof body === 'object' && body !== null && Array.isArray((body as { errors?: unknown }).errors);
}

/**
 * One subgraph as @apollo/gateway reaches it: forwards the client's request id (and the other
 * forwarded headers), bounds every request by a timeout, and turns a failed request into a
 * GraphQL error naming the subgraph, so that the rest of the plan still runs.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<SubgraphRequestContext> {
  readonly name: string;
  private readonly log: Logger;

  constructor(options: SubgraphDataSourceOptions) {
    super();
    this.name = options.name;
    this.url = options.url;
    this.log = options.log;
    // Node's fetch keeps connections alive per origin; the timeout covers connect, headers and body.
    this.fetcher = (url, init) =>
      fetch(url, { ...init, body: init?.body as BodyInit | undefined, signal: AbortSignal.timeout(options.timeoutMs) }) as unknown as Promise<FetcherResponse>;
  }

  override willSendRequest(options: ProcessOptions): void {
    const headers = options.request.http?.headers;
    if (!headers || !('forwardHeaders' in options.context)) return;
    for (const [name, value] of Object.entries((options.context as SubgraphRequestContext).forwardHeaders)) {
      headers.set(name, value);
    }
  }

  override async errorFromResponse(response: FetcherResponse): Promise<SubgraphHttpError> {
    const body = await this.parseBody(response).catch(() => undefined);
    return new SubgraphHttpError(response.status, body);
  }

  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // A 4xx/5xx that still carries GraphQL errors (a subgraph refusing the operation) passes them on.
      if (error instanceof SubgraphHttpError && isGraphQLResponseBody(error.body)) return error.body;
      const failure = describeSubgraphFailure(error);
      const log = (options.context as Partial<SubgraphRequestContext>).log ?? this.log;
      log.warn({ subgraph: this.name, err: error, reason: failure.reason }, 'subgraph request failed');
      const what = failure.code === 'SUBGRAPH_UNAVAILABLE' ? 'is unavailable' : 'failed';
      return { errors: [{ message: `Subgraph "${this.name}" ${what} (${failure.reason})`, extensions: { code: failure.code } }] };
    }
  }
}
