// Starts the inventory subgraph: the legacy warehouse database through its SQL adapter.
import type { InventoryPort } from '../../adapters/inventory/inventory-port';
import { openInventorySql } from '../../adapters/inventory/sql/open-inventory-sql';
import type { StatementObserver } from '../../adapters/sql/database';
import type { Logger } from '../../lib/logger';
import { createSubgraphServer } from '../shared/create-subgraph-server';
import { listen } from '../shared/listen';
import type { RunningService } from '../shared/running-service';
import type { InventoryContext } from './context';
import { createInventoryLoaders } from './loaders';
import { buildInventorySchema } from './schema';

/** Where the warehouse system is: a database URL for the built-in SQL adapter, or an adapter of your own. */
export type InventorySource =
  | {
      /** The warehouse system's database: `sqlite:<file>` or `mysql://...`. */
      inventoryDatabaseUrl: string;
      inventory?: undefined;
    }
  | {
      /** An already-opened InventoryPort (your own adapter); the caller keeps ownership and closes it. */
      inventory: InventoryPort;
      inventoryDatabaseUrl?: undefined;
    };

export type InventoryServiceOptions = InventorySource & {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  log: Logger;
  /** Observes every SQL statement on the inventory database (for counting statements). */
  statementObserver?: StatementObserver;
  /** Create the legacy tables when missing (default true; turn off against a real warehouse system). */
  migrateInventory?: boolean;
};

export async function startInventoryService(options: InventoryServiceOptions): Promise<RunningService> {
  const log = options.log.child({ subgraph: 'inventory' });
  let inventory: InventoryPort;
  let closeInventory = async (): Promise<void> => {};
  if (options.inventory) {
    inventory = options.inventory;
  } else {
    const sql = await openInventorySql(options.inventoryDatabaseUrl, { observer: options.statementObserver, migrate: options.migrateInventory });
    inventory = sql.inventory;
    closeInventory = sql.close;
  }
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
        await closeInventory();
      },
    };
  } catch (error) {
    await closeInventory();
    throw error;
  }
}
