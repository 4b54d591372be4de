// Rows of the legacy ERP tables to the port's domain types, and back for writers (seeds). The
// ERP's codes, letters and date formats stop here.
import type { Selectable } from 'kysely';
import type { CreditAccount, Order, OrderLine, OrderStatus, Product, SalesChannel } from '../erp-port';
import { decimalToCents, fromYmdHms } from '../../sql/legacy-formats';
import type { CusActTable, ItmMstTable, OrdHdrTable, OrdLinTable } from './erp-tables';

const STATUS_BY_LETTER: Record<string, OrderStatus> = {
  O: 'OPEN',
  C: 'CONFIRMED',
  B: 'BACKORDERED',
  P: 'PARTIALLY_SHIPPED',
  S: 'SHIPPED',
  X: 'CANCELLED',
};
const CHANNEL_BY_CODE: Record<string, SalesChannel> = { WB: 'WEB', MB: 'MOBILE', CC: 'CALL_CENTER', PT: 'PARTNER' };

function invert<V extends string>(map: Record<string, V>): Record<V, string> {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [v, k])) as Record<V, string>;
}
const LETTER_BY_STATUS = invert(STATUS_BY_LETTER);
const CODE_BY_CHANNEL = invert(CHANNEL_BY_CODE);

const ORDER_ID = /^SO-(\d{7,10})$/;

/** The domain id of an order: "SO-" and the order number zero padded to 7 digits. */
export function orderIdOf(orderNo: number): string {
  return `SO-${orderNumberOf(orderNo)}`;
}

/** The order number as printed on the ERP's documents. */
export function orderNumberOf(orderNo: number): string {
  return String(orderNo).padStart(7, '0');
}

/** ORD_NO of a domain order id; null for an id the ERP could not have issued. */
export function orderNoOf(orderId: string): number | null {
  const m = ORDER_ID.exec(orderId);
  if (!m) return null;
  const orderNo = Number(m[1]);
  // "SO-00100001" is not the id of order 100001: ids must round-trip exactly.
  return orderIdOf(orderNo) === orderId ? orderNo : null;
}

export function statusLetterOf(status: OrderStatus): string {
  return LETTER_BY_STATUS[status];
}

export function channelCodeOf(channel: SalesChannel): string {
  return CODE_BY_CHANNEL[channel];
}

function code<V>(map: Record<string, V>, value: string, column: string): V {
  const mapped = map[value.trim()];
  if (mapped === undefined) throw new Error(`unknown ${column} code ${JSON.stringify(value)} in the ERP`);
  return mapped;
}

export function toProduct(row: Selectable<ItmMstTable>): Product {
  return {
    sku: row.ITM_NO.trim(),
    name: row.ITM_DSC.trim(),
    description: row.ITM_LDSC?.trim() || null,
    category: row.CAT_CD.trim(),
    priceCents: decimalToCents(row.UNT_PRC),
    currency: row.CUR_CD.trim(),
  };
}

export function toOrder(row: Selectable<OrdHdrTable>): Order {
  const orderNo = Number(row.ORD_NO);
  return {
    id: orderIdOf(orderNo),
    number: orderNumberOf(orderNo),
    accountNumber: row.ACCT_NO.trim(),
    channel: code(CHANNEL_BY_CODE, row.CHNL_CD, 'CHNL_CD'),
    partnerId: row.PTN_CD?.trim() || null,
    status: code(STATUS_BY_LETTER, row.ORD_STS, 'ORD_STS'),
    placedAt: fromYmdHms(row.ORD_DT, row.ORD_TM),
    totalCents: decimalToCents(row.ORD_TOT),
    currency: row.CUR_CD.trim(),
  };
}

export function toOrderLine(row: Selectable<OrdLinTable>): OrderLine {
  return {
    orderId: orderIdOf(Number(row.ORD_NO)),
    lineNumber: Number(row.LIN_NO),
    sku: row.ITM_NO.trim(),
    quantity: Number(row.ORD_QTY),
    unitPriceCents: decimalToCents(row.UNT_PRC),
    currency: row.CUR_CD.trim(),
  };
}

/** Null for an account without a credit line. */
export function toCreditAccount(row: Pick<Selectable<CusActTable>, 'ACCT_NO' | 'CR_LMT' | 'CR_USD' | 'CUR_CD'>): CreditAccount | null {
  if (row.CR_LMT === null) return null;
  return {
    accountNumber: row.ACCT_NO.trim(),
    limitCents: decimalToCents(row.CR_LMT),
    usedCents: decimalToCents(row.CR_USD),
    currency: row.CUR_CD.trim(),
  };
}
