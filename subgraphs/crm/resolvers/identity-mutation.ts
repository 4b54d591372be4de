// Identity resolution's GraphQL face: thin calls to the hub's identity resolution port. The customer
// must exist in the CRM before anything is linked to it.
import { NotFoundError } from '../../../lib/errors';
import type { CrmContext } from '../context';
import type { MutationResolvers } from '../generated/resolvers-types';

async function requireCustomer(customerId: string, { loaders }: CrmContext) {
  const customer = await loaders.customerById.load(customerId);
  if (!customer) throw new NotFoundError('Customer', customerId);
  return customer;
}

export const Mutation: MutationResolvers = {
  async linkIdentity(_, { customerId, namespace, value, source }, context) {
    const customer = await requireCustomer(customerId.trim(), context);
    await context.identityResolution.linkIdentity(customer.id, { namespace, value }, source);
    context.loaders.identitiesByCustomerId.clear(customer.id);
    return customer;
  },

  async resolveIdentity(_, { source, identities }, context) {
    const resolution = await context.identityResolution.resolve(identities, source);
    const customer = await requireCustomer(resolution.customerId, context);
    const link = (i: { namespace: typeof identities[number]['namespace']; value: string }) => ({ customerId: customer.id, ...i });
    return { ...resolution, customer, matchedBy: link(resolution.matchedBy), linked: resolution.linked.map(link) };
  },
};
