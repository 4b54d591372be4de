// Social listening on Customer: score, social-member flag and routing hint, all from one loader.
import type { CustomerResolvers } from '../generated/resolvers-types';

export const CustomerListeningFields: Pick<CustomerResolvers, 'listening' | 'socialMember' | 'routingHint'> = {
  listening: (customer, _, { loaders }) => loaders.listeningByCustomerId.load(customer.id),
  socialMember: async (customer, _, { loaders }) => (await loaders.listeningByCustomerId.load(customer.id)).socialMember,
  routingHint: async (customer, _, { loaders }) => (await loaders.listeningByCustomerId.load(customer.id)).routingHint,
};
