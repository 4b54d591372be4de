// Change capture on the warehouse system's database: a change table fed by triggers on the stock
// balances and the incoming purchase-order lines, so that stock moved by any program (the
// warehouse's own screens, nightly batch jobs) is heard, deletes included. Kept under its own
// migration history; needs STKBAL and POINC to exist.
import { MysqlAdapter, type Kysely } from 'kysely';
import { migrateToLatest, type Migrations } from '../../../sql/migrate';
import { createTriggerStatements, dropTriggerStatements, executeAll, sequenceColumnType, type CapturedTable } from '../../../events/change-capture/change-triggers';

export const INVENTORY_CHANGE_TABLE = 'tp_inv_change';

/** Stock balances: on hand and reserved per item per warehouse (a count date alone is no news). */
export const STOCK_BALANCE_CAPTURE: CapturedTable = {
  table: 'STKBAL',
  triggerPrefix: 'tp_inv_stkbal',
  source: 'B',
  capture: (row) => ({ itm_no: `${row}.ITM_NO`, whs_cd: `${row}.WHS_CD` }),
  keyColumns: ['ITM_NO', 'WHS_CD'],
  watchedColumns: ['QOH', 'QRSV'],
};

/** Incoming purchase-order lines: what is expected, when, and whether still open. */
export const INCOMING_CAPTURE: CapturedTable = {
  table: 'POINC',
  triggerPrefix: 'tp_inv_poinc',
  source: 'P',
  capture: (row) => ({ itm_no: `${row}.ITM_NO`, whs_cd: `${row}.WHS_CD` }),
  keyColumns: ['ITM_NO', 'WHS_CD'],
  watchedColumns: ['PO_NO', 'PO_LIN', 'ORD_QTY', 'RCV_QTY', 'EXP_DT', 'PO_STS'],
};

const CAPTURED = [STOCK_BALANCE_CAPTURE, INCOMING_CAPTURE];

export const inventoryChangeCaptureMigrations: Migrations = {
  '0001_inventory_change_table_and_triggers': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
    async up(db: Kysely<any>): Promise<void> {
      const dialect = db.getExecutor().adapter instanceof MysqlAdapter ? 'mysql' : 'sqlite';
      await db.schema
        .createTable(INVENTORY_CHANGE_TABLE)
        .addColumn('seq', sequenceColumnType(dialect), (c) => c.primaryKey().autoIncrement())
        // B stock balance, P incoming purchase-order line; I insert, U update, D delete.
        .addColumn('src', 'char(1)', (c) => c.notNull())
        .addColumn('op', 'char(1)', (c) => c.notNull())
        .addColumn('itm_no', 'varchar(15)', (c) => c.notNull())
        .addColumn('whs_cd', 'varchar(8)', (c) => c.notNull())
        .execute();
      for (const table of CAPTURED) await executeAll(db, createTriggerStatements(dialect, INVENTORY_CHANGE_TABLE, table));
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
    async down(db: Kysely<any>): Promise<void> {
      for (const table of CAPTURED) await executeAll(db, dropTriggerStatements(table));
      await db.schema.dropTable(INVENTORY_CHANGE_TABLE).ifExists().execute();
    },
  },
};

/** Creates the change table and the triggers when missing; safe on every start. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table set
export async function migrateInventoryChangeCapture(db: Kysely<any>): Promise<void> {
  await migrateToLatest(db, 'inventory_change_capture', inventoryChangeCaptureMigrations);
}
