// A partner's view of customers' orders: only the orders that came through the partner, cut at
// `first` by the ERP itself (so a page is full of the partner's orders, not a filtered remainder).
import DataLoader from 'dataloader';
import type { ErpPort, Order } from '../../../adapters/erp/erp-port';
import type { ErpLoaders } from '../loaders';

function newestFirst(a: Order, b: Order): number {
  return b.placedAt.getTime() - a.placedAt.getTime() || b.id.localeCompare(a.id);
}

export type PartnerOrdersLoader = (first: number) => DataLoader<string, Order[]>;

/** Per request: one loader per distinct `first`, keyed by customer id, through the customer's ERP accounts. */
export function createPartnerOrdersLoader(erp: ErpPort, loaders: ErpLoaders, partnerId: string): PartnerOrdersLoader {
  const byFirst = new Map<number, DataLoader<string, Order[]>>();
  return (first) => {
    let loader = byFirst.get(first);
    if (!loader) {
      loader = new DataLoader(async (customerIds) => {
        const accounts = await Promise.all(customerIds.map((id) => loaders.accountNumbersByCustomerId.load(id)));
        const orders = await erp.findOrdersByAccountNumbers(accounts.flat(), { first, partnerId });
        let next = 0;
        return accounts.map((own) => own.flatMap(() => orders[next++]!).sort(newestFirst).slice(0, first));
      });
      byFirst.set(first, loader);
    }
    return loader;
  };
}
