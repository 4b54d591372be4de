import type { CustomerResolvers } from '../generated/resolvers-types';
import { requirePageSize } from './limits';

export const Customer: CustomerResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.customerById.load(ref.id),

  name: (customer) => `${customer.firstName} ${customer.lastName}`.trim(),

  identities: (customer, _, { loaders }) => loaders.identitiesByCustomerId.load(customer.id),

  identityMerges: (customer, _, { loaders }) => loaders.identityMergesByCustomerId.load(customer.id),

  interactions: (customer, { first, channels }, { loaders }) =>
    loaders.interactionsByCustomerId({ first: requirePageSize(first, 'first', 0), channels: channels ?? null }).load(customer.id),
};
