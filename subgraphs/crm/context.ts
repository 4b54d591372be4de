import type { CrmPort } from '../../adapters/crm/crm-port';
import type { IdentityPort } from '../../adapters/hub/hub-store-port';
import type { IdentityResolutionPort } from '../../adapters/hub/identity/identity-resolution-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { LiveContext } from '../shared/live-context';
import type { CrmLoaders } from './loaders';

/** What every crm resolver receives: per-request loaders, the request-scoped CRM port, identity links and the event bus. */
export interface CrmContext extends RequestBase, LiveContext {
  loaders: CrmLoaders;
  crm: CrmPort;
  /** Customer ids <-> identities in other systems (the hub's identity links). */
  identities: IdentityPort;
  /** Matching rules, links with limits and blocked values, merges (identity resolution). */
  identityResolution: IdentityResolutionPort;
}
