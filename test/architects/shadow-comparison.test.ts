// Shadow comparison through the gateway: queries selecting fields being moved are resolved again
// from the other side in the background; agreement is counted per field, mismatches are logged
// with values redacted, mutations are never shadowed, and the report command summarises it all.
import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { promisify } from 'node:util';
import pino from 'pino';
import { createGateway, type Gateway } from '../../gateway/create-gateway';
import { formatShadowReport, shadowAgreement } from '../../gateway/metrics/shadow-report';
import { shadowSettingsFromEnv } from '../../gateway/override/override-settings';
import { startGateway } from '../../gateway/service';
import { postGraphQL } from '../gateway/support/gateway-client';
import { composeMigration, customersTypeDefs, LEGACY_TYPE_DEFS, startMigrationSubgraph, type MigrationSubgraph } from './support/migration-subgraphs';

let legacy: MigrationSubgraph;
let customers: MigrationSubgraph;
let supergraphSdl: string;
let gateway: Gateway;
const logs: Array<Record<string, unknown>> = [];
const rawLogs: string[] = [];
const log = pino({ level: 'info' }, new Writable({ write(chunk, _e, done) { rawLogs.push(String(chunk)); logs.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } }));

const ask = (g: Gateway, body: Parameters<typeof postGraphQL>[2]) =>
  postGraphQL((input, init) => Promise.resolve(g.yoga.fetch(input, init ?? {})), 'http://gateway/graphql', body);
const scrape = async (g: Gateway) => (await g.yoga.fetch('http://gateway/metrics')).text();
const count = (text: string, field: string, outcome: string) => {
  const line = text.split('\n').find((l) => l.startsWith(`touchpoint_shadow_comparisons_total{field="${field}",outcome="${outcome}"} `));
  return line ? Number(line.split(' ').pop()) : 0;
};
const mismatchLogs = () => logs.filter((l) => l.msg === 'shadow comparison mismatch');

beforeAll(async () => {
  legacy = await startMigrationSubgraph('legacy', LEGACY_TYPE_DEFS);
  customers = await startMigrationSubgraph('customers', customersTypeDefs('percent(25)'));
  supergraphSdl = composeMigration([legacy, customers]);
  gateway = await createGateway({ supergraphSdl, log, progressiveOverride: { seed: 'shadow-test' }, shadowComparison: { maxInFlight: 100 } });
});

afterAll(async () => {
  await gateway?.close();
  await legacy?.close();
  await customers?.close();
});

