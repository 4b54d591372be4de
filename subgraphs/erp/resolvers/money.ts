import { formatCents, type Money as MoneyModel } from '../../../lib/money';
import type { MoneyResolvers } from '../generated/resolvers-types';

export const Money: MoneyResolvers = {
  amount: (money) => formatCents(money.cents),
};

export function money(cents: number, currency: string): MoneyModel {
  return { cents, currency };
}
