// ErpPort over the legacy ERP tables. Every batch method issues one SQL statement for the whole
// batch (none for an empty one), so a DataLoader over it never causes N+1 queries.
import type { Kysely } from 'kysely';
import type { CreditAccount, ErpPort, Order, OrderLine, Page, Product } from '../erp-port';
import { alignMany, alignOne, uniqueKeys } from '../../../lib/batch';
import { InvalidInputError, UpstreamUnavailableError } from '../../../lib/errors';
import type { ErpTables } from './erp-tables';
import { channelCodeOf, orderNoOf, toCreditAccount, toOrder, toOrderLine, toProduct } from './erp-mappers';
import { decodeProductCursor, encodeProductCursor } from './product-cursor';

/** The largest page or per-account list one call may ask for. */
export const ERP_MAX_FIRST = 500;

function checkFirst(first: number): number {
  if (!Number.isInteger(first) || first < 0 || first > ERP_MAX_FIRST) {
    throw new InvalidInputError(`first must be an integer from 0 to ${ERP_MAX_FIRST}, got ${first}`, 'first');
  }
  return first;
}

function orderNumbersOf(ids: readonly string[]): number[] {
  return uniqueKeys(ids.map(orderNoOf).filter((n): n is number => n !== null));
}

export class ErpSqlAdapter implements ErpPort {
  constructor(private readonly db: Kysely<ErpTables>) {}

  /** Runs one statement; a database failure becomes the ERP being unavailable (the cause is kept). */
  private async run<T>(what: string, statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      throw new UpstreamUnavailableError('erp', `the ERP database failed to read ${what}`, { cause: error });
    }
  }

  async findProductsBySkus(skus: readonly string[]): Promise<(Product | null)[]> {
    const keys = uniqueKeys(skus);
    if (keys.length === 0) return [];
    const rows = await this.run('products', () => this.db.selectFrom('ITMMST').selectAll().where('ITM_NO', 'in', keys).execute());
    return alignOne(skus, rows.map(toProduct), (p) => p.sku);
  }

  async listProducts(options: { category?: string | null; first: number; after?: string | null }): Promise<Page<Product>> {
    const first = checkFirst(options.first);
    const afterSku = options.after ? decodeProductCursor(options.after) : null;
    let query = this.db.selectFrom('ITMMST').selectAll();
    if (options.category != null) query = query.where('CAT_CD', '=', options.category);
    if (afterSku !== null) query = query.where('ITM_NO', '>', afterSku);
    // One row beyond the page tells whether another page follows.
    const rows = await this.run('the product list', () => query.orderBy('ITM_NO').limit(first + 1).execute());
    const nodes = rows.slice(0, first).map(toProduct);
    const last = nodes[nodes.length - 1];
    return { nodes, endCursor: last ? encodeProductCursor(last.sku) : null, hasNextPage: rows.length > first };
  }

  async findOrdersByIds(ids: readonly string[]): Promise<(Order | null)[]> {
    const orderNos = orderNumbersOf(ids);
    if (orderNos.length === 0) return ids.map(() => null);
    const rows = await this.run('orders', () => this.db.selectFrom('ORDHDR').selectAll().where('ORD_NO', 'in', orderNos).execute());
    return alignOne(ids, rows.map(toOrder), (o) => o.id);
  }

  async findOrdersByAccountNumbers(accountNumbers: readonly string[], options: { first: number; partnerId?: string }): Promise<Order[][]> {
    const first = checkFirst(options.first);
    const keys = uniqueKeys(accountNumbers);
    if (keys.length === 0 || first === 0) return accountNumbers.map(() => []);
    // Newest first per account, cut at `first` by the window function, all accounts in one statement.
    const ranked = this.db
      .selectFrom('ORDHDR')
      .selectAll()
      .select((eb) =>
        eb.fn
          .agg<number>('row_number')
          .over((ob) => ob.partitionBy('ACCT_NO').orderBy('ORD_DT', 'desc').orderBy('ORD_TM', 'desc').orderBy('ORD_NO', 'desc'))
          .as('RN'),
      )
      .where('ACCT_NO', 'in', keys)
      .$if(options.partnerId !== undefined, (q) => q.where('CHNL_CD', '=', channelCodeOf('PARTNER')).where('PTN_CD', '=', options.partnerId!));
    const rows = await this.run('orders by account', () =>
      this.db.selectFrom(ranked.as('R')).selectAll().where('RN', '<=', first).orderBy('ACCT_NO').orderBy('RN').execute(),
    );
    return alignMany(accountNumbers, rows.map(toOrder), (o) => o.accountNumber);
  }

  async findLinesByOrderIds(orderIds: readonly string[]): Promise<OrderLine[][]> {
    const orderNos = orderNumbersOf(orderIds);
    if (orderNos.length === 0) return orderIds.map(() => []);
    const rows = await this.run('order lines', () =>
      this.db.selectFrom('ORDLIN').selectAll().where('ORD_NO', 'in', orderNos).orderBy('ORD_NO').orderBy('LIN_NO').execute(),
    );
    return alignMany(orderIds, rows.map(toOrderLine), (l) => l.orderId);
  }

  async findCreditAccountsByAccountNumbers(accountNumbers: readonly string[]): Promise<(CreditAccount | null)[]> {
    const keys = uniqueKeys(accountNumbers);
    if (keys.length === 0) return [];
    const rows = await this.run('credit accounts', () =>
      this.db.selectFrom('CUSACT').select(['ACCT_NO', 'CR_LMT', 'CR_USD', 'CUR_CD']).where('ACCT_NO', 'in', keys).execute(),
    );
    const accounts = rows.map(toCreditAccount).filter((a): a is CreditAccount => a !== null);
    return alignOne(accountNumbers, accounts, (a) => a.accountNumber);
  }
}
