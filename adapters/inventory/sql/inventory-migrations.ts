// The warehouse system's legacy schema. Its own database in production; the migrations create it
// for the embedded default, the demo and the tests.
import type { Kysely } from 'kysely';
import { migrateToLatest, type Migrations } from '../../sql/migrate';

export const inventoryMigrations: Migrations = {
  '0001_inventory_legacy_schema': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('WHSMST')
        .addColumn('WHS_CD', 'varchar(8)', (c) => c.primaryKey())
        .addColumn('WHS_NM', 'varchar(40)', (c) => c.notNull())
        .addColumn('CTY_NM', 'varchar(30)', (c) => c.notNull())
        .addColumn('CNTRY_CD', 'char(2)', (c) => c.notNull())
        .addColumn('LAT_DEG', 'decimal(9, 6)', (c) => c.notNull())
        .addColumn('LON_DEG', 'decimal(9, 6)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('STKBAL')
        .addColumn('WHS_CD', 'varchar(8)', (c) => c.notNull())
        .addColumn('ITM_NO', 'varchar(15)', (c) => c.notNull())
        .addColumn('QOH', 'integer', (c) => c.notNull())
        .addColumn('QRSV', 'integer', (c) => c.notNull())
        .addColumn('LST_CNT_DT', 'char(8)')
        // The key serves "stock of these items"; STKBAL_WHS serves "a centre's stock by SKU".
        .addPrimaryKeyConstraint('STKBAL_PK', ['ITM_NO', 'WHS_CD'])
        .execute();
      await db.schema.createIndex('STKBAL_WHS').on('STKBAL').columns(['WHS_CD', 'ITM_NO']).execute();

      await db.schema
        .createTable('POINC')
        .addColumn('PO_NO', 'integer', (c) => c.notNull())
        .addColumn('PO_LIN', 'smallint', (c) => c.notNull())
        .addColumn('WHS_CD', 'varchar(8)', (c) => c.notNull())
        .addColumn('ITM_NO', 'varchar(15)', (c) => c.notNull())
        .addColumn('ORD_QTY', 'integer', (c) => c.notNull())
        .addColumn('RCV_QTY', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('EXP_DT', 'char(8)', (c) => c.notNull())
        .addColumn('PO_STS', 'char(1)', (c) => c.notNull().defaultTo('O'))
        .addPrimaryKeyConstraint('POINC_PK', ['PO_NO', 'PO_LIN'])
        .execute();
      // Arrivals of an item per centre in date order, and a centre's arrivals by item.
      await db.schema.createIndex('POINC_ITM').on('POINC').columns(['ITM_NO', 'WHS_CD', 'EXP_DT']).execute();
      await db.schema.createIndex('POINC_WHS').on('POINC').columns(['WHS_CD', 'ITM_NO']).execute();
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['POINC', 'STKBAL', 'WHSMST']) await db.schema.dropTable(table).ifExists().execute();
    },
  },
};

/** Creates or updates the warehouse tables; safe to call on every start. */
export async function migrateInventory(db: Kysely<any>): Promise<void> { // eslint-disable-line @typescript-eslint/no-explicit-any -- any table set
  await migrateToLatest(db, 'inventory', inventoryMigrations);
}
