// Triggers that copy every insert, update and delete of a legacy table into a change table: one
// row per change with a sequence number, the operation and the keys the events need. They see what
// any program writes (batch jobs included), except TRUNCATE, which fires no trigger.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../sql/database';

export type RowAlias = 'NEW' | 'OLD';

export interface CapturedTable {
  /** The legacy table, e.g. ORDHDR. */
  table: string;
  /** Triggers are named <prefix>_ai, _au, _ad. */
  triggerPrefix: string;
  /** Stored in the change table's `src` column: which table the change came from. */
  source: string;
  /** Change-table columns and the SQL expression (over NEW or OLD) each receives. */
  capture(row: RowAlias): Record<string, string>;
  /** Columns whose change moves the row to another captured key (recorded as delete + insert). */
  keyColumns: readonly string[];
  /** Other columns whose change matters; an update touching none of them (nor a key) is not recorded. */
  watchedColumns: readonly string[];
}

function insertChange(changeTable: string, t: CapturedTable, op: string, row: RowAlias, dialect: Dialect, where?: string): string {
  const captured = t.capture(row);
  const columns = ['src', 'op', ...Object.keys(captured)].join(', ');
  const values = [`'${t.source}'`, op, ...Object.values(captured)].join(', ');
  if (!where) return `INSERT INTO ${changeTable} (${columns}) SELECT ${values}`;
  return `INSERT INTO ${changeTable} (${columns}) SELECT ${values}${dialect === 'mysql' ? ' FROM DUAL' : ''} WHERE ${where}`;
}

/** The CREATE TRIGGER statements (same text shape on SQLite and MySQL/MariaDB). */
export function createTriggerStatements(dialect: Dialect, changeTable: string, t: CapturedTable): string[] {
  const differs = (c: string) => (dialect === 'mysql' ? `NOT (OLD.${c} <=> NEW.${c})` : `OLD.${c} IS NOT NEW.${c}`);
  const keyMoved = t.keyColumns.map(differs).join(' OR ');
  const anyChange = [...t.keyColumns, ...t.watchedColumns].map(differs).join(' OR ');
  const trigger = (suffix: string, event: string, body: string[]) =>
    `CREATE TRIGGER ${t.triggerPrefix}_${suffix} AFTER ${event} ON ${t.table} FOR EACH ROW BEGIN ${body.map((s) => `${s};`).join(' ')} END`;
  return [
    trigger('ai', 'INSERT', [insertChange(changeTable, t, "'I'", 'NEW', dialect)]),
    trigger('au', 'UPDATE', [
      // The old key first: the row left it.
      insertChange(changeTable, t, "'D'", 'OLD', dialect, `(${keyMoved})`),
      insertChange(changeTable, t, `CASE WHEN (${keyMoved}) THEN 'I' ELSE 'U' END`, 'NEW', dialect, `(${anyChange})`),
    ]),
    trigger('ad', 'DELETE', [insertChange(changeTable, t, "'D'", 'OLD', dialect)]),
  ];
}

export function dropTriggerStatements(t: CapturedTable): string[] {
  return ['ai', 'au', 'ad'].map((suffix) => `DROP TRIGGER IF EXISTS ${t.triggerPrefix}_${suffix}`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs during migrations, before typed tables exist
export async function executeAll(db: Kysely<any>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** The sequence column: SQLite's AUTOINCREMENT (never reuses a number) needs INTEGER PRIMARY KEY. */
export function sequenceColumnType(dialect: Dialect): 'integer' | 'bigint' {
  return dialect === 'mysql' ? 'bigint' : 'integer';
}
