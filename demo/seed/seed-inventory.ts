// Fills the legacy warehouse tables from the demo dataset, once: a store that already has
// warehouses is left alone, so every start may call it.
import type { Insertable, Kysely } from 'kysely';
import type { DemoDataset } from '../data/demo-dataset';
import type { InventoryTables } from '../../adapters/inventory/sql/inventory-tables';
import { migrateInventory } from '../../adapters/inventory/sql/inventory-migrations';
import { OPEN_PO_STATUS } from '../../adapters/inventory/sql/inventory-mappers';
import { toYmd } from '../../adapters/sql/legacy-formats';
import { DEMO_EPOCH } from '../data/demo-dataset';
import { insertInChunks, isEmpty } from './seed-batches';

/** Demo purchase orders are numbered from here, one line each, in dataset order. */
const FIRST_PO_NO = 700001;

function rowsOf(dataset: DemoDataset) {
  const centers: Insertable<InventoryTables['WHSMST']>[] = dataset.centers.map((c) => ({
    WHS_CD: c.code,
    WHS_NM: c.name.slice(0, 40),
    CTY_NM: c.city.slice(0, 30),
    CNTRY_CD: c.country,
    LAT_DEG: c.latitude.toFixed(6),
    LON_DEG: c.longitude.toFixed(6),
  }));
  const counted = toYmd(new Date(DEMO_EPOCH));
  const balances: Insertable<InventoryTables['STKBAL']>[] = dataset.stock.map((s) => ({
    WHS_CD: s.centerCode,
    ITM_NO: s.sku,
    QOH: s.onHand,
    QRSV: s.reserved,
    LST_CNT_DT: counted,
  }));
  const incoming: Insertable<InventoryTables['POINC']>[] = dataset.incoming.map((i, n) => ({
    PO_NO: FIRST_PO_NO + n,
    PO_LIN: 1,
    WHS_CD: i.centerCode,
    ITM_NO: i.sku,
    ORD_QTY: i.quantity,
    RCV_QTY: 0,
    EXP_DT: toYmd(i.expectedAt),
    PO_STS: OPEN_PO_STATUS,
  }));
  return { centers, balances, incoming };
}

/**
 * Creates the warehouse tables if needed and fills them from the dataset when there are no
 * warehouses yet. Returns true when it seeded, false when the store already had data (or another
 * process seeded it at the same moment).
 */
export async function seedInventory(db: Kysely<InventoryTables>, dataset: DemoDataset): Promise<boolean> {
  await migrateInventory(db);
  if (!(await isEmpty(db, 'WHSMST'))) return false;
  const { centers, balances, incoming } = rowsOf(dataset);
  try {
    await db.transaction().execute(async (trx) => {
      await insertInChunks(trx, 'WHSMST', centers);
      await insertInChunks(trx, 'STKBAL', balances);
      await insertInChunks(trx, 'POINC', incoming);
    });
  } catch (error) {
    // Two processes starting together both saw an empty store; the loser's duplicate keys roll back.
    if (!(await isEmpty(db, 'WHSMST'))) return false;
    throw error;
  }
  return true;
}
