// Leases on SQL, kept in the hub store's database (SQLite or MySQL/MariaDB). Expiry is judged by
// the database's clock, so that processes on hosts with skewed clocks agree on it.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { openDatabase, type Database, type DatabaseOptions, type DatabaseUrl, type Dialect } from '../../../sql/database';
import { migrateToLatest } from '../../../sql/migrate';
import type { LeasePort } from '../lease-port';
import { leaseMigrations } from './lease-migrations';

interface LeaseTables {
  tp_lease: { name: string; holder: string; expires_at_ms: number };
}

function databaseNowMs(dialect: Dialect): RawBuilder<number> {
  return dialect === 'mysql'
    ? sql<number>`CAST(UNIX_TIMESTAMP(CURRENT_TIMESTAMP(3)) * 1000 AS SIGNED)`
    : sql<number>`CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`;
}

function requireName(value: string, field: string, max: number): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw new Error(`${field} must be 1 to ${max} characters`);
}

export class SqlLeaseStore implements LeasePort {
  constructor(
    private readonly db: Kysely<LeaseTables>,
    private readonly dialect: Dialect,
  ) {}

  async tryAcquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    requireName(name, 'lease name', 255);
    requireName(holder, 'lease holder', 128);
    const ttl = Math.max(1, Math.floor(ttlMs));
    const now = databaseNowMs(this.dialect);
    // Renewal by the holder, or takeover of an expired lease: one conditional update decides.
    const updated = await this.db
      .updateTable('tp_lease')
      .set({ holder, expires_at_ms: sql<number>`${now} + ${ttl}` })
      .where('name', '=', name)
      .where((eb) => eb.or([eb('holder', '=', holder), eb('expires_at_ms', '<', now)]))
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return true;
    // Nobody ever held it: the primary key lets exactly one first claimant in.
    const inserted = await this.db
      .insertInto('tp_lease')
      .orIgnore()
      .values({ name, holder, expires_at_ms: sql<number>`${now} + ${ttl}` })
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.deleteFrom('tp_lease').where('name', '=', name).where('holder', '=', holder).execute();
  }
}

export type ClosableLeaseStore = LeasePort & { close(): Promise<void> };

export interface OpenLeaseStoreOptions extends DatabaseOptions {
  /** Create the lease table when missing (default true). */
  migrate?: boolean;
}

/** Opens the lease store on a database (normally the hub store's). */
export async function openSqlLeaseStore(url: DatabaseUrl, options: OpenLeaseStoreOptions = {}): Promise<ClosableLeaseStore> {
  const database: Database<LeaseTables> = openDatabase<LeaseTables>(url, { ...options, poolSize: options.poolSize ?? 2 });
  try {
    if (options.migrate ?? true) await migrateToLatest(database.db, 'lease', leaseMigrations);
  } catch (error) {
    await database.close();
    throw error;
  }
  const store = new SqlLeaseStore(database.db, database.dialect);
  return {
    tryAcquire: (name, holder, ttlMs) => store.tryAcquire(name, holder, ttlMs),
    release: (name, holder) => store.release(name, holder),
    close: () => database.close(),
  };
}
