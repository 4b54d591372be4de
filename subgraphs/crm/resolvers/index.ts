import { DateTimeScalar } from '../../shared/date-time-scalar';
import type { Resolvers } from '../generated/resolvers-types';
import { Customer } from './customer';
import { CustomerActivity, InteractionActivity, MentionActivity, OrderActivity, ShipmentActivity } from './customer-activity';
import { Query } from './query';
import { Subscription } from './subscription';

export const crmResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Subscription,
  Customer,
  CustomerActivity,
  InteractionActivity,
  OrderActivity,
  ShipmentActivity,
  MentionActivity,
};
