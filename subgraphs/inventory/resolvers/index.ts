import { DateTimeScalar } from '../../shared/date-time-scalar';
import type { Resolvers } from '../generated/resolvers-types';
import { DistributionCenter } from './distribution-center';
import { Product } from './product';
import { Query } from './query';
import { StockLevel } from './stock-level';
import { Subscription } from './subscription';

export const inventoryResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Subscription,
  Product,
  DistributionCenter,
  StockLevel,
};