describe('shadow comparison', () => {
  it('compares moved fields from both sides, counts agreement per field, logs mismatches redacted, and leaves answers alone', async () => {
    for (let i = 0; i < 20; i++) {
      const id = `c${i}`;
      const { body } = await ask(gateway, { query: 'query Profile($id: ID!) { customer(id: $id) { id segment email } }', variables: { id } });
      const onNew = gateway.overrideRouter().decide({ headers: new Headers(), variables: { id }, subject: null }).labels.has('percent(25)');
      expect(body).toEqual({ data: { customer: { id, segment: onNew ? 'GOLD (customers)' : 'GOLD (legacy)', email: `${id}@example.com` } } });
    }
    await gateway.shadow!.idle();
    const text = await scrape(gateway);
    expect(count(text, 'Customer.segment', 'mismatch')).toBe(20);
    expect(count(text, 'Customer.email', 'match')).toBe(20);
    expect(count(text, 'Customer.email', 'mismatch')).toBe(0);

    const logged = mismatchLogs();
    expect(logged).toHaveLength(20);
    expect(logged.every((l) => l.field === 'Customer.segment' && l.label === 'percent(25)')).toBe(true);
    const first = logged[0] as { served: { side: string; values: string[] }; shadow: { side: string; values: string[] } };
    expect(new Set([first.served.side, first.shadow.side])).toEqual(new Set(['old', 'new']));
    expect(first.served.values[0]).toMatch(/^sha256:[0-9a-f]{10} \(\d+ chars\)$/);
    expect(first.served.values[0]).not.toBe(first.shadow.values[0]);
    // Neither the values nor any personal data reach the log.
    expect(rawLogs.join('')).not.toMatch(/GOLD|example\.com/);

    expect(shadowAgreement(text)).toEqual([
      { field: 'Customer.email', match: 20, mismatch: 0, error: 0, agreementPercent: 100 },
      { field: 'Customer.segment', match: 0, mismatch: 20, error: 0, agreementPercent: 0 },
    ]);
    expect(formatShadowReport(shadowAgreement(text))).toContain('Customer.email');
  });

  it('never shadows mutations, nor queries that select no moved field', async () => {
    const before = await scrape(gateway);
    const requestsBefore = legacy.received.length + customers.received.length;
    const { body } = await ask(gateway, { query: 'mutation { touchCustomer(id: "c1") { id segment email } }' });
    expect(body.errors).toBeUndefined();
    expect((await ask(gateway, { query: '{ customer(id: "c2") { name } }' })).body.errors).toBeUndefined();
    await gateway.shadow!.idle();
    const after = await scrape(gateway);
    for (const [field, outcome] of [['Customer.segment', 'mismatch'], ['Customer.email', 'match']]) expect(count(after, field, outcome)).toBe(count(before, field, outcome));
    // One operation's worth of subgraph requests each, no second run.
    expect(legacy.received.length + customers.received.length - requestsBefore).toBeLessThanOrEqual(3);
  });

  it('logs the values of fields declared not personal as they are, and samples the log', async () => {
    const plainLogs: Array<Record<string, unknown>> = [];
    const plainLog = pino({ level: 'info' }, new Writable({ write(chunk, _e, done) { plainLogs.push(JSON.parse(String(chunk)) as Record<string, unknown>); done(); } }));
    const g = await createGateway({ supergraphSdl, log: plainLog, shadowComparison: { plainFields: ['Customer.segment'], logSampleRate: 0.5, random: (() => { let n = 0; return () => (n++ % 2) * 0.9; })() } });
    try {
      for (let i = 0; i < 4; i++) await ask(g, { query: 'query S($id: ID!) { customer(id: $id) { segment } }', variables: { id: `p${i}` } });
      await g.shadow!.idle();
      const logged = plainLogs.filter((l) => l.msg === 'shadow comparison mismatch') as Array<{ served: { values: string[] } }>;
      expect(logged).toHaveLength(2);
      expect(logged[0].served.values[0]).toMatch(/^GOLD \((legacy|customers)\)$/);
      expect(count(await scrape(g), 'Customer.segment', 'mismatch')).toBe(4);
    } finally {
      await g.close();
    }
  });

  it('has a report command reading a running gateway', async () => {
    const service = await startGateway({ supergraphSdl, shadowComparison: true });
    try {
      await postGraphQL(fetch, service.endpoint, { query: '{ customer(id: "r1") { segment email } }' });
      await service.gateway.shadow!.idle();
      const { stdout } = await promisify(execFile)('npx', ['tsx', 'gateway/metrics/shadow-report-main.ts', `${service.url}/metrics`], { cwd: `${__dirname}/../..` });
      expect(stdout).toMatch(/field\s+compared\s+match\s+mismatch\s+error\s+agreement/);
      expect(stdout).toMatch(/Customer\.email\s+1\s+1\s+0\s+0\s+100%/);
      expect(stdout).toMatch(/Customer\.segment\s+1\s+0\s+1\s+0\s+0%/);
    } finally {
      await service.close();
    }
  });
});

describe('shadow comparison settings from the environment', () => {
  it('is off unless SHADOW_COMPARE is true, and reads rates and plain fields', () => {
    expect(shadowSettingsFromEnv({})).toBe(false);
    expect(shadowSettingsFromEnv({ SHADOW_COMPARE: 'true' })).toEqual({});
    expect(shadowSettingsFromEnv({ SHADOW_COMPARE: 'true', SHADOW_SAMPLE_RATE: '0.1', SHADOW_LOG_SAMPLE_RATE: '0.01', SHADOW_PLAIN_FIELDS: 'Customer.segment, Order.status' }))
      .toEqual({ sampleRate: 0.1, logSampleRate: 0.01, plainFields: ['Customer.segment', 'Order.status'] });
    expect(() => shadowSettingsFromEnv({ SHADOW_COMPARE: 'true', SHADOW_SAMPLE_RATE: '2' })).toThrow('SHADOW_SAMPLE_RATE must be a number from 0 to 1');
  });
});
