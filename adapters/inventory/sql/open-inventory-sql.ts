// Composition helper: opens the warehouse database named by a URL and puts the port over it.
import { openDatabase, type Database, type DatabaseOptions, type DatabaseUrl } from '../../sql/database';
import type { InventoryPort } from '../inventory-port';
import { InventorySqlAdapter } from './inventory-sql-adapter';
import { migrateInventory } from './inventory-migrations';
import type { InventoryTables } from './inventory-tables';

export interface InventorySqlConnection {
  inventory: InventoryPort;
  database: Database<InventoryTables>;
  close(): Promise<void>;
}

export interface OpenInventorySqlOptions extends DatabaseOptions {
  /** Create the legacy tables when missing (the embedded default and the demo need it). Default true. */
  migrate?: boolean;
}

export async function openInventorySql(url: DatabaseUrl, options: OpenInventorySqlOptions = {}): Promise<InventorySqlConnection> {
  const database = openDatabase<InventoryTables>(url, options);
  try {
    if (options.migrate ?? true) await migrateInventory(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { inventory: new InventorySqlAdapter(database.db), database, close: () => database.close() };
}
