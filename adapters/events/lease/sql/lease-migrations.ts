// The lease table lives in the hub store's database, under its own migration history.
import { MysqlAdapter, sql, type Kysely } from 'kysely';
import type { Migrations } from '../../../sql/migrate';

export const leaseMigrations: Migrations = {
  '0001_create_lease': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
    async up(db: Kysely<any>): Promise<void> {
      const mysql = db.getExecutor().adapter instanceof MysqlAdapter;
      let table = db.schema
        .createTable('tp_lease')
        .addColumn('name', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('holder', 'varchar(128)', (c) => c.notNull())
        .addColumn('expires_at_ms', 'bigint', (c) => c.notNull());
      // Names compare byte for byte, whatever the server's default collation.
      if (mysql) table = table.modifyEnd(sql`character set utf8mb4 collate utf8mb4_bin`);
      await table.execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('tp_lease').ifExists().execute();
    },
  },
};
