import { DateTimeScalar } from '../../shared/date-time-scalar';
import type { Resolvers } from '../generated/resolvers-types';
import { Order } from './order';
import { Query } from './query';
import { Shipment } from './shipment';
import { Subscription } from './subscription';

export const shippingResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Subscription,
  Order,
  Shipment,
};
