// Multi-row inserts for the seeds: a few hundred rows per statement keeps both SQLite's and
// MySQL's placeholder limits far away while seeding thousands of rows in a handful of statements.
import { sql, type Kysely } from 'kysely';

export const SEED_CHUNK_ROWS = 500;

// The helpers take any table set: the seeds hand them rows already typed for their table.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

export async function insertInChunks(db: AnyDb, table: string, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += SEED_CHUNK_ROWS) {
    await db.insertInto(table).values(rows.slice(i, i + SEED_CHUNK_ROWS)).execute();
  }
}

export async function isEmpty(db: AnyDb, table: string): Promise<boolean> {
  const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
  return row === undefined;
}
