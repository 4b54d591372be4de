// Progressive @override through the gateway: a field moving from `legacy` to `customers` with
// label "percent(25)" is served by the new subgraph for a quarter of customers, always the same
// ones; custom labels follow configuration; a forced label routes deterministically.
import { createGateway, type Gateway } from '../../gateway/create-gateway';
import { createOverrideRouter } from '../../gateway/override/override-router';
import { overrideLabelsOf, percentOf } from '../../gateway/override/override-labels';
import { overrideSettingsFromEnv } from '../../gateway/override/override-settings';
import { seededRandom } from '../../gateway/override/sticky-bucket';
import { postGraphQL } from '../gateway/support/gateway-client';
import { composeMigration, customersTypeDefs, LEGACY_TYPE_DEFS, startMigrationSubgraph, type MigrationSubgraph } from './support/migration-subgraphs';

let legacy: MigrationSubgraph;
let customers: MigrationSubgraph;
let supergraphSdl: string;
let gateway: Gateway;

const SEGMENT = 'query Segment($id: ID!) { customer(id: $id) { id segment } }';

const ask = (g: Gateway, body: Parameters<typeof postGraphQL>[2], headers: Record<string, string> = {}) =>
  postGraphQL((input, init) => Promise.resolve(g.yoga.fetch(input, init ?? {})), 'http://gateway/graphql', body, headers);

async function sideOf(g: Gateway, id: string, headers: Record<string, string> = {}): Promise<'legacy' | 'customers'> {
  const { body } = await ask(g, { query: SEGMENT, variables: { id } }, headers);
  expect(body.errors).toBeUndefined();
  const segment = (body.data as { customer: { segment: string } }).customer.segment;
  return segment === 'GOLD (customers)' ? 'customers' : 'legacy';
}

/** Runs `count` asks `width` at a time. */
async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  await Promise.all(Array.from({ length: width }, async (_, w) => {
    for (let i = w; i < count; i += width) results[i] = await task(i);
  }));
  return results;
}

beforeAll(async () => {
  legacy = await startMigrationSubgraph('legacy', LEGACY_TYPE_DEFS);
  customers = await startMigrationSubgraph('customers', customersTypeDefs('percent(25)'));
  supergraphSdl = composeMigration([legacy, customers]);
  gateway = await createGateway({
    supergraphSdl,
    progressiveOverride: {
      seed: 'migration-test',
      forceHeader: 'x-touchpoint-override',
      customLabels: { 'desk-pilot': { clients: ['agent-desk'], header: { name: 'x-tier', values: ['GOLD'] } } },
    },
  });
});

afterAll(async () => {
  await gateway?.close();
  await legacy?.close();
  await customers?.close();
});

