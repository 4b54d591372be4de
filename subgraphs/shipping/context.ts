import type { CarrierPort } from '../../adapters/carrier/carrier-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { ShippingLoaders } from './loaders';

/** What every shipping resolver receives: per-request loaders and the request-scoped carrier port. */
export interface ShippingContext extends RequestBase {
  loaders: ShippingLoaders;
  carrier: CarrierPort;
}
