import type { DistributionCenterResolvers } from '../generated/resolvers-types';
import { requirePageSize } from './limits';

export const DistributionCenter: DistributionCenterResolvers = {
  __resolveReference: (ref, { loaders }) => loaders.centerByCode.load(ref.code),

  location: (center) => ({ latitude: center.latitude, longitude: center.longitude }),

  stock: (center, { first }, { loaders }) => loaders.stockByCenterCode(requirePageSize(first, 'first')).load(center.code),
};
