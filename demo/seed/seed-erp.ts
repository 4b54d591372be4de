// Fills the legacy ERP tables from the demo dataset, once: a store that already holds items is
// left alone, so every start may call it.
import type { Insertable, Kysely } from 'kysely';
import type { DemoDataset, DemoOrder } from '../data/demo-dataset';
import type { ErpTables } from '../../adapters/erp/sql/erp-tables';
import { migrateErp } from '../../adapters/erp/sql/erp-migrations';
import { channelCodeOf, orderNoOf, statusLetterOf } from '../../adapters/erp/sql/erp-mappers';
import { centsToDecimal, toHms, toYmd } from '../../adapters/sql/legacy-formats';
import { insertInChunks, isEmpty } from './seed-batches';

const CURRENCY = 'USD';
/** Orders whose goods are committed but not yet shipped hold credit; backorders hold none until stock arrives. */
const HOLDS_CREDIT = new Set<DemoOrder['status']>(['OPEN', 'CONFIRMED', 'PARTIALLY_SHIPPED']);

function orderTotalCents(order: DemoOrder): number {
  return order.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0);
}

function orderNo(order: DemoOrder): number {
  const no = orderNoOf(order.id);
  if (no === null) throw new Error(`demo order id ${order.id} is not an ERP order id`);
  return no;
}

function rowsOf(dataset: DemoDataset) {
  const creditUsed = new Map<string, number>();
  for (const o of dataset.orders) {
    if (HOLDS_CREDIT.has(o.status)) creditUsed.set(o.accountNumber, (creditUsed.get(o.accountNumber) ?? 0) + orderTotalCents(o));
  }
  const items: Insertable<ErpTables['ITMMST']>[] = dataset.products.map((p) => ({
    ITM_NO: p.sku,
    ITM_DSC: p.name.slice(0, 40),
    ITM_LDSC: p.description,
    CAT_CD: p.category,
    UNT_PRC: centsToDecimal(p.priceCents),
    CUR_CD: CURRENCY,
  }));
  const accounts: Insertable<ErpTables['CUSACT']>[] = dataset.customers.map((c) => ({
    ACCT_NO: c.accountNumber,
    ACCT_NM: `${c.lastName}, ${c.firstName}`.toUpperCase().slice(0, 60),
    OPN_DT: toYmd(c.customerSince),
    CR_LMT: centsToDecimal(c.creditLimitCents),
    CR_USD: centsToDecimal(creditUsed.get(c.accountNumber) ?? 0),
    CUR_CD: CURRENCY,
  }));
  const headers: Insertable<ErpTables['ORDHDR']>[] = dataset.orders.map((o) => ({
    ORD_NO: orderNo(o),
    ACCT_NO: o.accountNumber,
    ORD_DT: toYmd(o.placedAt),
    ORD_TM: toHms(o.placedAt),
    ORD_STS: statusLetterOf(o.status),
    CHNL_CD: channelCodeOf(o.channel),
    PTN_CD: o.partnerId,
    ORD_TOT: centsToDecimal(orderTotalCents(o)),
    CUR_CD: CURRENCY,
  }));
  const lines: Insertable<ErpTables['ORDLIN']>[] = dataset.orders.flatMap((o) =>
    o.lines.map((l) => ({
      ORD_NO: orderNo(o),
      LIN_NO: l.lineNumber,
      ITM_NO: l.sku,
      ORD_QTY: l.quantity,
      UNT_PRC: centsToDecimal(l.unitPriceCents),
      CUR_CD: CURRENCY,
    })),
  );
  return { items, accounts, headers, lines };
}

/**
 * Creates the ERP tables if needed and fills them from the dataset when the item master is empty.
 * Returns true when it seeded, false when the store already had data (or another process seeded it
 * at the same moment).
 */
export async function seedErp(db: Kysely<ErpTables>, dataset: DemoDataset): Promise<boolean> {
  await migrateErp(db);
  if (!(await isEmpty(db, 'ITMMST'))) return false;
  const { items, accounts, headers, lines } = rowsOf(dataset);
  try {
    await db.transaction().execute(async (trx) => {
      await insertInChunks(trx, 'ITMMST', items);
      await insertInChunks(trx, 'CUSACT', accounts);
      await insertInChunks(trx, 'ORDHDR', headers);
      await insertInChunks(trx, 'ORDLIN', lines);
    });
  } catch (error) {
    // Two processes starting together both saw an empty store; the loser's duplicate keys roll back.
    if (!(await isEmpty(db, 'ITMMST'))) return false;
    throw error;
  }
  return true;
}
