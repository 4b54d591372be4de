// Composition helper: opens the ERP database named by a URL and puts the port over it.
import { openDatabase, type Database, type DatabaseOptions, type DatabaseUrl } from '../../sql/database';
import type { ErpPort } from '../erp-port';
import { ErpSqlAdapter } from './erp-sql-adapter';
import { migrateErp } from './erp-migrations';
import type { ErpTables } from './erp-tables';

export interface ErpSqlConnection {
  erp: ErpPort;
  database: Database<ErpTables>;
  close(): Promise<void>;
}

export interface OpenErpSqlOptions extends DatabaseOptions {
  /** Create the legacy tables when missing (the embedded default and the demo need it). Default true. */
  migrate?: boolean;
}

export async function openErpSql(url: DatabaseUrl, options: OpenErpSqlOptions = {}): Promise<ErpSqlConnection> {
  const database = openDatabase<ErpTables>(url, options);
  try {
    if (options.migrate ?? true) await migrateErp(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return { erp: new ErpSqlAdapter(database.db), database, close: () => database.close() };
}
