import type { InventoryPort } from '../../adapters/inventory/inventory-port';
import type { RequestBase } from '../shared/create-subgraph-server';
import type { LiveContext } from '../shared/live-context';
import type { InventoryLoaders } from './loaders';

/** What every inventory resolver receives: per-request loaders, the inventory port and the event bus. */
export interface InventoryContext extends RequestBase, LiveContext {
  loaders: InventoryLoaders;
  inventory: InventoryPort;
}
