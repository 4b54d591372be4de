// graphql-ws (the graphql-transport-ws protocol) over WebSocket at the gateway's GraphQL path,
// through the same yoga/envelop pipeline as HTTP: the same plugins (request id, logging, limits,
// federated execution, subscription guard), with the connection's credentials as request headers.
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, getOperationAST, type ExecutionArgs } from 'graphql';
import type { Context as WsContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocket, WebSocketServer } from 'ws';
import type { Logger } from '../../lib/logger';
import { connectionRequest } from './connection-request';
import { corkSendsPerTurn } from './corked-sends';
import { TRY_AGAIN_LATER, type LiveConnection } from './live-connection';

export interface GatewayWebSocketOptions {
  // The gateway's yoga instance; its context type is the gateway's, unknown here.
  yoga: YogaServerInstance<Record<string, unknown>, Record<string, unknown>>;
  path: string;
  log: Logger;
  /** Subscriptions one connection may hold at a time (default 100). */
  maxSubscriptionsPerConnection?: number;
  /** Interval of WebSocket pings; a client that misses a pong for as long is dropped (default 12 s; 0: off). */
  keepAliveMs?: number;
  /** On close (and for a slow client), how long the client gets for the close handshake before its socket is cut (default 1 s). */
  closeGraceMs?: number;
  /** Checks each operation's request before it runs (authentication); an error refuses the operation. */
  authorize?: (request: Request) => Promise<GraphQLError | null | undefined> | GraphQLError | null | undefined;
}

export interface WebSocketServing {
  /** Attaches to the HTTP server's upgrade requests (subgraphs/shared/listen.ts `webSocket`). */
  (server: Server): { close(): Promise<void> };
}

/** The WebSocket close code of a server going away (RFC 6455). */
const GOING_AWAY = 1001;

type Extra = { socket: WebSocket; request: IncomingMessage };
type Runner = { execute(args: ExecutionArgs): unknown; subscribe(args: ExecutionArgs): unknown };

function closeSocket(socket: WebSocket, code: number, reason: string, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve();
    const cut = setTimeout(() => socket.terminate(), graceMs);
    socket.once('close', () => {
      clearTimeout(cut);
      resolve();
    });
    // A close reason is at most 123 bytes.
    socket.close(code, Buffer.from(reason).subarray(0, 123).toString());
  });
}

export function gatewayWebSocket(options: GatewayWebSocketOptions): WebSocketServing {
  const { yoga, path, log, maxSubscriptionsPerConnection = 100, keepAliveMs = 12_000, closeGraceMs = 1_000 } = options;
  const runners = new WeakMap<object, Runner>();
  const active = new WeakMap<object, Set<string>>();
  const activeOf = (ctx: object) => {
    let ids = active.get(ctx);
    if (!ids) active.set(ctx, (ids = new Set()));
    return ids;
  };
  const runnerOf = (args: ExecutionArgs): Runner => {
    const runner = typeof args.contextValue === 'object' && args.contextValue !== null ? runners.get(args.contextValue) : undefined;
    if (!runner) throw new Error('the operation was not prepared by the gateway WebSocket server');
    return runner;
  };

  return (httpServer: Server) => {
    const wss = new WebSocketServer({ server: httpServer, path });
    useServer<Record<string, unknown> | undefined, Extra>(
      {
        async onSubscribe(ctx: WsContext<Record<string, unknown> | undefined, Extra>, id, payload) {
          try {
            const request = connectionRequest(ctx.extra.request, ctx.connectionParams, payload.extensions);
            const refusal = await options.authorize?.(request);
            if (refusal) return [refusal];
            const liveConnection: LiveConnection = {
              close: (reason) => void closeSocket(ctx.extra.socket, TRY_AGAIN_LATER, reason, closeGraceMs),
            };
            const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({ request, params: payload, liveConnection });
            let document;
            try {
              document = parse(payload.query);
            } catch (error) {
              if (error instanceof GraphQLError) return [error];
              throw error;
            }
            const errors = validate(schema, document);
            if (errors.length > 0) return [...errors];
            const isSubscription = getOperationAST(document, payload.operationName)?.operation === 'subscription';
            const ids = activeOf(ctx);
            if (isSubscription && ids.size >= maxSubscriptionsPerConnection) {
              return [
                new GraphQLError(`Too many subscriptions on this connection: at most ${maxSubscriptionsPerConnection} at a time. Complete one first, or open another connection.`, {
                  extensions: { code: 'SUBSCRIPTION_LIMIT_EXCEEDED', limit: maxSubscriptionsPerConnection },
                }),
              ];
            }
            const contextValue = (await contextFactory()) as Record<string, unknown>;
            runners.set(contextValue, { execute, subscribe });
            if (isSubscription) ids.add(id);
            return { schema, document, operationName: payload.operationName ?? undefined, variableValues: payload.variables ?? undefined, contextValue };
          } catch (err) {
            log.error({ err }, 'a graphql-ws operation could not start');
            return [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
          }
        },
        onComplete(ctx, id) {
          active.get(ctx)?.delete(id);
        },
        execute: (args) => runnerOf(args).execute(args) as never,
        subscribe: (args) => runnerOf(args).subscribe(args) as never,
      },
      wss,
      keepAliveMs,
    );
    wss.on('error', (err) => log.error({ err }, 'WebSocket server error'));
    wss.on('connection', (socket) => corkSendsPerTurn(socket));

    return {
      async close() {
        await Promise.all([...wss.clients].map((socket) => closeSocket(socket, GOING_AWAY, 'The gateway is shutting down', closeGraceMs)));
        await new Promise<void>((resolve) => wss.close(() => resolve()));
      },
    };
  };
}
