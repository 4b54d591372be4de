import type { ProductResolvers } from '../generated/resolvers-types';
import { money } from './money';

export const Product: ProductResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.productBySku.load(ref.sku),

  price: (product) => money(product.priceCents, product.currency),
};
