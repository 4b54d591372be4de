// Per-request DataLoaders over the batch-first ports: every customer, identity and interaction
// list a query touches is fetched in one call per kind, whatever the number of customers.
import DataLoader from 'dataloader';
import type { CrmPort, Customer, Interaction, InteractionChannel } from '../../adapters/crm/crm-port';
import type { IdentityLink, IdentityNamespace, IdentityPort } from '../../adapters/hub/hub-store-port';
import type { IdentityMerge, IdentityResolutionPort } from '../../adapters/hub/identity/identity-resolution-port';

export interface IdentityKey {
  namespace: IdentityNamespace;
  value: string;
}

export interface InteractionOptions {
  first: number;
  channels: readonly InteractionChannel[] | null;
}

export interface CrmLoaders {
  customerById: DataLoader<string, Customer | null>;
  customerIdByIdentity: DataLoader<IdentityKey, string | null, string>;
  identitiesByCustomerId: DataLoader<string, IdentityLink[]>;
  /** Merges each customer took part in (identity resolution). */
  identityMergesByCustomerId: DataLoader<string, IdentityMerge[]>;
  /** One loader per distinct (first, channels), so that customers asked the same way share a batch. */
  interactionsByCustomerId(options: InteractionOptions): DataLoader<string, Interaction[]>;
}

export function createCrmLoaders(crm: CrmPort, identities: IdentityPort, resolution?: IdentityResolutionPort): CrmLoaders {
  const interactionLoaders = new Map<string, DataLoader<string, Interaction[]>>();
  return {
    customerById: new DataLoader((ids) => crm.findCustomersByIds(ids)),
    customerIdByIdentity: new DataLoader((keys) => identities.findCustomerIdsByIdentities(keys), {
      cacheKeyFn: (k) => `${k.namespace}\u0000${k.value}`,
    }),
    identitiesByCustomerId: new DataLoader((ids) => identities.findIdentitiesByCustomerIds(ids)),
    // Without identity resolution (a CRM of its own, no hub store) no customer was ever merged.
    identityMergesByCustomerId: new DataLoader(async (ids) => (resolution ? resolution.findMergesByCustomerIds(ids) : ids.map(() => []))),
    interactionsByCustomerId(options) {
      const channels = options.channels ? [...new Set(options.channels)].sort() : null;
      const key = `${options.first}|${channels?.join(',') ?? '*'}`;
      let loader = interactionLoaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => crm.findInteractionsByCustomerIds(ids, { first: options.first, channels }));
        interactionLoaders.set(key, loader);
      }
      return loader;
    },
  };
}
