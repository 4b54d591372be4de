// The graphql-sse protocol in full (single-connection mode with its reservation token, and
// distinct-connections mode) at /graphql/stream. Yoga itself answers `Accept: text/event-stream`
// at /graphql, which covers plain SSE clients and graphql-sse's distinct-connections mode.
import type { ExecutionResult } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import type { Logger } from '../../lib/logger';
import { executePrepared, prepareOperation, subscribePrepared } from './enveloped-operation';
import { requestMetaFromHeaders } from './request-meta';

async function* singleResult(result: ExecutionResult): AsyncGenerator<ExecutionResult> {
  yield result;
}

export const GRAPHQL_SSE_PATH = '/graphql/stream';

export interface GraphqlSseOptions {
  log: Logger;
  path?: string;
}

export function useGraphqlSse({ log, path = GRAPHQL_SSE_PATH }: GraphqlSseOptions): Plugin {
  let handler: ((request: Request) => Promise<Response>) | null = null;
  return {
    onYogaInit({ yoga }) {
      const server = yoga as unknown as YogaServerInstance<Record<string, never>, object>;
      handler = createHandler<Record<PropertyKey, unknown>>({
        async onSubscribe(req, params) {
          const prepared = await prepareOperation(server, { request: req.raw, params, transport: requestMetaFromHeaders(req.headers as Headers) }, params);
          // An invalid operation's errors go down the event stream as its one result, as graphql-ws
          // sends them, rather than as an HTTP 400 whose body a client library would not show.
          return Array.isArray(prepared) ? singleResult({ errors: prepared }) : prepared;
        },
        execute: (args) => executePrepared(args) as never,
        subscribe: (args) => subscribePrepared(args) as never,
      });
    },
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== path || !handler) return;
      try {
        endResponse(await handler(request));
      } catch (err) {
        log.error({ err }, 'graphql-sse request failed');
        endResponse(new Response(null, { status: 500, statusText: 'Internal Server Error' }));
      }
    },
  };
}
