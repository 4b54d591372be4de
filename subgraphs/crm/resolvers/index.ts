import { DateTimeScalar } from '../../shared/date-time-scalar';
import type { Resolvers } from '../generated/resolvers-types';
import { Customer } from './customer';
import { CustomerActivity, InteractionActivity, MentionActivity, OrderActivity, ShipmentActivity } from './customer-activity';
import { Mutation } from './identity-mutation';
import { Query } from './query';
import { Subscription } from './subscription';

export const crmResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  Customer,
  CustomerActivity,
  InteractionActivity,
  OrderActivity,
  ShipmentActivity,
  MentionActivity,
};
