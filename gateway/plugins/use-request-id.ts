import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../../lib/logger';
import { REQUEST_ID_HEADER, type RequestIds } from '../request-ids';

export interface RequestIdOptions {
  requestIds: RequestIds;
  log: Logger;
}

/**
 * Accepts the caller's x-request-id (or makes one), returns it on every response, and puts it
 * with a child logger carrying it into the GraphQL context.
 */
export function useRequestId({ requestIds, log }: RequestIdOptions): Plugin<{ requestId: string; log: Logger }> {
  return {
    onRequest({ request }) {
      requestIds.of(request);
    },
    onContextBuilding({ context, extendContext }) {
      const requestId = requestIds.of(context.request);
      extendContext({ requestId, log: log.child({ requestId }) });
    },
    onResponse({ request, response }) {
      response.headers.set(REQUEST_ID_HEADER, requestIds.of(request));
    },
  };
}
