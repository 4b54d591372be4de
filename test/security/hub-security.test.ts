// Security through the gateway over the whole hub (real HTTP, SQLite stores): bearer tokens,
// @authenticated and @requiresScopes, row-level rules in the subgraphs, partner contracts, trusted
// documents, the cost budget, and subgraphs that refuse anyone but the gateway.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayClaimsSigner, GATEWAY_CLAIMS_HEADER } from '../../subgraphs/shared/gateway-claims';
import type { SecuritySettings } from '../../gateway/auth/security-settings';
import { documentHash } from '../../gateway/persisted/document-hash';
import { startTestHub, type TestHub } from '../support/test-hub';
import { codes, post, type Answer } from './support/post';
import { AUDIENCE, bearer, claims, forged, hs256, ISSUER, TEST_CLAIMS_SECRET, TEST_JWT_SECRET, tokens, unsigned } from './support/tokens';

const CATALOG_QUERY = 'query CatalogPage($first: Int!) { products(first: $first) { nodes { sku name price { amount currency } availability { inStock } } } }';

let t: TestHub;
let publicUrl: string;
let marketplaceUrl: string;
let catalogUrl: string;

beforeAll(async () => {
  const manifest = join(mkdtempSync(join(tmpdir(), 'tp-persisted-')), 'catalog-client.json');
  writeFileSync(manifest, JSON.stringify({ [documentHash(CATALOG_QUERY)]: CATALOG_QUERY }));
  const security: SecuritySettings = {
    auth: { jwtSecret: TEST_JWT_SECRET, algorithms: ['HS256'], issuer: [ISSUER], audience: [AUDIENCE], clockSkewSeconds: 30, requireToken: false },
    claimsSecret: TEST_CLAIMS_SECRET,
    contracts: ['marketplace', 'catalog'],
    contractsDir: join(__dirname, '..', '..', 'schema', 'contracts'),
    persistedOperations: { CATALOG: [manifest] },
    limits: { costBudget: 100_000 },
    rateLimit: null,
    automaticPersistedQueries: true,
  };
  t = await startTestHub('sqlite', {}, { security });
  const base = t.hub.gateway.url;
  publicUrl = `${base}/graphql`;
  marketplaceUrl = `${base}/partners/marketplace/graphql`;
  catalogUrl = `${base}/partners/catalog/graphql`;
}, 120_000);
afterAll(async () => t?.close());

/** Runs a request and says how many SQL statements and legacy HTTP calls it caused. */
async function measured<T>(run: () => Promise<Answer<T>>): Promise<{ answer: Answer<T>; work: number }> {
  t.statements.reset();
  t.httpCalls.count = 0;
  const answer = await run();
  return { answer, work: t.statements.count + t.httpCalls.count };
}

const customerWithOrders = () => {
  const counts = new Map<string, number>();
  for (const o of t.dataset.orders) counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
};

