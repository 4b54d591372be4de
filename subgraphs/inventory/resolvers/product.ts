import type { ProductResolvers } from '../generated/resolvers-types';
import { availabilityOf } from '../models';

export const Product: ProductResolvers = {
  // Stock is kept for any SKU, known to the item master or not: a product without stock is simply unavailable.
  __resolveReference: (ref) => ({ sku: ref.sku }),

  availability: async (product, _, { loaders }) => availabilityOf(await loaders.stockBySku.load(product.sku)),
};
