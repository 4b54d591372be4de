import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

/** A WebSocket server riding on the HTTP server (its upgrade requests); closed before the HTTP server. */
export type WebSocketAttachment = (server: Server) => { close(): Promise<void> };

export interface ListenOptions {
  /** Serves WebSocket upgrades too (graphql-ws on the GraphQL path, see graphql-ws-server.ts). */
  webSocket?: WebSocketAttachment;
}

/** Serves a fetch-style handler (a yoga instance) over node:http. Port 0 picks a free port. */
export async function listen(handler: Parameters<typeof createServer>[1], port: number, host = '127.0.0.1', options: ListenOptions = {}): Promise<Listening> {
  const server = createServer(handler);
  server.keepAliveTimeout = 61_000;
  const webSocket = options.webSocket?.(server);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    await webSocket?.close();
    throw error;
  }
  const actual = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${actual}`,
    port: actual,
    server,
    close: async () => {
      // WebSockets first: they are upgraded connections, which closeAllConnections does not end.
      await webSocket?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
