// Per-request DataLoaders over the batch-first ERP port and the hub's identity links. The graph
// knows customers by their Touchpoint id; the ERP knows only its account numbers, so customers are
// mapped to accounts (and back) through the hub, in one lookup per batch.
import DataLoader from 'dataloader';
import type { CreditAccount, ErpPort, Order, OrderLine, Product } from '../../adapters/erp/erp-port';
import type { IdentityPort } from '../../adapters/hub/hub-store-port';
import type { RecommendationsPort } from '../../adapters/erp/recommendations/recommendations-port';

export interface ErpLoaders {
  productBySku: DataLoader<string, Product | null>;
  orderById: DataLoader<string, Order | null>;
  linesByOrderId: DataLoader<string, OrderLine[]>;
  creditAccountByAccountNumber: DataLoader<string, CreditAccount | null>;
  /** One loader per distinct `first`, so that accounts asked the same way share a batch. */
  ordersByAccountNumber(first: number): DataLoader<string, Order[]>;
  /** Every ERP account number linked to the customer, in link order. */
  accountNumbersByCustomerId: DataLoader<string, string[]>;
  /** The customer holding an ERP account number; null when the hub has no link for it. */
  customerIdByAccountNumber: DataLoader<string, string | null>;
  /** The newest orders across all of the customer's accounts, at most `first`. */
  ordersByCustomerId(first: number): DataLoader<string, Order[]>;
  /** The credit account of the customer's first linked account that has one. */
  creditAccountByCustomerId: DataLoader<string, CreditAccount | null>;
  /** One loader per distinct `first`: in-stock products bought together with each SKU. */
  alsoBoughtBySku(first: number): DataLoader<string, string[]>;
  /** One loader per distinct `first`: in-stock products recommended to each customer. */
  recommendationsByCustomerId(first: number): DataLoader<string, string[]>;
}

function valuesOf<T>(results: readonly (T | Error)[]): T[] {
  return results.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}

function newestFirst(a: Order, b: Order): number {
  return b.placedAt.getTime() - a.placedAt.getTime() || b.id.localeCompare(a.id);
}

export function createErpLoaders(erp: ErpPort, identities: IdentityPort, recommendations?: RecommendationsPort | null): ErpLoaders {
  const alsoBoughtLoaders = new Map<number, DataLoader<string, string[]>>();
  const recommendationLoaders = new Map<number, DataLoader<string, string[]>>();
  const requireRecommendations = (): RecommendationsPort => {
    if (!recommendations) throw new Error('recommendations need the warehouse database (inventoryDatabaseUrl) and the ERP database');
    return recommendations;
  };
  const ordersByAccountLoaders = new Map<number, DataLoader<string, Order[]>>();
  const ordersByCustomerLoaders = new Map<number, DataLoader<string, Order[]>>();

  const loaders: ErpLoaders = {
    productBySku: new DataLoader((skus) => erp.findProductsBySkus(skus)),
    orderById: new DataLoader((ids) => erp.findOrdersByIds(ids)),
    linesByOrderId: new DataLoader((ids) => erp.findLinesByOrderIds(ids)),
    creditAccountByAccountNumber: new DataLoader((accounts) => erp.findCreditAccountsByAccountNumbers(accounts)),

    ordersByAccountNumber(first) {
      let loader = ordersByAccountLoaders.get(first);
      if (!loader) {
        loader = new DataLoader((accounts) => erp.findOrdersByAccountNumbers(accounts, { first }));
        ordersByAccountLoaders.set(first, loader);
      }
      return loader;
    },

    accountNumbersByCustomerId: new DataLoader(async (customerIds) => {
      const links = await identities.findIdentitiesByCustomerIds(customerIds, 'ERP');
      return links.map((ls) => ls.map((l) => l.value));
    }),

    customerIdByAccountNumber: new DataLoader((accounts) =>
      identities.findCustomerIdsByIdentities(accounts.map((value) => ({ namespace: 'ERP' as const, value }))),
    ),

    ordersByCustomerId(first) {
      let loader = ordersByCustomerLoaders.get(first);
      if (!loader) {
        loader = new DataLoader(async (customerIds) => {
          const accounts = valuesOf(await loaders.accountNumbersByCustomerId.loadMany(customerIds));
          const orders = valuesOf(await loaders.ordersByAccountNumber(first).loadMany(accounts.flat()));
          let next = 0;
          // Each account already holds its newest `first`; a customer with several accounts gets the newest overall.
          return accounts.map((own) => own.flatMap(() => orders[next++]!).sort(newestFirst).slice(0, first));
        });
        ordersByCustomerLoaders.set(first, loader);
      }
      return loader;
    },

    creditAccountByCustomerId: new DataLoader(async (customerIds) => {
      const accounts = valuesOf(await loaders.accountNumbersByCustomerId.loadMany(customerIds));
      const credit = valuesOf(await loaders.creditAccountByAccountNumber.loadMany(accounts.flat()));
      let next = 0;
      return accounts.map((own) => own.map(() => credit[next++]!).find((c) => c !== null) ?? null);
    }),

    alsoBoughtBySku(first) {
      let loader = alsoBoughtLoaders.get(first);
      if (!loader) {
        loader = new DataLoader(async (skus) => (await requireRecommendations().alsoBought(skus, first)).map((l) => l.map((c) => c.sku)));
        alsoBoughtLoaders.set(first, loader);
      }
      return loader;
    },

    recommendationsByCustomerId(first) {
      let loader = recommendationLoaders.get(first);
      if (!loader) {
        loader = new DataLoader(async (customerIds) => {
          const accounts = valuesOf(await loaders.accountNumbersByCustomerId.loadMany(customerIds));
          return (await requireRecommendations().recommendForAccounts(accounts, first)).map((l) => l.map((c) => c.sku));
        });
        recommendationLoaders.set(first, loader);
      }
      return loader;
    },
  };
  return loaders;
}
