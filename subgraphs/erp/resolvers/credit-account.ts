import type { CreditAccountResolvers } from '../generated/resolvers-types';
import { money } from './money';

export const CreditAccount: CreditAccountResolvers = {
  limit: (account) => money(account.limitCents, account.currency),
  used: (account) => money(account.usedCents, account.currency),
  // Over the limit there is nothing left to spend, not a negative amount.
  available: (account) => money(Math.max(0, account.limitCents - account.usedCents), account.currency),
};
