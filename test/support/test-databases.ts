// Each test run gets databases of its own: a temporary SQLite file, and a fresh MariaDB database
// with a unique name (CI shares the machine's MariaDB with other runs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import type { Dialect } from '../../adapters/sql/database';

/** The MariaDB server the SQL suites run against; CI and the dev machine have one at this address. */
export const TEST_MYSQL_SERVER = process.env.TOUCHPOINT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
}

export const TEST_DIALECTS: Dialect[] = ['sqlite', 'mysql'];

function serverConnectionOptions() {
  const u = new URL(TEST_MYSQL_SERVER);
  return { host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password) };
}

export async function createTestDatabase(dialect: Dialect, label: string): Promise<TestDatabase> {
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `tp-${label}-`));
    return { dialect, url: `sqlite:${join(dir, `${label}.sqlite`)}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `tp_test_${label}_${suffix}`.replace(/[^a-zA-Z0-9_]/g, '_');
  const conn = await createConnection(serverConnectionOptions());
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await conn.end();
  const base = new URL(TEST_MYSQL_SERVER);
  base.pathname = `/${name}`;
  return {
    dialect,
    url: base.toString(),
    drop: async () => {
      const c = await createConnection(serverConnectionOptions());
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
