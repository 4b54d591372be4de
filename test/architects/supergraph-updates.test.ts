// Supergraph updates without a restart: a new supergraph (from a watched file, a polled URL or the
// API) is loaded in full and swapped in; a broken one is refused while service continues; an
// operation running during a swap finishes on the executor it started on, closed after it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { parseGatewayConfig } from '../../gateway/cli-config';
import { createGateway } from '../../gateway/create-gateway';
import { defaultExecutor } from '../../gateway/execution/executors';
import type { ExecutorFactory } from '../../gateway/execution/operation-executor';
import { startGateway, type GatewayService } from '../../gateway/service';
import { postGraphQL } from '../gateway/support/gateway-client';
import { composeMigration, customersTypeDefs, LEGACY_TYPE_DEFS, startMigrationSubgraph, type MigrationSubgraph } from './support/migration-subgraphs';

let legacy: MigrationSubgraph;
let customers: MigrationSubgraph;
/** Before: the new service has no `since`. After: it has. Both route to the same running subgraph. */
let before: string;
let after: string;
const logs: Array<Record<string, unknown>> = [];
const log = pino({ level: 'info' }, new Writable({ write(chunk, _e, done) { logs.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } }));

const SINCE = '{ customer(id: "c1") { id since } }';

const ask = (url: string, query: string) => postGraphQL(fetch, url, { query });

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  legacy = await startMigrationSubgraph('legacy', LEGACY_TYPE_DEFS);
  customers = await startMigrationSubgraph('customers', customersTypeDefs('percent(25)', 'since: String'));
  after = composeMigration([legacy, customers]);
  before = composeMigration([legacy, { ...customers, typeDefs: customersTypeDefs('percent(25)') }]);
});

afterAll(async () => {
  await legacy?.close();
  await customers?.close();
});

describe('supergraph updates from a watched file', () => {
  let service: GatewayService;
  let file: string;

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'tp-supergraph-')), 'supergraph.graphql');
    writeFileSync(file, before);
    service = await startGateway({ supergraphSdl: before, log, supergraphUpdates: { file, debounceMs: 50 } });
  });
  afterAll(async () => {
    await service?.close();
  });

  it('picks up a new field without a restart', async () => {
    const refused = await ask(service.endpoint, SINCE);
    expect(refused.body.errors?.[0].message).toContain('Cannot query field "since"');
    // Written the way deploy tools do: a temporary file renamed over the old one.
    writeFileSync(`${file}.tmp`, after);
    renameSync(`${file}.tmp`, file);
    const answer = await until('the new field', async () => {
      const r = await ask(service.endpoint, SINCE);
      return r.body.errors ? undefined : r.body;
    });
    expect(answer.data).toEqual({ customer: { id: 'c1', since: '2020-01-01' } });
    expect(service.gateway.supergraphSdl()).toBe(after);
  });

  it('refuses a broken supergraph, keeps serving the current one and logs why', async () => {
    const refusals = () => logs.filter((l) => l.msg === 'supergraph update refused: the current supergraph keeps serving');
    const seen = refusals().length;
    writeFileSync(file, 'type Query { customer(id: ID!): Customer'); // cut short
    await until('a refusal', async () => (refusals().length > seen ? true : undefined));
    expect(String(refusals()[seen].reason)).toMatch(/Syntax Error/);
    writeFileSync(file, 'type Query { hello: String }'); // valid GraphQL, not a supergraph
    await until('a second refusal', async () => (refusals().length > seen + 1 ? true : undefined));
    const still = await ask(service.endpoint, SINCE);
    expect(still.body).toEqual({ data: { customer: { id: 'c1', since: '2020-01-01' } } });
    expect(service.gateway.supergraphSdl()).toBe(after);
  });
});

