import type { ProductResolvers } from '../generated/resolvers-types';
import { requirePageSize } from './limits';
import { money } from './money';
import { productsBySku } from './recommended-products';

export const Product: ProductResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.productBySku.load(ref.sku),

  price: (product) => money(product.priceCents, product.currency),

  alsoBought: async (product, { first }, { loaders }) => productsBySku(await loaders.alsoBoughtBySku(requirePageSize(first, 'first')).load(product.sku), loaders),
};
