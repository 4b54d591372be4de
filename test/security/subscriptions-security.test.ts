// Subscriptions under authentication, over the whole hub with signed claims: the gateway subscribes
// to the owning subgraph and fetches every event's other fields with the caller's signed claims
// (over WebSocket and HTTP), tokens are checked when a WebSocket connects, and a subscription to a
// field the caller may not read is refused whole.
import { executors } from '../../gateway/execution/executors';
import type { SecuritySettings } from '../../gateway/auth/security-settings';
import { BatchJob } from '../change-capture/capture-support';
import { startTestHub, type TestHub } from '../support/test-hub';
import { refusal, subscribe, unsubscribeAll } from '../subscriptions/support/subscription-clients';
import { AUDIENCE, bearer, claims, forged, ISSUER, TEST_CLAIMS_SECRET, TEST_JWT_SECRET, tokens } from './support/tokens';

let t: TestHub;
let inventorySql: BatchJob;

beforeAll(async () => {
  const security: SecuritySettings = {
    auth: { jwtSecret: TEST_JWT_SECRET, algorithms: ['HS256'], issuer: [ISSUER], audience: [AUDIENCE], clockSkewSeconds: 30, requireToken: false },
    claimsSecret: TEST_CLAIMS_SECRET,
    contracts: [],
    contractsDir: '',
    persistedOperations: {},
    limits: { costBudget: 100_000 },
    rateLimit: null,
    automaticPersistedQueries: true,
  };
  t = await startTestHub('sqlite', { executor: executors.touchpoint }, { security });
  inventorySql = new BatchJob(t.config.databases.inventory);
}, 120_000);
afterEach(() => unsubscribeAll());
afterAll(async () => {
  await inventorySql?.close();
  await t?.close();
});

const STOCK = 'subscription ($skus: [ID!]) { stockChanged(skus: $skus) { sku onHand product { name } } }';

it('delivers a public subscription to an agent, its other fields fetched with signed claims', async () => {
  const product = t.dataset.products[5]!;
  const handle = subscribe('graphql-ws', t.hub.gateway.endpoint, { query: STOCK, variables: { skus: [product.sku] } }, { connectionParams: bearer(tokens.agent()) });
  await new Promise((r) => setTimeout(r, 600));
  await inventorySql.run(`UPDATE STKBAL SET QOH = 777 WHERE ITM_NO = '${product.sku}' AND WHS_CD = (SELECT MIN(WHS_CD) FROM STKBAL WHERE ITM_NO = '${product.sku}')`);
  const result = await handle.next(5000);
  expect(result.errors).toBeUndefined();
  expect(result.data!.stockChanged).toMatchObject({ sku: product.sku, onHand: 777, product: { name: product.name } });
});

it('refuses a WebSocket whose token is forged', async () => {
  const handle = subscribe('graphql-ws', t.hub.gateway.endpoint, { query: STOCK, variables: { skus: [t.dataset.products[6]!.sku] } }, { connectionParams: bearer(forged(claims({ sub: 'agent-1', role: 'agent' }))) });
  const errors = await refusal(handle);
  expect(errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
});

it('refuses, whole, a subscription to a field that needs a token the caller lacks', async () => {
  for (const transport of ['graphql-ws', 'sse'] as const) {
    const handle = subscribe(transport, t.hub.gateway.endpoint, { query: 'subscription { orderUpdated { orderId change } }' });
    const errors = await refusal(handle);
    expect([transport, errors]).toEqual([transport, [expect.objectContaining({ message: 'Unauthorized field or type', path: ['orderUpdated'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } })]]);
  }
});