describe('supergraph updates from a polled URL', () => {
  it('serves the supergraph the URL gives once it changes', async () => {
    let current = before;
    const registry: Server = createServer((_req, res) => res.end(current));
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(registry.address() as AddressInfo).port}/supergraph.graphql`;
    const service = await startGateway({ supergraphSdl: before, log, supergraphUpdates: { url, pollMs: 30 } });
    try {
      expect((await ask(service.endpoint, SINCE)).body.errors).toBeDefined();
      current = after;
      const answer = await until('the new field', async () => {
        const r = await ask(service.endpoint, SINCE);
        return r.body.errors ? undefined : r.body;
      });
      expect(answer.data).toEqual({ customer: { id: 'c1', since: '2020-01-01' } });
    } finally {
      await service.close();
      await new Promise<void>((resolve) => registry.close(() => resolve()));
    }
  });
});

describe('a swap while an operation runs', () => {
  it('finishes the operation on the old executor and closes that one afterwards', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slowLegacy = await startMigrationSubgraph('legacy', LEGACY_TYPE_DEFS, () => gate);
    const closedAt: Array<{ generation: number; at: number }> = [];
    let generations = 0;
    const tracking: ExecutorFactory = async (config) => {
      const generation = ++generations;
      const made = await defaultExecutor(config);
      return { ...made, close: async () => { closedAt.push({ generation, at: Date.now() }); await made.close(); } };
    };
    const slowBefore = composeMigration([slowLegacy, { ...customers, typeDefs: customersTypeDefs('percent(25)') }]);
    const slowAfter = composeMigration([slowLegacy, customers]);
    const gateway = await createGateway({ supergraphSdl: slowBefore, executor: tracking, log });
    const query = (q: string) => postGraphQL((input, init) => Promise.resolve(gateway.yoga.fetch(input, init ?? {})), 'http://gateway/graphql', { query: q });
    try {
      const running = query('{ customer(id: "c7") { id name } }').then((r) => ({ ...r, at: Date.now() }));
      await until('the subgraph to be answering', async () => (slowLegacy.received.length > 0 ? true : undefined));
      expect(await gateway.updateSupergraph(slowAfter)).toEqual({ status: 'applied' });
      expect(closedAt).toEqual([]); // the old executor still has an operation
      release();
      const done = await running;
      expect(done.body).toEqual({ data: { customer: { id: 'c7', name: 'Customer c7' } } });
      await until('the old executor closed', async () => (closedAt.length > 0 ? true : undefined));
      expect(closedAt[0].generation).toBe(1);
      expect(closedAt[0].at).toBeGreaterThanOrEqual(done.at - 5);
      // New operations run on the new supergraph.
      expect((await query(SINCE)).body).toEqual({ data: { customer: { id: 'c1', since: '2020-01-01' } } });
      expect(await gateway.updateSupergraph(slowAfter)).toEqual({ status: 'unchanged' });
    } finally {
      await gateway.close();
      await slowLegacy.close();
    }
    expect(closedAt.map((c) => c.generation).sort()).toEqual([1, 2]);
  });
});

describe('a supergraph that changes access rules', () => {
  it('is refused: @authenticated and @requiresScopes only change with a restart', async () => {
    const guarded = customersTypeDefs('percent(25)', 'since: String @authenticated').replace('import: ["@key", "@override"]', 'import: ["@key", "@override", "@authenticated"]');
    const withRules = composeMigration([legacy, { ...customers, typeDefs: guarded }]);
    const gateway = await createGateway({ supergraphSdl: before, log });
    try {
      const update = await gateway.updateSupergraph(withRules);
      expect(update).toEqual({ status: 'refused', reason: expect.stringContaining('@authenticated/@requiresScopes') });
      expect(gateway.supergraphSdl()).toBe(before);
      const { body } = await postGraphQL((input, init) => Promise.resolve(gateway.yoga.fetch(input, init ?? {})), 'http://gateway/graphql', { query: SINCE });
      expect(body.errors?.[0].message).toContain('Cannot query field "since"');
    } finally {
      await gateway.close();
    }
  });
});

describe('supergraph update settings for the gateway command', () => {
  it('reads SUPERGRAPH_WATCH, SUPERGRAPH_URL and SUPERGRAPH_POLL_MS', () => {
    const none = parseGatewayConfig([], {}, '/s.graphql');
    expect([none.supergraphWatch, none.supergraphUrl, none.supergraphPollMs]).toEqual([undefined, undefined, undefined]);
    expect(parseGatewayConfig([], { SUPERGRAPH_WATCH: 'true' }, '/s.graphql').supergraphWatch).toBe(true);
    expect(parseGatewayConfig([], { SUPERGRAPH_URL: 'http://registry/supergraph', SUPERGRAPH_POLL_MS: '5000' }, '/s.graphql')).toMatchObject({ supergraphUrl: 'http://registry/supergraph', supergraphPollMs: 5000 });
    expect(() => parseGatewayConfig([], { SUPERGRAPH_POLL_MS: 'often' }, '/s.graphql')).toThrow('SUPERGRAPH_POLL_MS must be a whole number');
  });
});
