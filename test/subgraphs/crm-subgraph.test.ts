// The crm subgraph over real HTTP: the demo CRM stand-in behind the HTTP adapter, identity links
// in a real (SQLite) hub store, GraphQL through the subgraph's own endpoint.
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { StatementCounter } from '../../adapters/sql/database';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { seedHub } from '../../demo/seed/seed-hub';
import { startCrmStandIn } from '../../demo/standins/crm/crm-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { silentLogger } from '../../lib/logger';
import { startCrmService } from '../../subgraphs/crm/service';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { createTestDatabase, type TestDatabase } from '../support/test-databases';

interface GraphQLResponse {
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses are inspected field by field
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

describe('crm subgraph', () => {
  const dataset = generateDemoDataset({ customers: 80, products: 10, orders: 50 });
  const socialCustomer = dataset.customers.find((c) => c.social.length > 0)!;
  let standIn: StandInHandle;
  let database: TestDatabase;
  let service: RunningService;
  let httpCalls: string[] = [];
  const statements = new StatementCounter();

  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse> => {
    const res = await fetch(service.endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GraphQLResponse;
  };

  beforeAll(async () => {
    standIn = await startCrmStandIn({ port: 0, dataset, apiKey: 'crm-key' });
    database = await createTestDatabase('sqlite', 'crm_subgraph');
    const hub = await openHubStore(database.url);
    await seedHub(hub, dataset);
    await hub.close();
    service = await startCrmService({
      crmApiUrl: standIn.url,
      crmApiKey: 'crm-key',
      hubDatabaseUrl: database.url,
      port: 0,
      host: '127.0.0.1',
      log: silentLogger,
      httpRetries: 1,
      onHttpAttempt: (a) => httpCalls.push(a.path),
      statementObserver: statements,
    });
  });
  beforeEach(() => {
    standIn.resetControls();
    httpCalls = [];
    statements.reset();
  });
  afterAll(async () => {
    await service?.close();
    await standIn?.close();
    await database?.drop();
  });

  it('answers a customer with its golden record, identities and newest interactions', async () => {
    const c = socialCustomer;
    const { data, errors } = await gql(
      `query ($id: ID!) { customer(id: $id) {
        id name firstName lastName email phone segment customerSince
        identities { namespace value }
        interactions(first: 2) { id kind channel occurredAt subject status agent }
      } }`,
      { id: c.id },
    );
    expect(errors).toBeUndefined();
    expect(data!.customer).toMatchObject({
      id: c.id,
      name: `${c.firstName} ${c.lastName}`,
      email: c.email,
      phone: c.phone,
      segment: c.segment,
      customerSince: c.customerSince.toISOString(),
    });
    const namespaces = data!.customer.identities.map((i: { namespace: string }) => i.namespace).sort();
    expect(namespaces).toEqual(['CRM', 'EMAIL', 'ERP', 'PHONE', c.social[0]!.network].sort());
    const newest = dataset.interactions.filter((i) => i.customerId === c.id).sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()).slice(0, 2);
    expect(data!.customer.interactions.map((i: { occurredAt: string }) => i.occurredAt)).toEqual(newest.map((i) => i.occurredAt.toISOString()));
  });

  it('answers null for an unknown customer, without an error', async () => {
    const { data, errors } = await gql('{ customer(id: "C-999999") { id } }');
    expect(errors).toBeUndefined();
    expect(data).toEqual({ customer: null });
  });

  it('answers several customers aligned with the ids, in one CRM call', async () => {
    const [a, b] = [dataset.customers[4]!, dataset.customers[40]!];
    const { data } = await gql('query ($ids: [ID!]!) { customers(ids: $ids) { id lastName } }', { ids: [a.id, 'C-999999', b.id, a.id] });
    expect(data!.customers).toEqual([{ id: a.id, lastName: a.lastName }, null, { id: b.id, lastName: b.lastName }, { id: a.id, lastName: a.lastName }]);
    expect(httpCalls).toEqual(['/api/v1/contacts/batch-get']);
  });

  it('finds a customer by any identity, however it is spelled', async () => {
    const c = socialCustomer;
    const handle = c.social[0]!;
    const query = 'query ($ns: IdentityNamespace!, $v: String!) { customerByIdentity(namespace: $ns, value: $v) { id } }';
    const lookups: [string, string][] = [
      ['EMAIL', ` ${c.email.toUpperCase()} `],
      ['PHONE', c.phone.replace(/^\+1555/, '+1 (555) ')],
      ['ERP', c.accountNumber],
      [handle.network, `@${handle.handle.toUpperCase()}`],
      ['CRM', c.id],
    ];
    for (const [ns, v] of lookups) {
      const { data, errors } = await gql(query, { ns, v });
      expect(errors).toBeUndefined();
      expect(data!.customerByIdentity).toEqual({ id: c.id });
    }
    const unknown = await gql(query, { ns: 'EMAIL', v: 'nobody@example.com' });
    expect(unknown).toEqual({ data: { customerByIdentity: null } });
  });

  it('searches customers by name and pages with the end cursor', async () => {
    const lastName = dataset.customers[0]!.lastName;
    const matching = dataset.customers.filter((c) => `${c.firstName} ${c.lastName} ${c.email}`.toLowerCase().includes(lastName.toLowerCase()));
    expect(matching.length).toBeGreaterThan(2);
    const query = 'query ($q: String!, $after: String) { searchCustomers(query: $q, first: 2, after: $after) { nodes { id name } totalCount endCursor hasNextPage } }';
    const first = await gql(query, { q: lastName });
    expect(first.data!.searchCustomers).toMatchObject({ totalCount: matching.length, hasNextPage: true });
    const second = await gql(query, { q: lastName, after: first.data!.searchCustomers.endCursor });
    const ids = [...first.data!.searchCustomers.nodes, ...second.data!.searchCustomers.nodes].map((n: { id: string }) => n.id);
    expect(ids).toEqual(matching.slice(0, 4).map((c) => c.id));
  });

  it('refuses a foreign cursor and an oversized page with BAD_USER_INPUT', async () => {
    const badCursor = await gql('{ searchCustomers(query: "", after: "bogus") { totalCount } }');
    expect(badCursor.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const tooMany = await gql('{ searchCustomers(query: "", first: 5000) { totalCount } }');
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('filters interactions by channel', async () => {
    const c = socialCustomer;
    const { data } = await gql('query ($id: ID!) { customer(id: $id) { interactions(first: 100, channels: [PHONE]) { channel } } }', { id: c.id });
    const want = dataset.interactions.filter((i) => i.customerId === c.id && i.channel === 'PHONE').length;
    expect(data!.customer.interactions).toEqual(Array.from({ length: want }, () => ({ channel: 'PHONE' })));
  });

  describe('entity batching', () => {
    const entitiesQuery = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
      ... on Customer { id name email identities { namespace value } interactions(first: 2) { kind occurredAt } }
    } }`;
    const reps = (n: number) => dataset.customers.slice(0, n).map((c) => ({ __typename: 'Customer', id: c.id }));

    it('resolves many customer references with one CRM call per kind and one hub statement', async () => {
      const { data, errors } = await gql(entitiesQuery, { reps: reps(50) });
      expect(errors).toBeUndefined();
      expect(data!._entities.map((e: { id: string }) => e.id)).toEqual(dataset.customers.slice(0, 50).map((c) => c.id));
      expect([...httpCalls].sort()).toEqual(['/api/v1/activities/batch-get', '/api/v1/contacts/batch-get']);
      expect(statements.count).toBe(1);
    });

    it('issues as many calls for 10 references as for 50', async () => {
      await gql(entitiesQuery, { reps: reps(10) });
      const ten = { http: httpCalls.length, sql: statements.count };
      httpCalls = [];
      statements.reset();
      await gql(entitiesQuery, { reps: reps(50) });
      expect({ http: httpCalls.length, sql: statements.count }).toEqual(ten);
    });

    it('answers null for a reference the CRM does not know', async () => {
      const { data, errors } = await gql('query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Customer { id } } }', {
        reps: [{ __typename: 'Customer', id: 'C-999999' }, ...reps(1)],
      });
      expect(errors).toBeUndefined();
      expect(data!._entities).toEqual([null, { id: dataset.customers[0]!.id }]);
    });
  });

  describe('when the CRM fails', () => {
    it('answers the affected field with UPSTREAM_UNAVAILABLE and keeps serving', async () => {
      standIn.failNext(10, 503);
      const failed = await gql('query ($id: ID!) { customer(id: $id) { id } }', { id: dataset.customers[0]!.id });
      expect(failed.data).toEqual({ customer: null });
      expect(failed.errors).toHaveLength(1);
      expect(failed.errors![0]).toMatchObject({ path: ['customer'], extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'crm' } });
      expect(httpCalls.length).toBe(2);

      standIn.resetControls();
      const recovered = await gql('query ($id: ID!) { customer(id: $id) { id } }', { id: dataset.customers[0]!.id });
      expect(recovered).toEqual({ data: { customer: { id: dataset.customers[0]!.id } } });
    });

    it('keeps the rest of the answer when only the activities endpoint is down', async () => {
      standIn.failNext(10, 503, { path: '/api/v1/activities' });
      const [a, b] = [dataset.customers[1]!, dataset.customers[2]!];
      const { data, errors } = await gql(
        `query ($a: ID!, $email: String!) {
          a: customer(id: $a) { id interactions { id } }
          b: customerByIdentity(namespace: EMAIL, value: $email) { id email identities { namespace } }
        }`,
        { a: a.id, email: b.email },
      );
      // interactions is nullable: only the failed field is null; customer `a`'s id and customer `b` answer.
      expect(data).toEqual({ a: { id: a.id, interactions: null }, b: { id: b.id, email: b.email, identities: expect.any(Array) } });
      expect(errors!.map((e) => [e.path, e.extensions?.code])).toEqual([[['a', 'interactions'], 'UPSTREAM_UNAVAILABLE']]);
    });
  });

  it('forwards the request id to the CRM', async () => {
    await gql('query ($id: ID!) { customer(id: $id) { id } }', { id: dataset.customers[2]!.id }, { 'x-request-id': 'req-subgraph-crm-1' });
    expect(standIn.requests.map((r) => r.requestId)).toEqual(['req-subgraph-crm-1']);
  });
});
