// @authenticated and @requiresScopes enforced by the gateway, with each executor: denied fields
// are not fetched, come back null with an error each, and null propagates as GraphQL says; the
// rest of the answer stays.
import { createBearerAuthenticator } from '../../gateway/auth/authenticator';
import { createJwtVerifier } from '../../gateway/auth/jwt/jwt-verifier';
import { createGateway, type Gateway } from '../../gateway/create-gateway';
import { executors } from '../../gateway/execution/executors';
import { startSecuredWorld, type SecuredWorld } from './support/secured-world';
import { bearer, claims, hs256, TEST_JWT_SECRET } from './support/tokens';

let world: SecuredWorld;
beforeAll(async () => {
  world = await startSecuredWorld();
});
afterAll(() => world?.close());

const token = (scope: string) => bearer(hs256(claims({ sub: 'u1', role: 'agent', scope })));
const DENIED = { message: 'Unauthorized field or type', extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } };

describe.each(['apollo', 'touchpoint'])('authorization with the %s executor', (executorName) => {
  let gateway: Gateway;
  beforeAll(async () => {
    gateway = await createGateway({
      supergraphSdl: world.supergraphSdl,
      executor: executors[executorName],
      auth: { authenticator: createBearerAuthenticator(createJwtVerifier({ secret: TEST_JWT_SECRET, algorithms: ['HS256'] })) },
    });
  });
  afterAll(() => gateway?.close());

  async function run(query: string, headers: Record<string, string> = {}) {
    const response = await gateway.yoga.fetch('http://gateway/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
  }

  it('nulls a denied nullable field in every list item, keeps the rest, and never asks the subgraph for it', async () => {
    const query = '{ users { name email } }';
    // First with the scope (the plan is cached), then without: the cached plan must not leak the field.
    expect((await run(query, token('email:read'))).body).toEqual({ data: { users: [{ name: 'Ada', email: 'ada@example.com' }, { name: 'Grace', email: 'grace@example.com' }] } });
    const before = world.received.length;
    const { status, body } = await run(query, token(''));
    expect(status).toBe(200);
    expect(body).toEqual({ data: { users: [{ name: 'Ada', email: null }, { name: 'Grace', email: null }] }, errors: [{ ...DENIED, path: ['users', '@', 'email'] }] });
    // The subgraph is asked for `email: __typename` (the answer keeps its place), never for the field itself.
    const sent = world.received.slice(before).join('\n');
    expect(sent).toContain('email:__typename');
    expect(sent).not.toMatch(/\bemail\b(?!:__typename)/);
  });

  it('accepts any one of the scope sets @requiresScopes lists', async () => {
    expect((await run('{ user(id: "u2") { email } }', token('admin'))).body).toEqual({ data: { user: { email: 'grace@example.com' } } });
  });

  it('nulls the nearest nullable parent of a denied non-null field', async () => {
    const { body } = await run('{ users { name friend { name ssn } } }', token(''));
    expect(body).toEqual({ data: { users: [{ name: 'Ada', friend: null }, { name: 'Grace', friend: null }] }, errors: [{ ...DENIED, path: ['users', '@', 'friend', 'ssn'] }] });
  });

  it('nulls list items when the items are the nearest nullable position', async () => {
    const { body } = await run('{ staff { name badge } }', token(''));
    expect(body).toEqual({ data: { staff: [null, null] }, errors: [{ ...DENIED, path: ['staff', '@', 'badge'] }] });
  });

  it('nulls the whole answer when no position up to the root is nullable', async () => {
    const before = world.received.length;
    const { body } = await run('{ users { ssn } }', token(''));
    expect(body).toEqual({ data: null, errors: [{ ...DENIED, path: ['users', '@', 'ssn'] }] });
    expect(world.received.length).toBe(before);
  });

  it('applies a type-level @authenticated to every field returning the type, and follows fragments', async () => {
    const anonymous = await run('query { me { name } user(id: "u1") { ...Private name } } fragment Private on User { account { balance } email }');
    expect(anonymous.body).toEqual({
      data: { me: null, user: { account: null, email: null, name: 'Ada' } },
      errors: [
        { ...DENIED, path: ['me'] },
        { ...DENIED, path: ['user', 'account'] },
        { ...DENIED, path: ['user', 'email'] },
      ],
    });
    const signedIn = await run('{ me { name account { balance } } }', token(''));
    expect(signedIn.body).toEqual({ data: { me: { name: 'Ada', account: { balance: 10 } } } });
  });

  it('keeps denied fields out of entity fetches to other subgraphs too', async () => {
    const { body } = await run('{ posts { title author { name email } } }', token(''));
    expect(body).toEqual({ data: { posts: [{ title: 'Hello', author: { name: 'Ada', email: null } }] }, errors: [{ ...DENIED, path: ['posts', '@', 'author', 'email'] }] });
  });
});
