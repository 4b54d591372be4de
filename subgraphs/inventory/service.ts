// Starts the inventory subgraph: the legacy warehouse database through its SQL adapter.
import { openInventorySql } from '../../adapters/inventory/sql/open-inventory-sql';
import type { StatementObserver } from '../../adapters/sql/database';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { listen } from '../shared/listen';
import type { RunningService } from '../shared/running-service';
import type { InventoryContext } from './context';
import { createInventoryLoaders } from './loaders';
import { buildInventorySchema } from './schema';

export interface InventoryServiceOptions {
  /** The warehouse system's database: `sqlite:<file>` or `mysql://...`. */
  inventoryDatabaseUrl: string;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** Observes every SQL statement on the inventory database (for counting statements). */
  statementObserver?: StatementObserver;
  /** Create the legacy tables when missing (default true; turn off against a real warehouse system). */
  migrateInventory?: boolean;
}

export async function startInventoryService(options: InventoryServiceOptions): Promise<RunningService> {
  const log = options.log.child({ subgraph: 'inventory' });
  const { inventory, close } = await openInventorySql(options.inventoryDatabaseUrl, {
    observer: options.statementObserver,
    migrate: options.migrateInventory,
  });
  try {
    const { typeDefs, resolvers } = buildInventorySchema();
    const server = createSubgraphServer<InventoryContext>({
      name: 'inventory',
      typeDefs,
      resolvers,
      log,
      context: (base) => ({ ...base, inventory, loaders: createInventoryLoaders(inventory) }),
    });
    const listening = await listen(server, options.port, options.host);
    return {
      name: 'inventory',
      url: listening.url,
      endpoint: `${listening.url}/graphql`,
      close: async () => {
        await listening.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
