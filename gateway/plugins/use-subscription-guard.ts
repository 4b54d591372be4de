import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../lib/logger';
import type { GatewayContext } from '../context';
import { guardStream } from '../subscriptions/guarded-stream';
import { liveConnectionOf, type LiveConnectionContext } from '../subscriptions/live-connection';
import { bearerTokenExpiry } from '../subscriptions/token-expiry';

export interface SubscriptionGuardOptions {
  /** Results a client may leave waiting before its connection is closed (default 256). */
  bufferSize?: number;
  /**
   * When the caller's credentials expire (seconds since the epoch), or null. By default the `exp`
   * of the bearer JWT in the authorization header, read without verifying it.
   */
  expiresAt?: (context: GatewayContext) => number | null;
  /** How long a slow client gets to read its error before its connection is cut (default 1 s). */
  closeGraceMs?: number;
  log: Logger;
  /** Every stream being served, for ending them all on shutdown (each removes itself when over). */
  streams?: Set<AsyncIterator<unknown>>;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<ExecutionResult> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The verified principal's expiry when authentication ran, else the bearer JWT's own `exp`. */
const defaultExpiry = (context: GatewayContext): number | null => {
  const verified = (context as { principal?: { expiresAt?: unknown } }).principal?.expiresAt;
  if (typeof verified === 'number') return verified;
  return bearerTokenExpiry(context.request?.headers.get('authorization'));
};

/**
 * Every subscription result stream, whatever transport carries it (graphql-ws, SSE): a bounded
 * buffer per client (a client too slow to read is closed with an error, the others go on), and
 * the stream ends with an error when the caller's credentials expire.
 */
export function useSubscriptionGuard({ bufferSize = 256, expiresAt = defaultExpiry, closeGraceMs = 1000, log, streams }: SubscriptionGuardOptions): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ args, result, setResult }) {
          if (!isAsyncIterable(result)) return;
          const context = args.contextValue as GatewayContext & LiveConnectionContext;
          const expiry = expiresAt(context);
          const guarded = guardStream(result[Symbol.asyncIterator](), {
            bufferSize,
            expiresAtMs: expiry === null ? null : expiry * 1000,
            connection: liveConnectionOf(context, closeGraceMs),
            log: context.log ?? log,
            // Later, not now: a stream may be over before it is even returned (credentials already expired).
            onRelease: () => queueMicrotask(() => streams?.delete(guarded)),
          });
          streams?.add(guarded);
          setResult(guarded);
        },
      };
    },
  };
}
