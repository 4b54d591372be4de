// Rows of the legacy warehouse tables to the port's domain types. Codes and date formats stop here.
import type { Selectable } from 'kysely';
import type { DistributionCenter, StockLevel } from '../inventory-port';
import { fromYmdHms } from '../../sql/legacy-formats';
import type { WhsMstTable } from './inventory-tables';

/** Open purchase-order lines still expecting goods. */
export const OPEN_PO_STATUS = 'O';

export function toCenter(row: Selectable<WhsMstTable>): DistributionCenter {
  return {
    code: row.WHS_CD.trim(),
    name: row.WHS_NM.trim(),
    city: row.CTY_NM.trim(),
    country: row.CNTRY_CD.trim(),
    latitude: Number(row.LAT_DEG),
    longitude: Number(row.LON_DEG),
  };
}

/**
 * One row per (item, centre, incoming PO line): the balance columns are null where the centre only
 * expects the item, the PO columns are null where nothing is on order.
 */
export interface StockRow {
  ITM_NO: string;
  WHS_CD: string;
  QOH: number | null;
  QRSV: number | null;
  EXP_DT: string | null;
  INC_QTY: number | null;
}

/** Folds the flat rows (sorted by item, centre, expected date) into stock levels in the same order. */
export function toStockLevels(rows: readonly StockRow[]): StockLevel[] {
  const levels: StockLevel[] = [];
  let current: StockLevel | null = null;
  for (const row of rows) {
    const sku = row.ITM_NO.trim();
    const centerCode = row.WHS_CD.trim();
    if (!current || current.sku !== sku || current.centerCode !== centerCode) {
      const onHand = Number(row.QOH ?? 0);
      const reserved = Number(row.QRSV ?? 0);
      current = { sku, centerCode, onHand, reserved, available: Math.max(0, onHand - reserved), incoming: [] };
      levels.push(current);
    }
    if (row.EXP_DT !== null && row.INC_QTY !== null) {
      current.incoming.push({ quantity: Number(row.INC_QTY), expectedAt: fromYmdHms(row.EXP_DT) });
    }
  }
  return levels;
}
