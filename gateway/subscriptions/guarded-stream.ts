// One client's subscription as its transport consumes it: results are taken from the executor as
// they come and wait here, at most `bufferSize` of them. A client whose transport does not take
// them (a reader that stopped reading: its socket's buffers are full) gets its connection closed
// with an error instead of holding memory or anyone else back. A stream whose credentials expire
// ends with an error at that moment.
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Logger } from '../../lib/logger';
import { PushQueue } from '../engine/subscriptions/push-queue';
import type { LiveConnection } from './live-connection';

export interface GuardOptions {
  /** Results waiting for the client at most; one more and the client is closed (at least 1). */
  bufferSize: number;
  /** When the caller's credentials expire (ms since the epoch), or null. */
  expiresAtMs: number | null;
  /** How to close the client's connection; null when the transport gives no way (the stream still ends). */
  connection: LiveConnection | null;
  log: Logger;
  /** Called once the stream is over (ended, or left by the client). */
  onRelease?: () => void;
  now?: () => number;
}

export const SUBSCRIBER_TOO_SLOW = 'SUBSCRIBER_TOO_SLOW';
export const TOKEN_EXPIRED = 'TOKEN_EXPIRED';

/** setTimeout's longest delay; longer waits are re-armed. */
const MAX_TIMER_MS = 2_147_483_647;

export function tokenExpiredResult(): ExecutionResult {
  return { errors: [new GraphQLError('The credentials of this subscription expired; it was closed. Subscribe again with fresh credentials.', { extensions: { code: TOKEN_EXPIRED } })] };
}

export function guardStream(source: AsyncIterator<ExecutionResult>, options: GuardOptions): AsyncIterableIterator<ExecutionResult> {
  const { bufferSize, connection, log } = options;
  const now = options.now ?? Date.now;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const stopSource = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped) return;
    stopped = true;
    void Promise.resolve(source.return?.()).catch((err: unknown) => log.warn({ err }, 'ending a subscription source failed'));
  };
  const out = new PushQueue<ExecutionResult>({
    onRelease: () => {
      stopSource();
      options.onRelease?.();
    },
  });

  const endWith = (result: ExecutionResult) => {
    out.push(result);
    out.end();
    stopSource();
  };

  const expiresAtMs = options.expiresAtMs;
  if (expiresAtMs !== null) {
    const arm = () => {
      const wait = expiresAtMs - now();
      if (wait <= 0) {
        log.info('subscription credentials expired: closing the stream');
        endWith(tokenExpiredResult());
        return;
      }
      timer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
      timer.unref?.();
    };
    arm();
  }

  const pump = async () => {
    while (!stopped) {
      let item: IteratorResult<ExecutionResult>;
      try {
        item = await source.next();
      } catch (err) {
        log.error({ err }, 'a subscription source failed');
        endWith({ errors: [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] });
        return;
      }
      if (stopped) return;
      if (item.done) {
        out.end();
        stopSource();
        return;
      }
      if (out.length >= Math.max(1, bufferSize)) {
        log.warn({ bufferSize }, 'subscriber too slow: closing its connection');
        out.clear();
        endWith({
          errors: [
            new GraphQLError(`The client fell more than ${bufferSize} results behind; its connection was closed.`, {
              extensions: { code: SUBSCRIBER_TOO_SLOW },
            }),
          ],
        });
        connection?.close(`Subscriber too slow: more than ${bufferSize} results waiting`);
        return;
      }
      out.push(item.value);
    }
  };
  if (!out.isEnded) void pump();
  return out;
}
