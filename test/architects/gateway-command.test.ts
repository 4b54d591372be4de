// The gateway command (`npm run gateway`) configured for a migration by its environment alone:
// supergraph from a polled URL, override force header, shadow comparison, metrics.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { postGraphQL } from '../gateway/support/gateway-client';
import { composeMigration, customersTypeDefs, LEGACY_TYPE_DEFS, startMigrationSubgraph, type MigrationSubgraph } from './support/migration-subgraphs';

let legacy: MigrationSubgraph;
let customers: MigrationSubgraph;
let registry: Server;
let served = '';
let child: ChildProcess | undefined;

beforeAll(async () => {
  legacy = await startMigrationSubgraph('legacy', LEGACY_TYPE_DEFS);
  customers = await startMigrationSubgraph('customers', customersTypeDefs('percent(25)', 'since: String'));
  served = composeMigration([legacy, { ...customers, typeDefs: customersTypeDefs('percent(25)') }]);
  registry = createServer((_req, res) => res.end(served));
  await new Promise<void>((done) => registry.listen(0, '127.0.0.1', done));
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((done) => child!.once('exit', done));
  }
  await new Promise<void>((done) => registry.close(() => done()));
  await legacy?.close();
  await customers?.close();
});

function start(env: Record<string, string>): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'gateway/main.ts'], {
    cwd: resolve(__dirname, '..', '..'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`gateway did not start: ${stderr}`)), 20_000);
    createInterface({ input: child!.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      if (typeof entry.url === 'string' && String(entry.msg).includes('ready')) {
        clearTimeout(timer);
        done(entry.url);
      }
    });
    child!.once('exit', (code) => fail(new Error(`gateway exited with ${code}: ${stderr}`)));
  });
}

it('takes the supergraph from a URL, follows its updates, honours the force header and compares in the shadow', async () => {
  const registryUrl = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/supergraph`;
  const endpoint = await start({
    GATEWAY_PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SUPERGRAPH_URL: registryUrl,
    SUPERGRAPH_POLL_MS: '50',
    OVERRIDE_FORCE_HEADER: 'x-touchpoint-override',
    SHADOW_COMPARE: 'true',
  });
  const graphql = endpoint;
  const segment = async (headers: Record<string, string>) =>
    ((await postGraphQL(fetch, graphql, { query: '{ customer(id: "c1") { segment } }' }, headers)).body.data as { customer: { segment: string } }).customer.segment;
  expect(await segment({ 'x-touchpoint-override': 'percent(25)' })).toBe('GOLD (customers)');
  expect(await segment({ 'x-touchpoint-override': '!percent(25)' })).toBe('GOLD (legacy)');

  expect((await postGraphQL(fetch, graphql, { query: '{ customer(id: "c1") { since } }' })).body.errors).toBeDefined();
  served = composeMigration([legacy, customers]);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { body } = await postGraphQL(fetch, graphql, { query: '{ customer(id: "c1") { since } }' });
    if (!body.errors) {
      expect(body.data).toEqual({ customer: { since: '2020-01-01' } });
      break;
    }
    if (Date.now() > deadline) throw new Error('the gateway did not pick up the new supergraph');
    await new Promise((done) => setTimeout(done, 50));
  }

  const metricsUrl = new URL('/metrics', endpoint).toString();
  const text = await (await fetch(metricsUrl)).text();
  expect(text).toMatch(/touchpoint_shadow_comparisons_total\{field="Customer.segment",outcome="mismatch"\} [1-9]/);
  expect(text).toContain('touchpoint_operations_total{type="query"');
});
