import type { QueryResolvers } from '../generated/resolvers-types';
import { requirePageSize } from './limits';

export const Query: QueryResolvers = {
  customer: (_, { id }, { loaders }) => loaders.customerById.load(id),

  customers: (_, { ids }, { loaders }) => loaders.customerById.loadMany(ids).then((found) => found.map(rethrowErrors)),

  async customerByIdentity(_, { namespace, value }, { loaders }) {
    const linked = await loaders.customerIdByIdentity.load({ namespace, value });
    // The CRM id is the customer's own id: it names the customer even before the hub links it.
    const customerId = linked ?? (namespace === 'CRM' ? value.trim() : null);
    return customerId ? loaders.customerById.load(customerId) : null;
  },

  async searchCustomers(_, { query, first, after }, { crm, loaders }) {
    const page = await crm.searchCustomers(query, { first: requirePageSize(first, 'first', 1), after: after ?? null });
    for (const customer of page.nodes) loaders.customerById.prime(customer.id, customer);
    return page;
  },
};

function rethrowErrors<T>(value: T | Error): T {
  if (value instanceof Error) throw value;
  return value;
}
