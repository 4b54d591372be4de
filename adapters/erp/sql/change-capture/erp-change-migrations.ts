// Change capture on the ERP's database: a change table fed by triggers on the order header and
// lines, so that orders written by any program (the ERP's own screens, batch jobs) are heard,
// deletes included. Kept under its own migration history; needs ORDHDR and ORDLIN to exist.
import { MysqlAdapter, type Kysely } from 'kysely';
import { migrateToLatest, type Migrations } from '../../../sql/migrate';
import { createTriggerStatements, dropTriggerStatements, executeAll, sequenceColumnType, type CapturedTable } from '../../../events/change-capture/change-triggers';

export const ERP_CHANGE_TABLE = 'tp_erp_change';

/** Order headers: the order number and its account. */
export const ORDER_HEADER_CAPTURE: CapturedTable = {
  table: 'ORDHDR',
  triggerPrefix: 'tp_erp_ordhdr',
  source: 'H',
  capture: (row) => ({ ord_no: `${row}.ORD_NO`, acct_no: `${row}.ACCT_NO` }),
  keyColumns: ['ORD_NO'],
  watchedColumns: ['ACCT_NO', 'ORD_DT', 'ORD_TM', 'ORD_STS', 'CHNL_CD', 'ORD_TOT', 'CUR_CD'],
};

/** Order lines: the order they belong to, and that order's account as it stands. */
export const ORDER_LINE_CAPTURE: CapturedTable = {
  table: 'ORDLIN',
  triggerPrefix: 'tp_erp_ordlin',
  source: 'L',
  capture: (row) => ({ ord_no: `${row}.ORD_NO`, acct_no: `(SELECT h.ACCT_NO FROM ORDHDR h WHERE h.ORD_NO = ${row}.ORD_NO)` }),
  keyColumns: ['ORD_NO'],
  watchedColumns: ['LIN_NO', 'ITM_NO', 'ORD_QTY', 'UNT_PRC', 'CUR_CD'],
};

const CAPTURED = [ORDER_HEADER_CAPTURE, ORDER_LINE_CAPTURE];

export const erpChangeCaptureMigrations: Migrations = {
  '0001_erp_change_table_and_triggers': {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before typed tables exist
    async up(db: Kysely<any>): Promise<void> {
      const dialect = db.getExecutor().adapter instanceof MysqlAdapter ? 'mysql' : 'sqlite';
      await db.schema
        .createTable(ERP_CHANGE_TABLE)
        .addColumn('seq', sequenceColumnType(dialect), (c) => c.primaryKey().autoIncrement())
        // H order header, L order line; I insert, U update, D delete.
        .addColumn('src', 'char(1)', (c) => c.notNull())
        .addColumn('op', 'char(1)', (c) => c.notNull())
        .addColumn('ord_no', 'integer', (c) => c.notNull())
        .addColumn('acct_no', 'varchar(10)')
        .execute();
      for (const table of CAPTURED) await executeAll(db, createTriggerStatements(dialect, ERP_CHANGE_TABLE, table));
    },
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
    async down(db: Kysely<any>): Promise<void> {
      for (const table of CAPTURED) await executeAll(db, dropTriggerStatements(table));
      await db.schema.dropTable(ERP_CHANGE_TABLE).ifExists().execute();
    },
  },
};

/** Creates the change table and the triggers when missing; safe on every start. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table set
export async function migrateErpChangeCapture(db: Kysely<any>): Promise<void> {
  await migrateToLatest(db, 'erp_change_capture', erpChangeCaptureMigrations);
}
