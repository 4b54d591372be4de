import type { QueryResolvers } from '../generated/resolvers-types';
import { requireListSize } from './limits';

export const Query: QueryResolvers = {
  async distributionCenters(_, __, { inventory, loaders }) {
    const centers = await inventory.listCenters();
    for (const center of centers) loaders.centerByCode.prime(center.code, center);
    return centers;
  },

  distributionCenter: (_, { code }, { loaders }) => loaders.centerByCode.load(code),

  async stockLevels(_, { skus }, { loaders }) {
    const stock = await loaders.stockBySku.loadMany(requireListSize(skus, 'skus'));
    return stock.flatMap((levels) => {
      if (levels instanceof Error) throw levels;
      return levels;
    });
  },
};
