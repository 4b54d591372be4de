import { DateTimeScalar } from '../../shared/date-time-scalar';
import type { Resolvers } from '../generated/resolvers-types';
import { Customer } from './customer';
import { Query } from './query';

export const crmResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Customer,
};
