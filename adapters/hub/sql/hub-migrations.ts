// Schema of the hub's own store. Each table is prefixed tp_ so that the store may share a database
// with other stores. Atomicity across processes rests on the primary keys and unique indexes here.
import { MysqlAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';
import type { Migrations } from '../../sql/migrate';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
type AnyDb = Kysely<any>;

function isMysql(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof MysqlAdapter;
}

/** Keys compare byte for byte on MySQL too, whatever the server's default collation. */
function binaryCollation<T extends string, C extends string>(db: AnyDb, table: CreateTableBuilder<T, C>): CreateTableBuilder<T, C> {
  return isMysql(db) ? table.modifyEnd(sql`character set utf8mb4 collate utf8mb4_bin`) : table;
}

/** Large text: MySQL's TEXT stops at 64 KiB, too little for a stored response or event payload. */
function longText(db: AnyDb) {
  return isMysql(db) ? sql`mediumtext` : sql`text`;
}

export const hubMigrations: Migrations = {
  '0001_create_hub_store': {
    async up(db: AnyDb) {
      await binaryCollation(
        db,
        db.schema
          .createTable('tp_identity_link')
          .addColumn('namespace', 'varchar(16)', (c) => c.notNull())
          .addColumn('normalized_value', 'varchar(255)', (c) => c.notNull())
          .addColumn('raw_value', 'varchar(255)', (c) => c.notNull())
          .addColumn('customer_id', 'varchar(64)', (c) => c.notNull())
          .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('tp_identity_link_pk', ['namespace', 'normalized_value']),
      ).execute();
      await db.schema.createIndex('tp_identity_link_customer').on('tp_identity_link').columns(['customer_id', 'namespace']).execute();

      await binaryCollation(
        db,
        db.schema
          .createTable('tp_idempotency_key')
          .addColumn('scope', 'varchar(64)', (c) => c.notNull())
          .addColumn('idem_key', 'varchar(255)', (c) => c.notNull())
          .addColumn('request_hash', 'varchar(128)', (c) => c.notNull())
          .addColumn('response', longText(db))
          .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('tp_idempotency_key_pk', ['scope', 'idem_key']),
      ).execute();
      await db.schema.createIndex('tp_idempotency_key_created').on('tp_idempotency_key').column('created_at_ms').execute();

      await binaryCollation(
        db,
        db.schema
          .createTable('tp_webhook_nonce')
          .addColumn('source', 'varchar(64)', (c) => c.notNull())
          .addColumn('nonce', 'varchar(255)', (c) => c.notNull())
          .addColumn('seen_at_ms', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('tp_webhook_nonce_pk', ['source', 'nonce']),
      ).execute();
      await db.schema.createIndex('tp_webhook_nonce_seen').on('tp_webhook_nonce').column('seen_at_ms').execute();

      await binaryCollation(
        db,
        db.schema
          .createTable('tp_watermark')
          .addColumn('stream', 'varchar(255)', (c) => c.primaryKey())
          .addColumn('position', longText(db), (c) => c.notNull())
          .addColumn('updated_at_ms', 'bigint', (c) => c.notNull()),
      ).execute();

      await binaryCollation(
        db,
        db.schema
          .createTable('tp_outbox')
          // INTEGER PRIMARY KEY is SQLite's rowid alias; MySQL reads it as an auto-increment int.
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
          .addColumn('topic', 'varchar(255)', (c) => c.notNull())
          .addColumn('payload', longText(db), (c) => c.notNull())
          .addColumn('created_at_ms', 'bigint', (c) => c.notNull())
          .addColumn('published_at_ms', 'bigint'),
      ).execute();
      await db.schema.createIndex('tp_outbox_pending').on('tp_outbox').columns(['published_at_ms', 'id']).execute();
    },
    async down(db: AnyDb) {
      for (const table of ['tp_outbox', 'tp_watermark', 'tp_webhook_nonce', 'tp_idempotency_key', 'tp_identity_link']) {
        await db.schema.dropTable(table).ifExists().execute();
      }
    },
  },
  '0002_create_identity_merges': {
    async up(db: AnyDb) {
      await binaryCollation(
        db,
        db.schema
          .createTable('tp_identity_merge')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
          .addColumn('survivor_customer_id', 'varchar(64)', (c) => c.notNull())
          .addColumn('merged_customer_id', 'varchar(64)', (c) => c.notNull())
          .addColumn('reason', 'varchar(512)', (c) => c.notNull())
          .addColumn('namespace', 'varchar(16)', (c) => c.notNull())
          .addColumn('normalized_value', 'varchar(255)', (c) => c.notNull())
          .addColumn('source', 'varchar(64)', (c) => c.notNull())
          .addColumn('moved_links', 'integer', (c) => c.notNull())
          .addColumn('merged_at_ms', 'bigint', (c) => c.notNull()),
      ).execute();
      await db.schema.createIndex('tp_identity_merge_survivor').on('tp_identity_merge').column('survivor_customer_id').execute();
      await db.schema.createIndex('tp_identity_merge_merged').on('tp_identity_merge').column('merged_customer_id').execute();
    },
    async down(db: AnyDb) {
      await db.schema.dropTable('tp_identity_merge').ifExists().execute();
    },
  },
};
