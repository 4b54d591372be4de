import { NotFoundError } from '../../../lib/errors';
import type { StockLevelResolvers } from '../generated/resolvers-types';

export const StockLevel: StockLevelResolvers = {
  product: (level) => ({ sku: level.sku }),

  async center(level, _, { loaders }) {
    const center = await loaders.centerByCode.load(level.centerCode);
    if (center === null) throw new NotFoundError('DistributionCenter', level.centerCode);
    return center;
  },
};
