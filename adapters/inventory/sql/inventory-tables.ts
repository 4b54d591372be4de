// The warehouse system's tables as the legacy system laid them out. Only inventory-mappers.ts reads
// these names.
import type { ColumnType } from 'kysely';

/** A DECIMAL: MySQL returns an exact string, SQLite a number; written as a decimal string. */
export type Decimal = ColumnType<string | number, string, string>;

/** WHSMST, the warehouse (distribution centre) master. */
export interface WhsMstTable {
  WHS_CD: string;
  WHS_NM: string;
  CTY_NM: string;
  /** ISO 3166 alpha-2 country code. */
  CNTRY_CD: string;
  /** Latitude in decimal degrees, DECIMAL(9,6). */
  LAT_DEG: Decimal;
  /** Longitude in decimal degrees, DECIMAL(9,6). */
  LON_DEG: Decimal;
}

/** STKBAL, stock balance per item per warehouse. */
export interface StkBalTable {
  WHS_CD: string;
  ITM_NO: string;
  /** Quantity on hand. */
  QOH: number;
  /** Quantity reserved for orders not yet picked; may exceed QOH after an oversell. */
  QRSV: number;
  /** Date of the last physical count, 'YYYYMMDD'; null when never counted. */
  LST_CNT_DT: string | null;
}

/** POINC, incoming purchase-order lines. */
export interface PoIncTable {
  PO_NO: number;
  PO_LIN: number;
  WHS_CD: string;
  ITM_NO: string;
  /** Quantity ordered from the supplier. */
  ORD_QTY: number;
  /** Quantity received so far. */
  RCV_QTY: number;
  /** Expected arrival 'YYYYMMDD'. */
  EXP_DT: string;
  /** O open, C closed (fully received), X cancelled. */
  PO_STS: string;
}

export interface InventoryTables {
  WHSMST: WhsMstTable;
  STKBAL: StkBalTable;
  POINC: PoIncTable;
}
