import { Kysely, MysqlDialect, SqliteDialect, type LogEvent } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Where a SQL store lives: `mysql://user:pass@host:port/db` for MySQL/MariaDB, or
 * `sqlite:<file>` (or `sqlite::memory:`) for the embedded default.
 */
export type DatabaseUrl = string;

export type Dialect = 'mysql' | 'sqlite';

export interface StatementObserver {
  /** Called once per statement the database executes (for counting and slow-query logs). */
  onStatement(event: { sql: string; durationMs: number; failed: boolean }): void;
}

export interface DatabaseOptions {
  /** Pool size for MySQL; ignored for SQLite (one connection, serialized by better-sqlite3). */
  poolSize?: number;
  observer?: StatementObserver;
}

export interface Database<DB> {
  db: Kysely<DB>;
  dialect: Dialect;
  close(): Promise<void>;
}

export function dialectOf(url: DatabaseUrl): Dialect {
  if (url.startsWith('mysql://') || url.startsWith('mariadb://')) return 'mysql';
  if (url.startsWith('sqlite:')) return 'sqlite';
  throw new Error(`unsupported database URL scheme: ${url.split(':')[0]}: (use mysql:// or sqlite:)`);
}

export function openDatabase<DB>(url: DatabaseUrl, options: DatabaseOptions = {}): Database<DB> {
  const dialect = dialectOf(url);
  const log = options.observer
    ? (event: LogEvent) =>
        options.observer!.onStatement({
          sql: event.query.sql,
          durationMs: event.queryDurationMillis,
          failed: event.level === 'error',
        })
    : undefined;

  if (dialect === 'mysql') {
    // Loaded lazily so that the embedded default never needs the MySQL driver at start-up.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { createPool } = require('mysql2') as typeof import('mysql2');
    const parsed = new URL(url.replace(/^mariadb:/, 'mysql:'));
    const pool = createPool({
      host: parsed.hostname,
      port: parsed.port ? Number(parsed.port) : 3306,
      user: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      database: parsed.pathname.replace(/^\//, ''),
      connectionLimit: options.poolSize ?? 10,
      timezone: 'Z',
      dateStrings: true,
      supportBigNumbers: true,
      bigNumberStrings: false,
    });
    const db = new Kysely<DB>({ dialect: new MysqlDialect({ pool }), log });
    return { db, dialect, close: () => db.destroy() };
  }

  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const BetterSqlite = require('better-sqlite3') as typeof import('better-sqlite3');
  const file = url.slice('sqlite:'.length) || ':memory:';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite(file);
  // WAL lets several processes (subgraphs started on their own) read while one writes;
  // busy_timeout makes a writer wait for the lock instead of failing at once.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log });
  return { db, dialect, close: () => db.destroy() };
}

/** Counts statements, for the no-N+1 tests and the hub benchmark. */
export class StatementCounter implements StatementObserver {
  count = 0;
  readonly statements: string[] = [];
  constructor(private readonly keep = false) {}
  onStatement(event: { sql: string }): void {
    this.count += 1;
    if (this.keep) this.statements.push(event.sql);
  }
  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}
