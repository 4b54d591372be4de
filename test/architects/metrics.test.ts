// The gateway's Prometheus endpoint, scraped the way Prometheus does (GET /metrics), over a
// supergraph composed from the tests' own subgraphs.
import { parseGatewayConfig } from '../../gateway/cli-config';
import { createGateway, type Gateway } from '../../gateway/create-gateway';
import { postGraphQL } from '../gateway/support/gateway-client';
import { startFixtureWorld, type FixtureWorld } from '../gateway/support/fixture-subgraphs';

let world: FixtureWorld;
let gateway: Gateway;

const query = (g: Gateway, body: Parameters<typeof postGraphQL>[2]) =>
  postGraphQL((input, init) => Promise.resolve(g.yoga.fetch(input, init ?? {})), 'http://gateway/graphql', body);

async function scrape(g: Gateway): Promise<{ status: number; type: string | null; text: string }> {
  const response = await g.yoga.fetch('http://gateway/metrics');
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

/** The value of one series, by its exact name and labels as printed. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

beforeAll(async () => {
  world = await startFixtureWorld();
  gateway = await createGateway({ supergraphSdl: world.supergraphSdl });
});

afterAll(async () => {
  await gateway?.close();
  await world?.close();
});

describe('Prometheus metrics', () => {
  it('counts operations by type, name and outcome, with their latency', async () => {
    const top = 'query Top { topProducts { name reviews { body author { name } } } }';
    expect((await query(gateway, { query: top })).body.errors).toBeUndefined();
    expect((await query(gateway, { query: top })).body.errors).toBeUndefined();
    const partial = await query(gateway, { query: 'query Broken { topProducts { name } failingReviews { body } }' });
    expect(partial.body.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    const refused = await query(gateway, { query: 'query Typo { topProducts { nope } }' });
    expect(refused.body.errors).toHaveLength(1);

    const { status, type, text } = await scrape(gateway);
    expect(status).toBe(200);
    expect(type).toContain('text/plain; version=0.0.4');
    expect(text).toContain('# TYPE touchpoint_operations_total counter');
    expect(sample(text, 'touchpoint_operations_total{type="query",name="Top",outcome="success"}')).toBe(2);
    expect(sample(text, 'touchpoint_operations_total{type="query",name="Broken",outcome="partial"}')).toBe(1);
    expect(sample(text, 'touchpoint_operations_total{type="query",name="Typo",outcome="error"}')).toBe(1);
    expect(text).toContain('# TYPE touchpoint_operation_duration_seconds histogram');
    expect(sample(text, 'touchpoint_operation_duration_seconds_count{type="query"}')).toBe(4);
    expect(sample(text, 'touchpoint_operation_duration_seconds_bucket{type="query",le="+Inf"}')).toBe(4);
  });

  it('counts subgraph fetches and errors by subgraph, and plan cache hits and misses', async () => {
    const before = await scrape(gateway);
    const fetchesOf = (text: string, name: string) => sample(text, `touchpoint_subgraph_fetches_total{subgraph="${name}"}`) ?? 0;
    await query(gateway, { query: '{ reviews { body author { name } } }' });
    await query(gateway, { query: '{ reviews { body author { name } } }' });
    await query(gateway, { query: '{ failingReviews { body } }' });
    const after = await scrape(gateway);
    expect(fetchesOf(after.text, 'reviews') - fetchesOf(before.text, 'reviews')).toBe(3);
    expect(fetchesOf(after.text, 'accounts') - fetchesOf(before.text, 'accounts')).toBe(2);
    expect(sample(after.text, 'touchpoint_subgraph_errors_total{subgraph="reviews",kind="graphql"}')).toBe(2); // Broken above, and here
    const misses = (t: string) => sample(t, 'touchpoint_plan_cache_misses_total') ?? 0;
    const hits = (t: string) => sample(t, 'touchpoint_plan_cache_hits_total') ?? 0;
    expect(misses(after.text) - misses(before.text)).toBe(2);
    expect(hits(after.text) - hits(before.text)).toBe(1);
    expect(sample(after.text, 'touchpoint_subscriptions_open')).toBe(0);
  });

  it('counts a subgraph that cannot be reached as unavailable', async () => {
    const down = await createGateway({ supergraphSdl: world.supergraphSdl, subgraphUrls: { accounts: 'http://127.0.0.1:9/graphql' } });
    try {
      const { body } = await query(down, { query: '{ reviews { body author { name } } }' });
      expect(body.errors?.[0].extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      const { text } = await scrape(down);
      expect(sample(text, 'touchpoint_subgraph_errors_total{subgraph="accounts",kind="unavailable"}')).toBe(1);
      expect(sample(text, 'touchpoint_subgraph_fetches_total{subgraph="reviews"}')).toBe(1);
    } finally {
      await down.close();
    }
  });

  it('can be switched off', async () => {
    const quiet = await createGateway({ supergraphSdl: world.supergraphSdl, metrics: false });
    try {
      expect(quiet.metrics).toBeNull();
      expect((await scrape(quiet)).status).toBe(404);
    } finally {
      await quiet.close();
    }
  });

  it('is configured by METRICS for the gateway command', () => {
    expect(parseGatewayConfig([], {}, '/s.graphql').metrics).toBeUndefined();
    expect(parseGatewayConfig([], { METRICS: 'false' }, '/s.graphql').metrics).toBe(false);
    expect(() => parseGatewayConfig([], { METRICS: 'sometimes' }, '/s.graphql')).toThrow('METRICS must be true or false');
  });
});
