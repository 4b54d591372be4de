// The ERP's legacy schema. In production the ERP's own database already has these tables; the
// migrations create them for the embedded default, the demo and the tests.
import { sql, type Kysely } from 'kysely';
import { migrateToLatest, type Migrations } from '../../sql/migrate';

export const erpMigrations: Migrations = {
  '0001_erp_legacy_schema': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('ITMMST')
        .addColumn('ITM_NO', 'varchar(15)', (c) => c.primaryKey())
        .addColumn('ITM_DSC', 'varchar(40)', (c) => c.notNull())
        .addColumn('ITM_LDSC', 'varchar(255)')
        .addColumn('CAT_CD', 'varchar(12)', (c) => c.notNull())
        .addColumn('UNT_PRC', 'decimal(11, 2)', (c) => c.notNull())
        .addColumn('CUR_CD', 'char(3)', (c) => c.notNull().defaultTo('USD'))
        .execute();
      // Catalogue pages by category walk this index in SKU order.
      await db.schema.createIndex('ITMMST_CAT').on('ITMMST').columns(['CAT_CD', 'ITM_NO']).execute();

      await db.schema
        .createTable('CUSACT')
        .addColumn('ACCT_NO', 'varchar(10)', (c) => c.primaryKey())
        .addColumn('ACCT_NM', 'varchar(60)', (c) => c.notNull())
        .addColumn('OPN_DT', 'char(8)', (c) => c.notNull())
        .addColumn('CR_LMT', 'decimal(13, 2)')
        .addColumn('CR_USD', 'decimal(13, 2)', (c) => c.notNull().defaultTo(sql`0`))
        .addColumn('CUR_CD', 'char(3)', (c) => c.notNull().defaultTo('USD'))
        .execute();

      await db.schema
        .createTable('ORDHDR')
        .addColumn('ORD_NO', 'integer', (c) => c.primaryKey())
        .addColumn('ACCT_NO', 'varchar(10)', (c) => c.notNull())
        .addColumn('ORD_DT', 'char(8)', (c) => c.notNull())
        .addColumn('ORD_TM', 'char(6)', (c) => c.notNull())
        .addColumn('ORD_STS', 'char(1)', (c) => c.notNull())
        .addColumn('CHNL_CD', 'char(2)', (c) => c.notNull())
        .addColumn('ORD_TOT', 'decimal(13, 2)', (c) => c.notNull())
        .addColumn('CUR_CD', 'char(3)', (c) => c.notNull().defaultTo('USD'))
        .execute();
      // A customer's newest orders: one range scan per account, already in date order.
      await db.schema.createIndex('ORDHDR_ACCT').on('ORDHDR').columns(['ACCT_NO', 'ORD_DT', 'ORD_TM', 'ORD_NO']).execute();

      await db.schema
        .createTable('ORDLIN')
        .addColumn('ORD_NO', 'integer', (c) => c.notNull())
        .addColumn('LIN_NO', 'smallint', (c) => c.notNull())
        .addColumn('ITM_NO', 'varchar(15)', (c) => c.notNull())
        .addColumn('ORD_QTY', 'integer', (c) => c.notNull())
        .addColumn('UNT_PRC', 'decimal(11, 2)', (c) => c.notNull())
        .addColumn('CUR_CD', 'char(3)', (c) => c.notNull().defaultTo('USD'))
        // The primary key serves "lines of these orders, by line number".
        .addPrimaryKeyConstraint('ORDLIN_PK', ['ORD_NO', 'LIN_NO'])
        .execute();
      // Who bought an item (for "customers who bought this also bought").
      await db.schema.createIndex('ORDLIN_ITM').on('ORDLIN').columns(['ITM_NO', 'ORD_NO']).execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['ORDLIN', 'ORDHDR', 'CUSACT', 'ITMMST']) await db.schema.dropTable(table).ifExists().execute();
    },
  },
  '0002_erp_partner_code': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('ORDHDR').addColumn('PTN_CD', 'varchar(10)').execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see 0001
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('ORDHDR').dropColumn('PTN_CD').execute();
    },
  },
};

/** Creates or updates the ERP's tables; safe to call on every start. */
export async function migrateErp(db: Kysely<any>): Promise<void> { // eslint-disable-line @typescript-eslint/no-explicit-any -- any table set
  await migrateToLatest(db, 'erp', erpMigrations);
}
