import type { QueryResolvers } from '../generated/resolvers-types';
import { requirePageSize } from './limits';

export const Query: QueryResolvers = {
  product: (_, { sku }, { loaders }) => loaders.productBySku.load(sku),

  order: (_, { id }, { loaders }) => loaders.orderById.load(id),

  async products(_, { category, first, after }, { erp, loaders }) {
    const page = await erp.listProducts({ category: category ?? null, first: requirePageSize(first, 'first'), after: after ?? null });
    for (const product of page.nodes) loaders.productBySku.prime(product.sku, product);
    return page;
  },
};
