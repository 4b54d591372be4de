// Schema of the social store: the profiles of authors and the mentions they wrote. Idempotent
// delivery rests on the unique (network, external_id) index, profile creation on (network, handle).
import { MysqlAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Migrations } from '../../sql/migrate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
type AnyDb = Kysely<any>;

const isMysql = (db: AnyDb) => db.getExecutor().adapter instanceof MysqlAdapter;

/** Keys compare byte for byte on MySQL too, whatever the server's default collation. */
function binaryCollation<T extends string, C extends string>(db: AnyDb, table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> {
  return isMysql(db) ? table.modifyEnd(sql`character set utf8mb4 collate utf8mb4_bin`) : table;
}

export const socialMigrations: Migrations = {
  '0001_create_social_store': {
    async up(db: AnyDb) {
      await binaryCollation(
        db,
        db.schema
          .createTable('soc_profile')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
          .addColumn('network', 'varchar(16)', (c) => c.notNull())
          .addColumn('handle', 'varchar(255)', (c) => c.notNull())
          .addColumn('display_name', 'varchar(255)')
          .addColumn('followers', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('followers_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('customer_id', 'varchar(64)')
          .addUniqueConstraint('soc_profile_handle_uq', ['network', 'handle']),
      ).execute();
      await db.schema.createIndex('soc_profile_customer').on('soc_profile').column('customer_id').execute();

      await binaryCollation(
        db,
        db.schema
          .createTable('soc_mention')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
          .addColumn('network', 'varchar(16)', (c) => c.notNull())
          .addColumn('external_id', 'varchar(255)', (c) => c.notNull())
          .addColumn('profile_id', 'integer', (c) => c.notNull().references('soc_profile.id'))
          .addColumn('author_handle', 'varchar(255)', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('sentiment_score', 'double precision', (c) => c.notNull())
          .addColumn('is_complaint', 'integer', (c) => c.notNull())
          .addColumn('posted_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('url', 'varchar(2048)')
          .addColumn('received_at_ms', 'bigint', (c) => c.notNull())
          .addUniqueConstraint('soc_mention_external_uq', ['network', 'external_id']),
      ).execute();
      await db.schema.createIndex('soc_mention_profile_posted').on('soc_mention').columns(['profile_id', 'posted_at_ms']).execute();
      await db.schema.createIndex('soc_mention_posted').on('soc_mention').columns(['posted_at_ms', 'id']).execute();
      await db.schema.createIndex('soc_mention_complaint_posted').on('soc_mention').columns(['is_complaint', 'posted_at_ms']).execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('soc_mention').ifExists().execute();
      await db.schema.dropTable('soc_profile').ifExists().execute();
    },
  },
};
