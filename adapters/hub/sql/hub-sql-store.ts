// The hub's own store on SQL (embedded SQLite by default, MySQL/MariaDB in production).
import { openDatabase, type DatabaseUrl, type StatementObserver } from '../../sql/database';
import { migrateToLatest } from '../../sql/migrate';
import type { HubStore } from '../hub-store-port';
import { hubMigrations } from './hub-migrations';
import type { HubTables } from './hub-tables';
import { SqlIdempotencyStore } from './sql-idempotency-store';
import { SqlIdentityStore } from './sql-identity-store';
import { SqlNonceStore } from './sql-nonce-store';
import { SqlOutboxStore } from './sql-outbox-store';
import { SqlWatermarkStore } from './sql-watermark-store';
import type { IdentityResolutionPort } from '../identity/identity-resolution-port';
import { SqlIdentityResolver } from '../identity/sql-identity-resolver';

export interface OpenHubStoreOptions {
  observer?: StatementObserver;
  /** Brings the schema up to date on open (default true). */
  migrate?: boolean;
  poolSize?: number;
}

export type ClosableHubStore = HubStore & {
  /** Identity resolution over the same links (matching rules, merges). */
  identityResolution: IdentityResolutionPort;
  close(): Promise<void>;
};

export async function openHubStore(url: DatabaseUrl, options: OpenHubStoreOptions = {}): Promise<ClosableHubStore> {
  const database = openDatabase<HubTables>(url, { observer: options.observer, poolSize: options.poolSize });
  try {
    if (options.migrate ?? true) await migrateToLatest(database.db, 'hub', hubMigrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  const { db, dialect } = database;
  return {
    identities: new SqlIdentityStore(db),
    idempotency: new SqlIdempotencyStore(db),
    nonces: new SqlNonceStore(db),
    watermarks: new SqlWatermarkStore(db, dialect),
    outbox: new SqlOutboxStore(db),
    identityResolution: new SqlIdentityResolver(db),
    close: () => database.close(),
  };
}