describe('authentication at the gateway', () => {
  it('serves anonymous callers what is public, and nulls what needs a token with an error', async () => {
    const sku = t.dataset.products[0]!.sku;
    const { status, body } = await post(publicUrl, { query: `{ product(sku: "${sku}") { name } customer(id: "C-000001") { name } }` });
    expect(status).toBe(200);
    expect(body.data).toEqual({ product: { name: t.dataset.products[0]!.name }, customer: null });
    expect(body.errors).toEqual([{ message: 'Unauthorized field or type', path: ['customer'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } }]);
  });

  it.each([
    ['a forged token', () => forged(claims({ sub: 'agent-1', role: 'agent' })), 'the token signature is invalid'],
    ['an expired token', () => hs256(claims({ sub: 'agent-1', role: 'agent', exp: Math.floor(Date.now() / 1000) - 600 })), 'the token has expired'],
    ['an unsigned token (alg none)', () => unsigned(claims({ sub: 'agent-1', role: 'agent' })), 'the token algorithm is not accepted'],
    ['a token for another audience', () => hs256(claims({ sub: 'agent-1', role: 'agent', aud: 'another-api' })), 'the token is meant for another audience'],
  ])('refuses %s with 401 before anything runs', async (_label, token, reason) => {
    const { answer, work } = await measured(() => post(publicUrl, { query: '{ customer(id: "C-000001") { name } }' }, bearer(token())));
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(answer.body).toEqual({ errors: [{ message: reason, extensions: { code: 'UNAUTHENTICATED' } }] });
    expect(work).toBe(0);
  });

  it('refuses an authorization header that is not a bearer token with 400', async () => {
    const { status, body } = await post(publicUrl, { query: '{ __typename }' }, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(status).toBe(400);
    expect(codes({ status, body } as Answer)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('customers, agents and the row-level rules of the subgraphs', () => {
  it('lets a customer read its own record and orders, but not its credit without the scope', async () => {
    const me = customerWithOrders()[0]!;
    const mine = t.dataset.orders.filter((o) => o.customerId === me).map((o) => o.id).sort();
    const { status, body } = await post<{ customer: { id: string; orders: { id: string }[]; creditAccount: unknown } }>(
      publicUrl,
      { query: `{ customer(id: "${me}") { id orders(first: 100) { id } creditAccount { available { amount } } } }` },
      bearer(tokens.customer(me)),
    );
    expect(status).toBe(200);
    expect(body.data!.customer.id).toBe(me);
    expect(body.data!.customer.orders.map((o) => o.id).sort()).toEqual(mine);
    expect(body.data!.customer.creditAccount).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ path: ['customer', 'creditAccount'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } })]);
  });

  it("refuses a customer another customer's record and orders, and says so", async () => {
    const [me, other] = customerWithOrders();
    const theirOrder = t.dataset.orders.find((o) => o.customerId === other)!;
    const { body } = await post(
      publicUrl,
      { query: `{ customer(id: "${other}") { name } order(id: "${theirOrder.id}") { total { amount } } }` },
      bearer(tokens.customer(me!)),
    );
    expect(body.data).toEqual({ customer: null, order: null });
    expect(body.errors?.map((e) => [e.path, e.extensions?.code]).sort()).toEqual([
      [['customer'], 'FORBIDDEN'],
      [['order'], 'FORBIDDEN'],
    ]);
  });

  it('lets an agent with the scopes read any customer, credit included', async () => {
    const other = customerWithOrders()[1]!;
    const { body } = await post<{ customer: { name: string; creditAccount: unknown } }>(
      publicUrl,
      { query: `{ customer(id: "${other}") { name creditAccount { accountNumber } } }` },
      bearer(tokens.agent()),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data!.customer.name).toBeTruthy();
  });

  it('nulls a whole answer whose non-null root field needs a scope the caller lacks', async () => {
    const { body } = await post(publicUrl, { query: '{ searchCustomers(query: "a") { totalCount } }' }, bearer(tokens.customer('C-000001')));
    expect(body.data).toBeNull();
    expect(codes({ body } as Answer)).toEqual(['UNAUTHORIZED_FIELD_OR_TYPE']);
  });

  it('refuses a partner token at the public endpoint (403): partners use their contract', async () => {
    const { status, body } = await post(publicUrl, { query: '{ __typename }' }, bearer(tokens.partner('ACME', 'marketplace')));
    expect(status).toBe(403);
    expect(body.errors?.[0]?.message).toBe('A partner token is served at /partners/marketplace/graphql, not here');
  });
});

describe('the marketplace contract', () => {
  const partnerOrders = (partner: string) => t.dataset.orders.filter((o) => o.partnerId === partner);

  it("serves a partner its own orders and, through them, their customers' orders with that partner only", async () => {
    const order = partnerOrders('ACME')[0]!;
    const expected = t.dataset.orders.filter((o) => o.customerId === order.customerId && o.partnerId === 'ACME').map((o) => o.id).sort();
    const { status, body } = await post<{ order: { id: string; channel: string; customer: { id: string; orders: { id: string }[] } } }>(
      marketplaceUrl,
      { query: `{ order(id: "${order.id}") { id channel customer { id name orders(first: 100) { id } } } }` },
      bearer(tokens.partner('ACME', 'marketplace')),
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.order).toMatchObject({ id: order.id, channel: 'PARTNER', customer: { id: order.customerId } });
    expect(body.data!.order.customer.orders.map((o) => o.id).sort()).toEqual(expected);
  });

  it("refuses a partner another partner's orders and orders from other channels", async () => {
    const globex = partnerOrders('GLOBEX')[0]!;
    const web = t.dataset.orders.find((o) => o.channel === 'WEB')!;
    const { body } = await post(marketplaceUrl, { query: `{ a: order(id: "${globex.id}") { id } b: order(id: "${web.id}") { id } }` }, bearer(tokens.partner('ACME', 'marketplace')));
    expect(body.data).toEqual({ a: null, b: null });
    expect(codes({ body } as Answer)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });

  it('knows nothing outside the contract: validation fails without suggestions, and nothing runs', async () => {
    const order = partnerOrders('ACME')[0]!;
    const token = bearer(tokens.partner('ACME', 'marketplace'));
    const outside = await measured(() => post(marketplaceUrl, { query: `{ order(id: "${order.id}") { customer { email creditAccount { limit { amount } } } } }` }, token));
    expect(outside.answer.status).toBe(400);
    expect(outside.answer.body.errors?.map((e) => e.message)).toEqual(['Cannot query field "email" on type "Customer".', 'Cannot query field "creditAccount" on type "Customer".']);
    expect(outside.work).toBe(0);
    const root = await post(marketplaceUrl, { query: '{ customer(id: "C-000001") { id } }' }, token);
    expect(root.status).toBe(400);
    expect(root.body.errors?.map((e) => e.message)).toEqual(['Cannot query field "customer" on type "Query".']);
    // The full graph would suggest "customers" for a typo; the contract's errors suggest nothing.
    const typo = await post(marketplaceUrl, { query: '{ orderz(id: "x") { id } }' }, token);
    expect(typo.body.errors?.[0]?.message).toBe('Cannot query field "orderz" on type "Query".');
  });

  it('introspects as the contract: hidden types and fields do not exist', async () => {
    const { body } = await post<{ customer: { fields: { name: string }[] }; credit: unknown; schema: { types: { name: string }[]; subscriptionType: unknown } }>(
      marketplaceUrl,
      { query: '{ customer: __type(name: "Customer") { fields { name } } credit: __type(name: "CreditAccount") { name } schema: __schema { subscriptionType { name } types { name } } }' },
      bearer(tokens.partner('ACME', 'marketplace')),
    );
    expect(body.data!.customer.fields.map((f) => f.name).sort()).toEqual(['id', 'name', 'orders']);
    expect(body.data!.credit).toBeNull();
    expect(body.data!.schema.subscriptionType).toBeNull();
    const names = body.data!.schema.types.map((type) => type.name);
    expect(names).toEqual(expect.arrayContaining(['Order', 'Product', 'Shipment']));
    for (const hidden of ['Interaction', 'Mention', 'SocialProfile', 'StockLevel', 'DistributionCenter', 'CreditAccount']) expect(names).not.toContain(hidden);
  });

  it('serves only partner tokens issued for this contract', async () => {
    const query = { query: '{ __typename }' };
    const anonymous = await post(marketplaceUrl, query);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="touchpoint"');
    expect((await post(marketplaceUrl, query, bearer(tokens.customer('C-000001')))).status).toBe(403);
    expect((await post(marketplaceUrl, query, bearer(tokens.partner('ACME', 'catalog')))).status).toBe(403);
    expect((await post(`${t.hub.gateway.url}/partners/nope/graphql`, query, bearer(tokens.partner('ACME', 'nope')))).status).toBe(404);
  });
});

describe('the catalog contract: trusted operations only', () => {
  const token = () => bearer(tokens.partner('GLOBEX', 'catalog'));

  it('runs an operation of its allow-list by documentId (sha256) or by its exact text', async () => {
    const byId = await post<{ products: { nodes: unknown[] } }>(catalogUrl, { documentId: `sha256:${documentHash(CATALOG_QUERY)}`, variables: { first: 3 } }, token());
    expect(byId.status).toBe(200);
    expect(byId.body.errors).toBeUndefined();
    expect(byId.body.data!.products.nodes).toHaveLength(3);
    const byText = await post(catalogUrl, { query: CATALOG_QUERY, variables: { first: 1 } }, token());
    expect(byText.body.errors).toBeUndefined();
  });

  it('refuses any other operation, even a valid one, and unknown ids, before anything runs', async () => {
    const other = await measured(() => post(catalogUrl, { query: '{ products(first: 100) { nodes { sku } } }' }, token()));
    expect(other.answer.status).toBe(400);
    expect(other.answer.body.errors).toEqual([
      { message: 'This endpoint runs only persisted operations: send the documentId (sha256) of an operation in its allow-list', extensions: { code: 'PERSISTED_QUERY_REQUIRED' } },
    ]);
    expect(other.work).toBe(0);
    const unknown = await post(catalogUrl, { documentId: documentHash('{ products { nodes { sku } } }') }, token());
    expect(unknown.status).toBe(400);
    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
  });
});

describe('limits', () => {
  it('refuses an operation over the cost budget with 400 before anything runs', async () => {
    const query = '{ products(first: 100) { nodes { availability { byCenter { center { stock(first: 50) { product { name } } } } } } } }';
    const { answer, work } = await measured(() => post(publicUrl, { query }, bearer(tokens.agent())));
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', budget: 100_000 });
    expect(work).toBe(0);
  });
});

describe('subgraphs reached directly', () => {
  const orderQuery = () => ({ query: `{ order(id: "${t.dataset.orders[0]!.id}") { id } }` });

  it('refuse requests without the gateway-signed claims, with forged or expired ones', async () => {
    const erp = t.hub.subgraphs.erp.endpoint;
    const now = Math.floor(Date.now() / 1000);
    const agent = { anonymous: false, sub: 'agent-7', role: 'agent', scopes: [], partner: null, contract: null };
    const attempts = {
      missing: {},
      forged: { [GATEWAY_CLAIMS_HEADER]: createGatewayClaimsSigner('an attacker guessing at the secret, long enough').sign(agent) },
      expired: { [GATEWAY_CLAIMS_HEADER]: createGatewayClaimsSigner(TEST_CLAIMS_SECRET).sign(agent, { now: now - 900, expiresAt: now - 600 }) },
      'a token instead': bearer(tokens.agent()),
    };
    for (const [label, headers] of Object.entries(attempts)) {
      const { answer, work } = await measured(() => post(erp, orderQuery(), headers));
      expect([label, answer.status, codes(answer)]).toEqual([label, 401, ['UNAUTHENTICATED']]);
      expect(work).toBe(0);
    }
    for (const subgraph of ['crm', 'inventory', 'shipping', 'social'] as const) {
      expect((await post(t.hub.subgraphs[subgraph].endpoint, { query: '{ __typename }' })).status).toBe(401);
    }
  });

  it('answer the gateway, and apply their row rules to what its claims say', async () => {
    const signer = createGatewayClaimsSigner(TEST_CLAIMS_SECRET);
    const erp = t.hub.subgraphs.erp.endpoint;
    const asAgent = await post(erp, orderQuery(), { [GATEWAY_CLAIMS_HEADER]: signer.sign({ anonymous: false, sub: 'agent-7', role: 'agent', scopes: [], partner: null, contract: null }) });
    expect(asAgent.body).toEqual({ data: { order: { id: t.dataset.orders[0]!.id } } });
    const asAnonymous = await post(erp, orderQuery(), { [GATEWAY_CLAIMS_HEADER]: signer.sign({ anonymous: true, sub: null, role: null, scopes: [], partner: null, contract: null }) });
    expect(asAnonymous.body.data).toEqual({ order: null });
    expect(codes(asAnonymous)).toEqual(['FORBIDDEN']);
  });
});

describe('automatic persisted queries on the public endpoint', () => {
  it('registers a document by its hash once, then runs it from the hash alone', async () => {
    const query = `{ product(sku: "${t.dataset.products[1]!.sku}") { name } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: documentHash(query) } };
    const miss = await post(publicUrl, { extensions });
    expect(miss.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    expect((await post(publicUrl, { query, extensions })).body.data).toEqual({ product: { name: t.dataset.products[1]!.name } });
    const hit = await fetch(`${publicUrl}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, { headers: { accept: 'application/json' } });
    expect(await hit.json()).toEqual({ data: { product: { name: t.dataset.products[1]!.name } } });
    const mismatch = await post(publicUrl, { query: '{ __typename }', extensions });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors?.[0]?.message).toBe('provided sha does not match query');
  });
});
