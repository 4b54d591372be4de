// Starts the whole hub for end-to-end tests: fresh databases of the given dialect, every service on
// a free port, a smaller demo world, and counters for SQL statements and legacy HTTP calls.
import { resolve } from 'node:path';
import { silentLogger } from '../../lib/logger';
import { StatementCounter, type Dialect } from '../../adapters/sql/database';
import { generateDemoDataset, type DemoDataset } from '../../demo/data/demo-dataset';
import { hubConfigFromEnv, type HubConfig } from '../../scripts/hub/hub-config';
import { startHub, type HubHooks, type RunningHub } from '../../scripts/hub/start-hub';
import { createTestDatabase, type TestDatabase } from './test-databases';

export const TEST_DATASET_SIZE = { customers: 120, products: 80, orders: 900 };

export interface TestHub {
  hub: RunningHub;
  /** The config the hub started with (database URLs, bus URL). */
  config: HubConfig;
  dataset: DemoDataset;
  statements: StatementCounter;
  httpCalls: { count: number; paths: string[] };
  /** POSTs a GraphQL operation to the gateway; returns the HTTP status and the parsed body. */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: { data?: T | null; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] } }>;
  close(): Promise<void>;
}

/**
 * `overrides` replace parts of the hub's config: another hub's databases (then none are created
 * here, and the caller drops them), an event bus URL, the stand-ins' URLs, change capture settings.
 */
export async function startTestHub(dialect: Dialect, options: Partial<HubHooks> = {}, overrides: Partial<HubConfig> = {}): Promise<TestHub> {
  const dbs: TestDatabase[] = [];
  const db = async (label: string) => {
    const created = await createTestDatabase(dialect, label);
    dbs.push(created);
    return created.url;
  };
  const base = hubConfigFromEnv({}, resolve(__dirname, '..', '..'));
  const config: HubConfig = {
    ...base,
    host: '127.0.0.1',
    gatewayPort: 0,
    ports: { crm: 0, erp: 0, inventory: 0, shipping: 0, social: 0, crmStandIn: 0, carrierStandIn: 0 },
    databases: overrides.databases ?? { erp: await db('erp'), inventory: await db('inventory'), social: await db('social'), hub: await db('hub') },
    crmApiUrl: null,
    carrierApiUrl: null,
    // No partner contracts unless a test asks for them (overrides.security): each costs a schema build and an executor.
    security: base.security && { ...base.security, contracts: [] },
    ...overrides,
  };
  const dataset = options.dataset ?? generateDemoDataset(TEST_DATASET_SIZE);
  const statements = new StatementCounter();
  const httpCalls = { count: 0, paths: [] as string[] };
  let hub: RunningHub;
  try {
    hub = await startHub(config, silentLogger, {
      ...options,
      dataset,
      statementObserver: statements,
      onHttpAttempt: (attempt) => {
        httpCalls.count += 1;
        httpCalls.paths.push(`${attempt.method} ${attempt.path}`);
      },
    });
  } catch (error) {
    await Promise.all(dbs.map((d) => d.drop()));
    throw error;
  }
  return {
    hub,
    config,
    dataset,
    statements,
    httpCalls,
    async query(query, variables, headers) {
      const res = await fetch(hub.gateway.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: (await res.json()) as never };
    },
    async close() {
      await hub.close();
      await Promise.all(dbs.map((d) => d.drop()));
    },
  };
}
