import type { CustomerResolvers } from '../generated/resolvers-types';
import { requirePageSize } from './limits';
import { productsBySku } from './recommended-products';

export const Customer: CustomerResolvers = {
  // The ERP extends customers owned elsewhere: any id is a customer, possibly one without accounts.
  __resolveReference: (ref) => ({ id: ref.id }),

  orders: (customer, { first }, { loaders }) => loaders.ordersByCustomerId(requirePageSize(first, 'first')).load(customer.id),

  creditAccount: (customer, _, { loaders }) => loaders.creditAccountByCustomerId.load(customer.id),

  recommendations: async (customer, { first }, { loaders }) => productsBySku(await loaders.recommendationsByCustomerId(requirePageSize(first, 'first')).load(customer.id), loaders),
};
