// The purchase history item-to-item filtering needs, read from the ERP in one statement: every
// distinct (account, item) of an order line whose order is not cancelled.
import type { Kysely } from 'kysely';
import { UpstreamUnavailableError } from '../../../lib/errors';
import type { ErpTables } from '../sql/erp-tables';

const CANCELLED = 'X';

export async function readPurchasePairs(db: Kysely<ErpTables>): Promise<{ accountNumber: string; sku: string }[]> {
  try {
    const rows = await db
      .selectFrom('ORDLIN as l')
      .innerJoin('ORDHDR as h', 'h.ORD_NO', 'l.ORD_NO')
      .select(['h.ACCT_NO', 'l.ITM_NO'])
      .distinct()
      .where('h.ORD_STS', '<>', CANCELLED)
      .execute();
    return rows.map((r) => ({ accountNumber: r.ACCT_NO.trim(), sku: r.ITM_NO.trim() }));
  } catch (error) {
    throw new UpstreamUnavailableError('erp', 'the ERP failed to read the purchase history', { cause: error });
  }
}
