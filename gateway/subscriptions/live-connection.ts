// The connection a subscription is delivered over, as the subscription guard needs it: to close
// the connection of a client too slow to keep (its socket is stuck, so an in-band error alone
// would sit unsent behind the data it has not read).
import type { ServerResponse } from 'node:http';

export interface LiveConnection {
  /** Closes the client's connection, telling it why where the transport can (a WebSocket close reason). */
  close(reason: string): void;
}

/** What a transport puts in the GraphQL context for the subscription guard. */
export interface LiveConnectionContext {
  liveConnection?: LiveConnection;
  /** Node's response, in the context of requests yoga serves over node:http (SSE). */
  res?: ServerResponse;
}

/** The WebSocket close code for "the server cannot keep up with this client; try again later" (RFC 6455). */
export const TRY_AGAIN_LATER = 1013;

/** The connection of a subscription, or null when the transport gives no way to close it. */
export function liveConnectionOf(context: LiveConnectionContext, graceMs: number): LiveConnection | null {
  if (context.liveConnection) return context.liveConnection;
  const res = context.res;
  if (res && typeof res.destroy === 'function') {
    return {
      // The error result is queued first; a client that reads it in time gets a clean end instead.
      close() {
        const timer = setTimeout(() => res.destroy(), graceMs);
        timer.unref?.();
        res.once('close', () => clearTimeout(timer));
      },
    };
  }
  return null;
}
