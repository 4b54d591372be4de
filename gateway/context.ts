import type { YogaInitialContext } from 'graphql-yoga';
import type { Logger } from '../lib/logger';

/** What every gateway plugin finds in the GraphQL context of a request. */
export interface GatewayContext extends YogaInitialContext {
  /** The caller's x-request-id, or one made for this request; sent back and to every subgraph. */
  requestId: string;
  /** A child logger carrying the request id. */
  log: Logger;
}
