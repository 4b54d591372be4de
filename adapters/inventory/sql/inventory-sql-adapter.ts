// InventoryPort over the legacy warehouse tables. Every batch method issues one SQL statement for
// the whole batch (none for an empty one).
import type { AliasedSelectQueryBuilder, Kysely } from 'kysely';
import type { DistributionCenter, InventoryPort, StockLevel } from '../inventory-port';
import { alignMany, alignOne, uniqueKeys } from '../../../lib/batch';
import { InvalidInputError, UpstreamUnavailableError } from '../../../lib/errors';
import type { InventoryTables } from './inventory-tables';
import { OPEN_PO_STATUS, toCenter, toStockLevels, type StockRow } from './inventory-mappers';

/** The most stock levels one call may ask for per centre. */
export const INVENTORY_MAX_FIRST = 1000;

type StockKey = { ITM_NO: string; WHS_CD: string };
type KeyTable = AliasedSelectQueryBuilder<StockKey & { RN?: number }, 'K'>;

export class InventorySqlAdapter implements InventoryPort {
  constructor(private readonly db: Kysely<InventoryTables>) {}

  private async run<T>(what: string, statement: () => Promise<T>): Promise<T> {
    try {
      return await statement();
    } catch (error) {
      throw new UpstreamUnavailableError('inventory', `the inventory database failed to read ${what}`, { cause: error });
    }
  }

  /** Every (item, centre) pair that holds a balance or expects an open purchase-order line. */
  private stockKeys(column: 'ITM_NO' | 'WHS_CD', keys: readonly string[]) {
    return this.db
      .selectFrom('STKBAL')
      .select(['ITM_NO', 'WHS_CD'])
      .where(column, 'in', keys)
      .union(
        this.db
          .selectFrom('POINC')
          .select(['ITM_NO', 'WHS_CD'])
          .where(column, 'in', keys)
          .where('PO_STS', '=', OPEN_PO_STATUS)
          .whereRef('ORD_QTY', '>', 'RCV_QTY'),
      );
  }

  /** The pairs joined to their balance and their open PO lines, flat, sorted for toStockLevels. */
  private stockRows(keys: KeyTable) {
    return this.db
      .selectFrom(keys)
      .leftJoin('STKBAL as S', (j) => j.onRef('S.ITM_NO', '=', 'K.ITM_NO').onRef('S.WHS_CD', '=', 'K.WHS_CD'))
      .leftJoin('POINC as P', (j) =>
        j
          .onRef('P.ITM_NO', '=', 'K.ITM_NO')
          .onRef('P.WHS_CD', '=', 'K.WHS_CD')
          .on('P.PO_STS', '=', OPEN_PO_STATUS)
          .onRef('P.ORD_QTY', '>', 'P.RCV_QTY'),
      )
      .select((eb) => [
        'K.ITM_NO',
        'K.WHS_CD',
        'S.QOH',
        'S.QRSV',
        'P.EXP_DT',
        eb('P.ORD_QTY', '-', eb.ref('P.RCV_QTY')).as('INC_QTY'),
      ]);
  }

  async listCenters(): Promise<DistributionCenter[]> {
    const rows = await this.run('distribution centres', () => this.db.selectFrom('WHSMST').selectAll().orderBy('WHS_CD').execute());
    return rows.map(toCenter);
  }

  async findCentersByCodes(codes: readonly string[]): Promise<(DistributionCenter | null)[]> {
    const keys = uniqueKeys(codes);
    if (keys.length === 0) return [];
    const rows = await this.run('distribution centres', () => this.db.selectFrom('WHSMST').selectAll().where('WHS_CD', 'in', keys).execute());
    return alignOne(codes, rows.map(toCenter), (c) => c.code);
  }

  async findStockBySkus(skus: readonly string[]): Promise<StockLevel[][]> {
    const keys = uniqueKeys(skus);
    if (keys.length === 0) return [];
    const rows: StockRow[] = await this.run('stock by product', () =>
      this.stockRows(this.stockKeys('ITM_NO', keys).as('K'))
        .orderBy('K.ITM_NO')
        .orderBy('K.WHS_CD')
        .orderBy('P.EXP_DT')
        .orderBy('P.PO_NO')
        .orderBy('P.PO_LIN')
        .execute(),
    );
    return alignMany(skus, toStockLevels(rows), (s) => s.sku);
  }

  async findStockByCenterCodes(codes: readonly string[], options: { first: number }): Promise<StockLevel[][]> {
    const first = options.first;
    if (!Number.isInteger(first) || first < 0 || first > INVENTORY_MAX_FIRST) {
      throw new InvalidInputError(`first must be an integer from 0 to ${INVENTORY_MAX_FIRST}, got ${first}`, 'first');
    }
    const keys = uniqueKeys(codes);
    if (keys.length === 0 || first === 0) return codes.map(() => []);
    // The first `first` items of each centre by SKU, cut by the window function before the join
    // multiplies rows by PO lines.
    const ranked = this.db
      .selectFrom(this.stockKeys('WHS_CD', keys).as('U'))
      .select((eb) => [
        'U.ITM_NO',
        'U.WHS_CD',
        eb.fn.agg<number>('row_number').over((ob) => ob.partitionBy('U.WHS_CD').orderBy('U.ITM_NO')).as('RN'),
      ]);
    const rows: StockRow[] = await this.run('stock by centre', () =>
      this.stockRows(ranked.as('K'))
        .where('K.RN', '<=', first)
        .orderBy('K.WHS_CD')
        .orderBy('K.ITM_NO')
        .orderBy('P.EXP_DT')
        .orderBy('P.PO_NO')
        .orderBy('P.PO_LIN')
        .execute(),
    );
    return alignMany(codes, toStockLevels(rows), (s) => s.centerCode);
  }
}
