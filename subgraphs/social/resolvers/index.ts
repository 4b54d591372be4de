import { DateTimeScalar } from '../../shared/date-time-scalar';
import type { Resolvers } from '../generated/resolvers-types';
import { Customer } from './customer';
import { Mention } from './mention';
import { Query } from './query';
import { SocialProfile } from './social-profile';
import { Subscription } from './subscription';

export const socialResolvers: Resolvers = { DateTime: DateTimeScalar, Query, Subscription, Customer, Mention, SocialProfile };
