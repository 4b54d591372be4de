import type { YogaInitialContext } from 'graphql-yoga';
import type { Logger } from '../lib/logger';
import type { Principal } from './auth/principal';

/** What every gateway plugin finds in the GraphQL context of a request. */
export interface GatewayContext extends YogaInitialContext {
  /** The caller's x-request-id, or one made for this request; sent back and to every subgraph. */
  requestId: string;
  /** A child logger carrying the request id. */
  log: Logger;
  /** Who is asking, when the endpoint authenticates callers (useAuthentication). */
  principal?: Principal;
  /** Headers this request adds to every subgraph fetch (the gateway-signed claims). */
  subgraphHeaders?: Record<string, string>;
}
