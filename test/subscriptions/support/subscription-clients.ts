// Real subscription clients over real sockets: graphql-ws (WebSocket, the `ws` package), and
// graphql-sse over HTTP in both of its modes (distinct connections, which yoga serves at /graphql for
// `Accept: text/event-stream`, and single connection at /graphql/stream).
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
import WebSocket from 'ws';

export type Transport = 'graphql-ws' | 'sse' | 'graphql-sse';
export const TRANSPORTS: Transport[] = ['graphql-ws', 'sse', 'graphql-sse'];

export interface ReceivedResult {
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- results are inspected field by field
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface SubscriptionHandle {
  /** The next result, in order; fails when none comes within the timeout. */
  next(timeoutMs?: number): Promise<ReceivedResult>;
  /** Fails when a result arrives within the time (an event the filter should have dropped). */
  expectNothing(withinMs?: number): Promise<void>;
  /** Settles when the server ends the stream: `complete` or an error (a closed socket, an error message). */
  readonly ended: Promise<{ error?: unknown }>;
  unsubscribe(): void;
}

export interface ClientOptions {
  /** graphql-ws connection-init payload. */
  connectionParams?: Record<string, unknown>;
  /** HTTP headers (SSE), or the WebSocket upgrade request's headers. */
  headers?: Record<string, string>;
}

interface Sink {
  next(value: ReceivedResult): void;
  error(error: unknown): void;
  complete(): void;
}

function collector(): { sink: Sink; handle: Omit<SubscriptionHandle, 'unsubscribe'> } {
  const results: ReceivedResult[] = [];
  const waiters = new Set<{ resolve(r: ReceivedResult): void; reject(e: Error): void }>();
  let endedWith: { error?: unknown } | null = null;
  let end!: (e: { error?: unknown }) => void;
  const ended = new Promise<{ error?: unknown }>((resolve) => (end = resolve));
  const finish = (outcome: { error?: unknown }) => {
    endedWith = outcome;
    end(outcome);
    for (const waiter of waiters) waiter.reject(new Error(`the stream ended without a further result: ${describe(outcome)}`));
    waiters.clear();
  };
  const sink: Sink = {
    next: (value) => {
      const [waiter] = waiters;
      if (waiter) {
        waiters.delete(waiter);
        waiter.resolve(value);
      } else results.push(value);
    },
    error: (error) => finish({ error }),
    complete: () => finish({}),
  };
  return {
    sink,
    handle: {
      ended,
      next(timeoutMs = 5_000) {
        const ready = results.shift();
        if (ready) return Promise.resolve(ready);
        if (endedWith) return Promise.reject(new Error(`the stream has ended: ${describe(endedWith)}`));
        return new Promise((resolve, reject) => {
          const waiter = {
            resolve: (r: ReceivedResult) => {
              clearTimeout(timer);
              resolve(r);
            },
            reject: (e: Error) => {
              clearTimeout(timer);
              reject(e);
            },
          };
          const timer = setTimeout(() => {
            waiters.delete(waiter);
            reject(new Error(`no subscription result within ${timeoutMs} ms`));
          }, timeoutMs);
          waiters.add(waiter);
        });
      },
      async expectNothing(withinMs = 300) {
        await new Promise((resolve) => setTimeout(resolve, withinMs));
        if (results.length > 0) throw new Error(`unexpected result: ${JSON.stringify(results[0])}`);
      },
    },
  };
}

function describe(outcome: { error?: unknown }): string {
  if (!('error' in outcome)) return 'complete';
  const error = outcome.error as { message?: string; reason?: string; code?: number } | unknown[];
  return Array.isArray(error) ? JSON.stringify(error) : `${error?.message ?? ''} ${error?.code ?? ''} ${error?.reason ?? ''}`.trim();
}

/**
 * The errors of a subscription refused before it started, whatever the transport: graphql-ws sends
 * them as an `error` message (validation) or as a result (a resolver's error); SSE sends a result.
 */
export async function refusal(handle: SubscriptionHandle): Promise<NonNullable<ReceivedResult['errors']>> {
  const outcome = await Promise.race([handle.next().then((result) => ({ result })), handle.ended.then((end) => ({ end }))]);
  if ('result' in outcome) {
    if (!outcome.result.errors) throw new Error(`expected errors, got ${JSON.stringify(outcome.result)}`);
    return outcome.result.errors;
  }
  if (Array.isArray(outcome.end.error)) return outcome.end.error as NonNullable<ReceivedResult['errors']>;
  throw new Error(`expected errors, the stream ended: ${describe(outcome.end)}`);
}

const open = new Set<SubscriptionHandle>();

/** Ends every subscription a test left open (a failed assertion skips its unsubscribe). */
export function unsubscribeAll(): void {
  for (const handle of [...open]) handle.unsubscribe();
}

/** Opens one subscription on its own connection. */
export function subscribe(
  transport: Transport,
  endpoint: string,
  request: { query: string; variables?: Record<string, unknown> },
  options: ClientOptions = {},
): SubscriptionHandle {
  const handle = connect(transport, endpoint, request, options);
  const tracked: SubscriptionHandle = {
    ...handle,
    unsubscribe: () => {
      open.delete(tracked);
      handle.unsubscribe();
    },
  };
  open.add(tracked);
  return tracked;
}

function connect(
  transport: Transport,
  endpoint: string,
  request: { query: string; variables?: Record<string, unknown> },
  options: ClientOptions = {},
): SubscriptionHandle {
  const { sink, handle } = collector();
  if (transport === 'graphql-ws') {
    const headers = options.headers ?? {};
    class WebSocketWithHeaders extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    }
    const client = createWsClient({
      url: endpoint.replace(/^http/, 'ws'),
      webSocketImpl: WebSocketWithHeaders,
      connectionParams: options.connectionParams,
      retryAttempts: 0,
      lazy: true,
    });
    const stop = client.subscribe(request, sink);
    void handle.ended.then(() => client.dispose());
    return {
      ...handle,
      unsubscribe: () => {
        stop();
        void client.dispose();
      },
    };
  }
  const client = createSseClient({
    url: transport === 'sse' ? endpoint : `${endpoint}/stream`,
    singleConnection: transport === 'graphql-sse',
    headers: () => options.headers ?? {},
    retryAttempts: 0,
  });
  // graphql-sse types results as graphql-js ExecutionResults; they arrive as plain JSON.
  const stop = client.subscribe(request, sink as never);
  void handle.ended.then(() => client.dispose());
  return {
    ...handle,
    unsubscribe: () => {
      stop();
      client.dispose();
    },
  };
}
