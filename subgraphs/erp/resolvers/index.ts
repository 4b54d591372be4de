import { DateTimeScalar } from '../../shared/date-time-scalar';
import type { Resolvers } from '../generated/resolvers-types';
import { CreditAccount } from './credit-account';
import { Customer } from './customer';
import { Money } from './money';
import { Order, OrderLine } from './order';
import { Product } from './product';
import { Query } from './query';
import { Subscription } from './subscription';

export const erpResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Subscription,
  Customer,
  CreditAccount,
  Money,
  Order,
  OrderLine,
  Product,
};
