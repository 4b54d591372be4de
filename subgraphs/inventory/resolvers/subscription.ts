import type { InventoryPort, StockLevel } from '../../../adapters/inventory/inventory-port';
import { InvalidInputError } from '../../../lib/errors';
import { openEventStream, unwrapItem, type StreamItem } from '../../shared/event-stream';
import type { SubscriptionResolvers } from '../generated/resolvers-types';
import { requireListSize } from './limits';

function requireSkus(skus: readonly string[]): Set<string> {
  if (skus.length === 0) throw new InvalidInputError('skus must name at least one SKU; leave it out to hear every SKU', 'skus');
  if (skus.some((sku) => sku.trim() === '')) throw new InvalidInputError('skus must not hold an empty SKU', 'skus');
  return new Set(requireListSize(skus, 'skus'));
}

/** The level as it is now; a centre that no longer holds or expects the product has none of it. */
async function currentLevel(inventory: InventoryPort, sku: string, centerCode: string): Promise<StockLevel> {
  const [levels] = await inventory.findStockBySkus([sku]);
  return levels?.find((level) => level.centerCode === centerCode) ?? { sku, centerCode, onHand: 0, reserved: 0, available: 0, incoming: [] };
}

export const Subscription: SubscriptionResolvers = {
  stockChanged: {
    async subscribe(_, { skus }, context) {
      const { events, inventory, log } = context;
      const wanted = skus === null || skus === undefined ? null : requireSkus(skus);
      return openEventStream({
        bus: events,
        topics: ['stock.changed'],
        log,
        beforeEach: () => context.renewLoaders(),
        // Events say which level changed, not how: the level is read when the event is heard.
        select: ({ payload }) => (wanted && !wanted.has(payload.sku) ? null : currentLevel(inventory, payload.sku, payload.centerCode)),
      });
    },
    resolve: (item: StreamItem<StockLevel>) => unwrapItem(item),
  },
};
