// Per-request DataLoaders over the batch-first inventory port: every centre and stock list a
// query touches is fetched in one call per kind, whatever the number of products.
import DataLoader from 'dataloader';
import type { DistributionCenter, InventoryPort, StockLevel } from '../../adapters/inventory/inventory-port';

export interface InventoryLoaders {
  centerByCode: DataLoader<string, DistributionCenter | null>;
  stockBySku: DataLoader<string, StockLevel[]>;
  /** One loader per distinct `first`, so that centres asked the same way share a batch. */
  stockByCenterCode(first: number): DataLoader<string, StockLevel[]>;
}

export function createInventoryLoaders(inventory: InventoryPort): InventoryLoaders {
  const stockByCenterLoaders = new Map<number, DataLoader<string, StockLevel[]>>();
  return {
    centerByCode: new DataLoader((codes) => inventory.findCentersByCodes(codes)),
    stockBySku: new DataLoader((skus) => inventory.findStockBySkus(skus)),
    stockByCenterCode(first) {
      let loader = stockByCenterLoaders.get(first);
      if (!loader) {
        loader = new DataLoader((codes) => inventory.findStockByCenterCodes(codes, { first }));
        stockByCenterLoaders.set(first, loader);
      }
      return loader;
    },
  };
}
