// The social store on SQL (embedded SQLite by default, MySQL/MariaDB in production).
import { openDatabase, type DatabaseUrl, type StatementObserver } from '../../sql/database';
import { migrateToLatest } from '../../sql/migrate';
import type { SocialPort } from '../social-port';
import { socialMigrations } from './social-migrations';
import type { SocialTables } from './social-tables';
import { SqlSocialAdapter } from './sql-social-adapter';
import type { ListeningStatsPort } from '../listening/listening-stats-port';
import { SqlListeningStats } from '../listening/sql-listening-stats';

export interface OpenSocialStoreOptions {
  observer?: StatementObserver;
  /** Brings the schema up to date on open (default true). */
  migrate?: boolean;
  poolSize?: number;
}

export type ClosableSocialStore = SocialPort & {
  /** Per-customer listening statistics (social listening). */
  listening: ListeningStatsPort;
  close(): Promise<void>;
};

export async function openSocialStore(url: DatabaseUrl, options: OpenSocialStoreOptions = {}): Promise<ClosableSocialStore> {
  const database = openDatabase<SocialTables>(url, { observer: options.observer, poolSize: options.poolSize });
  try {
    if (options.migrate ?? true) await migrateToLatest(database.db, 'social', socialMigrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  const adapter = new SqlSocialAdapter(database.db);
  return Object.assign(adapter, { listening: new SqlListeningStats(database.db), close: () => database.close() });
}
