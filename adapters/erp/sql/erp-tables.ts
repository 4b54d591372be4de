// The ERP's tables as the legacy system laid them out: short coded names, one-letter statuses,
// dates as 'YYYYMMDD' and times as 'HHMMSS' text, amounts as DECIMAL(n,2). Only the mappers in
// erp-mappers.ts read these names; everything past them speaks the port's domain language.
import type { ColumnType } from 'kysely';

/** A DECIMAL(n,2): MySQL returns an exact string, SQLite a number; written as a decimal string. */
export type Decimal = ColumnType<string | number, string, string>;

/** ITMMST, the item master. */
export interface ItmMstTable {
  /** Item number (the SKU). */
  ITM_NO: string;
  /** Short description, printed on documents (the product name). */
  ITM_DSC: string;
  /** Long description; null when the item has none. */
  ITM_LDSC: string | null;
  /** Category code. */
  CAT_CD: string;
  /** Unit list price. */
  UNT_PRC: Decimal;
  /** ISO currency code of the price. */
  CUR_CD: string;
}

/** CUSACT, customer accounts with their credit line. */
export interface CusActTable {
  ACCT_NO: string;
  /** Account name, "LAST, FIRST" as the ERP keeps it. */
  ACCT_NM: string;
  /** Date the account was opened, 'YYYYMMDD'. */
  OPN_DT: string;
  /** Credit limit; null for an account trading without credit (cash in advance). */
  CR_LMT: Decimal | null;
  /** Credit used by open orders. */
  CR_USD: Decimal;
  CUR_CD: string;
}

/** ORDHDR, sales order headers. */
export interface OrdHdrTable {
  /** Order number, printed zero padded to 7 digits. */
  ORD_NO: number;
  ACCT_NO: string;
  /** Order date 'YYYYMMDD', UTC. */
  ORD_DT: string;
  /** Order time 'HHMMSS', UTC. */
  ORD_TM: string;
  /** O open, C confirmed, B backordered, P partially shipped, S shipped, X cancelled. */
  ORD_STS: string;
  /** Entry channel: WB web, MB mobile, CC call centre, PT partner. */
  CHNL_CD: string;
  /** Trading partner code of a PT order (the EDI sender); null for other channels. */
  PTN_CD: string | null;
  /** Order total, the sum of its lines. */
  ORD_TOT: Decimal;
  CUR_CD: string;
}

/** ORDLIN, sales order lines. */
export interface OrdLinTable {
  ORD_NO: number;
  LIN_NO: number;
  ITM_NO: string;
  ORD_QTY: number;
  UNT_PRC: Decimal;
  CUR_CD: string;
}

export interface ErpTables {
  ITMMST: ItmMstTable;
  CUSACT: CusActTable;
  ORDHDR: OrdHdrTable;
  ORDLIN: OrdLinTable;
}
