import type { ErpPort } from '../../adapters/erp/erp-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { ErpLoaders } from './loaders';

/** What every erp resolver receives: per-request loaders and the ERP port. */
export interface ErpContext extends RequestBase {
  loaders: ErpLoaders;
  erp: ErpPort;
}
