import type { InventoryPort } from '../../adapters/inventory/inventory-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { InventoryLoaders } from './loaders';

/** What every inventory resolver receives: per-request loaders and the inventory port. */
export interface InventoryContext extends RequestBase {
  loaders: InventoryLoaders;
  inventory: InventoryPort;
}
