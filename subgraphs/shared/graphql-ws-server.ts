// graphql-ws (the graphql-transport-ws protocol) over WebSocket on the subgraph's GraphQL path,
// driven by the same yoga/envelop pipeline as HTTP: same context factory, masking and validation.
import type { Server } from 'node:http';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../lib/logger';
import { executePrepared, prepareOperation, subscribePrepared } from './enveloped-operation';
import type { WebSocketAttachment } from './listen';
import { requestMetaFromWebSocket } from './request-meta';
import type { SubgraphServer } from './create-subgraph-server';

export interface GraphqlWsOptions {
  /** Names the subgraph in the masked message of an unexpected failure. */
  name: string;
  log: Logger;
  /** Defaults to the yoga instance's GraphQL endpoint (/graphql). */
  path?: string;
  /** Interval of WebSocket pings; a client that misses a pong for as long is dropped (0 turns it off). */
  keepAliveMs?: number;
  /** On close, how long clients get to answer the close handshake before their sockets are cut. */
  closeGraceMs?: number;
}

/** The WebSocket close code for a server going away (RFC 6455). */
const GOING_AWAY = 1001;

export function graphqlWsAttachment(yoga: SubgraphServer, options: GraphqlWsOptions): WebSocketAttachment {
  const { log, keepAliveMs = 12_000, closeGraceMs = 1_000 } = options;
  return (httpServer: Server) => {
    const wss = new WebSocketServer({ server: httpServer, path: options.path ?? yoga.graphqlEndpoint });
    useServer<Record<string, unknown> | undefined, { request: import('node:http').IncomingMessage }>(
      {
        async onSubscribe(ctx, _id, payload) {
          try {
            const transport = requestMetaFromWebSocket(ctx.connectionParams, ctx.extra.request.headers, payload.extensions);
            const prepared = await prepareOperation(yoga, { transport, params: payload, req: ctx.extra.request }, payload);
            return prepared;
          } catch (err) {
            log.error({ err }, 'graphql-ws operation could not start');
            return [new GraphQLError(`Unexpected error in the ${options.name} subgraph`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
          }
        },
        execute: (args) => executePrepared(args) as never,
        subscribe: (args) => subscribePrepared(args) as never,
      },
      wss,
      keepAliveMs,
    );
    wss.on('error', (err) => log.error({ err }, 'WebSocket server error'));

    return {
      async close() {
        const open = [...wss.clients];
        // Closing the socket completes its operations (graphql-ws returns every open iterator).
        await Promise.all(
          open.map(
            (socket) =>
              new Promise<void>((resolve) => {
                if (socket.readyState === WebSocket.CLOSED) return resolve();
                const cut = setTimeout(() => socket.terminate(), closeGraceMs);
                socket.once('close', () => {
                  clearTimeout(cut);
                  resolve();
                });
                socket.close(GOING_AWAY, 'The server is shutting down');
              }),
          ),
        );
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
    };
  };
}
