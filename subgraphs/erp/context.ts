import type { ErpPort } from '../../adapters/erp/erp-port';
import type { IdentityPort } from '../../adapters/hub/hub-store-port';
import type { RecommendationsPort } from '../../adapters/erp/recommendations/recommendations-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { LiveContext } from '../shared/live-context';
import type { ErpLoaders } from './loaders';

/** What every erp resolver receives: per-request loaders, the ERP port, identity links and the event bus. */
export interface ErpContext extends RequestBase, LiveContext {
  loaders: ErpLoaders;
  erp: ErpPort;
  /** Customer ids <-> ERP account numbers (the hub's identity links). */
  identities: IdentityPort;
  /** Upsell recommendations; null when the service has no warehouse database to check stock against. */
  recommendations?: RecommendationsPort | null;
}
