import type { CarrierPort } from '../../adapters/carrier/carrier-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { LiveContext } from '../shared/live-context';
import type { ShippingLoaders } from './loaders';

/** What every shipping resolver receives: per-request loaders, the request-scoped carrier port and the event bus. */
export interface ShippingContext extends RequestBase, LiveContext {
  loaders: ShippingLoaders;
  carrier: CarrierPort;
}
