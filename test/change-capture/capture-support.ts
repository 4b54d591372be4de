// Shared set-up of the change-capture suites: a hub side per "process" (its own connections to the
// hub store and its lease table) and plain SQL run straight against a legacy database, the way a
// batch job would, bypassing the adapters.
import { sql, type Kysely } from 'kysely';
import { openSqlLeaseStore, type ClosableLeaseStore } from '../../adapters/events/lease/sql/sql-lease-store';
import { openHubStore, type ClosableHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { openDatabase, type Database } from '../../adapters/sql/database';

export interface HubSide {
  hub: ClosableHubStore;
  lease: ClosableLeaseStore;
  /** Closes the connections: to the capture holding them, the hub store is gone (a dead process). */
  close(): Promise<void>;
}

export async function openHubSide(url: string): Promise<HubSide> {
  const hub = await openHubStore(url);
  const lease = await openSqlLeaseStore(url);
  return { hub, lease, close: async () => void (await Promise.allSettled([hub.close(), lease.close()])) };
}

/** Another program writing into the legacy database. */
export class BatchJob {
  private readonly database: Database<unknown>;

  constructor(url: string) {
    this.database = openDatabase<unknown>(url, { poolSize: 3 });
  }

  get db(): Kysely<unknown> {
    return this.database.db;
  }

  async run(...statements: string[]): Promise<void> {
    await this.database.db.transaction().execute(async (trx) => {
      for (const statement of statements) await sql.raw(statement).execute(trx);
    });
  }

  async count(table: string): Promise<number> {
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(this.database.db);
    return Number(result.rows[0]!.n);
  }

  close(): Promise<void> {
    return this.database.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
