import type { CrmPort } from '../../adapters/crm/crm-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { CrmLoaders } from './loaders';

/** What every crm resolver receives: per-request loaders and the request-scoped CRM port. */
export interface CrmContext extends RequestBase {
  loaders: CrmLoaders;
  crm: CrmPort;
}
