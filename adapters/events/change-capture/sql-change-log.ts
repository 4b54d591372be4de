// Reads and purges a trigger-fed change table (any table with an ascending `seq` column).
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ChangePosition } from './change-position';

export interface ChangeRow {
  seq: number;
}

/** What the poller needs from a change table. */
export interface ChangeLog<Row extends ChangeRow> {
  /** Rows past the position or inside its gaps, ascending, at most `limit`. */
  read(position: ChangePosition, limit: number): Promise<Row[]>;
  /** The highest sequence number in the table, null when it is empty. */
  maxSeq(): Promise<number | null>;
  /** Deletes rows already read: below the position, outside its open gaps. The row at the position stays. */
  purge(position: ChangePosition): Promise<number>;
}

// The table name is chosen by the caller at run time, so the query builder is untyped here; rows are
// typed by the caller's Row.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEb = ExpressionBuilder<any, any>;

export class SqlChangeLog<Row extends ChangeRow> implements ChangeLog<Row> {
  constructor(
    private readonly db: AnyDb,
    private readonly table: string,
  ) {}

  async read(position: ChangePosition, limit: number): Promise<Row[]> {
    const rows = await this.db
      .selectFrom(this.table)
      .selectAll()
      .where((eb: AnyEb) => eb.or([eb('seq', '>', position.seq), ...position.gaps.map((g) => eb.between('seq', g.from, g.to))]))
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }) as Row);
  }

  async maxSeq(): Promise<number | null> {
    const row = await this.db
      .selectFrom(this.table)
      .select(sql<number | string | null>`max(seq)`.as('max_seq'))
      .executeTakeFirst();
    return row?.max_seq === null || row?.max_seq === undefined ? null : Number(row.max_seq);
  }

  async purge(position: ChangePosition): Promise<number> {
    // The row at the position is kept: MariaDB before 10.2.4 restarts AUTO_INCREMENT from the
    // highest row after a restart, and an empty table would hand out numbers already passed.
    const result = await this.db
      .deleteFrom(this.table)
      .where((eb: AnyEb) => {
        const conditions: Expression<SqlBool>[] = [eb('seq', '<', position.seq)];
        for (const g of position.gaps) conditions.push(eb.not(eb.between('seq', g.from, g.to)));
        return eb.and(conditions);
      })
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
