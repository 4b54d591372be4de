import type { CustomerResolvers } from '../generated/resolvers-types';
import { CustomerListeningFields } from './customer-listening';

export const Customer: CustomerResolvers = {
  // Any customer id is a valid reference here: a customer without profiles simply has none.
  __resolveReference: (reference) => ({ id: reference.id }),
  socialProfiles: (customer, _, { loaders }) => loaders.profilesByCustomerId.load(customer.id),
  mentions: (customer, { first, complaintsOnly }, { loaders }) => loaders.mentionsByCustomerId({ first, complaintsOnly }).load(customer.id),
  ...CustomerListeningFields,
};