describe('progressive override', () => {
  it('reads the labels of the supergraph', () => {
    expect(overrideLabelsOf(supergraphSdl)).toEqual({ percent: [{ label: 'percent(25)', percent: 25 }], custom: ['desk-pilot'] });
    expect(percentOf('percent(12.5)')).toBe(12.5);
    expect(percentOf('percent(101)')).toBeNull();
  });

  it('sends 25 ± 2 % of 10,000 distinct customers to the new subgraph, and the gateway serves each as decided', async () => {
    const router = gateway.overrideRouter();
    const decisions = Array.from({ length: 10_000 }, (_, i) => router.decide({ headers: new Headers(), variables: { id: `cust-${i}` }, subject: null }));
    const share = (decisions.filter((d) => d.labels.has('percent(25)')).length / decisions.length) * 100;
    expect(share).toBeGreaterThanOrEqual(23);
    expect(share).toBeLessThanOrEqual(27);

    // Through the gateway, over real HTTP to both subgraphs: every answer comes from the side decided.
    const sample = 600;
    const sides = await inParallel(sample, 32, (i) => sideOf(gateway, `cust-${i}`));
    const expected = decisions.slice(0, sample).map((d) => (d.labels.has('percent(25)') ? 'customers' : 'legacy'));
    expect(sides).toEqual(expected);
    const servedShare = (sides.filter((s) => s === 'customers').length / sample) * 100;
    expect(servedShare).toBeGreaterThanOrEqual(23);
    expect(servedShare).toBeLessThanOrEqual(27);
    // One plan per label set, not one per request.
    const stats = (gateway.executor as unknown as { planCacheStats(): { plans: number } }).planCacheStats();
    expect(stats.plans).toBeLessThanOrEqual(4);
  });

  it('keeps a customer on the same side, whether named by id, ids or the token subject', async () => {
    for (let i = 0; i < 20; i++) {
      const id = `sticky-${i}`;
      const first = await sideOf(gateway, id);
      for (let again = 0; again < 3; again++) expect(await sideOf(gateway, id)).toBe(first);
      const router = gateway.overrideRouter();
      const byId = router.decide({ headers: new Headers(), variables: { id }, subject: null }).labels;
      expect(router.decide({ headers: new Headers(), variables: { ids: [id, 'other'] }, subject: null }).labels).toEqual(byId);
      expect(router.decide({ headers: new Headers(), variables: { input: { customerId: id } }, subject: null }).labels).toEqual(byId);
      expect(router.decide({ headers: new Headers(), variables: {}, subject: id }).labels).toEqual(byId);
    }
  });

  it('keeps the customers already moved when the percentage is raised', () => {
    const at = (percent: number) => createOverrideRouter({ percent: [{ label: `percent(${percent})`, percent }], custom: [] }, { seed: 's' });
    const moved = (percent: number) => Array.from({ length: 2000 }, (_, i) => `k${i}`).filter((id) => at(percent).decide({ headers: new Headers(), variables: { id }, subject: null }).labels.size > 0);
    const ten = moved(10);
    const twentyFive = moved(25);
    expect(ten.every((id) => twentyFive.includes(id))).toBe(true);
    expect(twentyFive.length).toBeGreaterThan(ten.length * 2);
  });

  it('decides per request when no customer is named, from the random source', () => {
    const router = createOverrideRouter(overrideLabelsOf(supergraphSdl), { random: seededRandom(7) });
    const decisions = Array.from({ length: 10_000 }, () => router.decide({ headers: new Headers(), variables: {}, subject: null }));
    expect(decisions[0].basis).toBe('request');
    const share = (decisions.filter((d) => d.labels.has('percent(25)')).length / decisions.length) * 100;
    expect(Math.abs(share - 25)).toBeLessThanOrEqual(2);
  });

  it('routes deterministically when a label is forced on or off', async () => {
    const router = gateway.overrideRouter();
    const ids = Array.from({ length: 200 }, (_, i) => `forced-${i}`);
    const oldSide = ids.find((id) => !router.decide({ headers: new Headers(), variables: { id }, subject: null }).labels.has('percent(25)'))!;
    const newSide = ids.find((id) => router.decide({ headers: new Headers(), variables: { id }, subject: null }).labels.has('percent(25)'))!;
    expect(await sideOf(gateway, oldSide)).toBe('legacy');
    expect(await sideOf(gateway, newSide)).toBe('customers');
    for (let i = 0; i < 5; i++) {
      expect(await sideOf(gateway, oldSide, { 'x-touchpoint-override': 'percent(25)' })).toBe('customers');
      expect(await sideOf(gateway, newSide, { 'x-touchpoint-override': '!percent(25)' })).toBe('legacy');
    }
  });

  it('switches a custom label on for the allowed clients and header values only', async () => {
    const points = async (headers: Record<string, string>) => {
      const { body } = await ask(gateway, { query: 'query Points($id: ID!) { customer(id: $id) { loyaltyPoints } }', variables: { id: 'c1' } }, headers);
      return (body.data as { customer: { loyaltyPoints: number } }).customer.loyaltyPoints;
    };
    expect(await points({})).toBe(100);
    expect(await points({ 'x-client-name': 'web-shop' })).toBe(100);
    expect(await points({ 'x-client-name': 'agent-desk' })).toBe(200);
    expect(await points({ 'x-tier': 'SILVER' })).toBe(100);
    expect(await points({ 'x-tier': 'GOLD' })).toBe(200);
  });

  it('does not honour a force header unless one is configured, and counts decisions in the metrics', async () => {
    const plain = await createGateway({ supergraphSdl, progressiveOverride: { seed: 'migration-test' } });
    try {
      const ids = Array.from({ length: 100 }, (_, i) => `plain-${i}`);
      const oldSide = ids.find((id) => !plain.overrideRouter().decide({ headers: new Headers(), variables: { id }, subject: null }).labels.has('percent(25)'))!;
      expect(await sideOf(plain, oldSide, { 'x-touchpoint-override': 'percent(25)' })).toBe('legacy');
      const text = await (await plain.yoga.fetch('http://gateway/metrics')).text();
      expect(text).toContain('touchpoint_override_label_decisions_total{label="percent(25)",active="false"} 1');
    } finally {
      await plain.close();
    }
  });
});

describe('progressive override settings from the environment', () => {
  it('reads seed, sticky variables, force header and custom labels, and refuses a bad rule', () => {
    expect(overrideSettingsFromEnv({})).toEqual({});
    expect(overrideSettingsFromEnv({
      OVERRIDE_SEED: 's1',
      OVERRIDE_STICKY_VARIABLES: 'accountId, customerId',
      OVERRIDE_FORCE_HEADER: 'X-Touchpoint-Override',
      OVERRIDE_CUSTOM_LABELS: '{"desk-pilot":{"clients":["agent-desk"]},"gold":{"header":{"name":"x-tier","values":["GOLD"]}}}',
    })).toEqual({
      seed: 's1',
      stickyVariables: ['accountId', 'customerId'],
      forceHeader: 'x-touchpoint-override',
      customLabels: { 'desk-pilot': { clients: ['agent-desk'] }, gold: { header: { name: 'x-tier', values: ['GOLD'] } } },
    });
    expect(() => overrideSettingsFromEnv({ OVERRIDE_CUSTOM_LABELS: '{"x":{"clients":"desk"}}' })).toThrow('the rule of "x"');
    expect(() => overrideSettingsFromEnv({ OVERRIDE_CUSTOM_LABELS: 'nope' })).toThrow('not JSON');
  });
});
