// The signed mention webhook over real HTTP, on both databases: a good delivery is stored, scored,
// linked and queryable through the subgraph; every bad one is refused and stores nothing.
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { silentLogger } from '../../lib/logger';
import { computeSignature, signatureHeaders } from '../../lib/webhook-signature';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { startSocialService } from '../../subgraphs/social/service';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';

const SECRET = 'test-webhook-secret';

for (const dialect of TEST_DIALECTS) {
  describe(`social mention webhook (${dialect})`, () => {
    let hubDb: TestDatabase;
    let socialDb: TestDatabase;
    let service: RunningService;

    beforeAll(async () => {
      hubDb = await createTestDatabase(dialect, 'whhub');
      socialDb = await createTestDatabase(dialect, 'whsocial');
      const hub = await openHubStore(hubDb.url);
      await hub.identities.link({ customerId: 'C-000042', namespace: 'X', value: '@JaneDoe' });
      await hub.close();
      service = await startSocialService({ socialDatabaseUrl: socialDb.url, hubDatabaseUrl: hubDb.url, webhookSecret: SECRET, port: 0, log: silentLogger });
    });
    afterAll(async () => {
      await service?.close();
      await socialDb?.drop();
      await hubDb?.drop();
    });

    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${service.url}/webhooks/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const signedPost = (body: string, options?: { now?: Date; nonce?: string }) => post(body, signatureHeaders(SECRET, body, options));
    const graphql = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(service.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }; // eslint-disable-line @typescript-eslint/no-explicit-any -- ad-hoc test queries
    };
    const storedCount = async () => (await graphql('{ recentMentions(first: 500) { id } }')).data.recentMentions.length as number;
    let serial = 0;
    const mention = (overrides: Record<string, unknown> = {}) => ({
      externalId: `x-${dialect}-${++serial}`,
      network: 'X',
      authorHandle: '@JaneDoe',
      authorDisplayName: 'Jane Doe',
      authorFollowers: 5400,
      text: 'My order never arrived and nobody answers, I want a refund',
      postedAt: '2026-03-01T09:30:00Z',
      url: 'https://x.example/janedoe/1',
      ...overrides,
    });

    it('stores a correctly signed mention, scored and linked to the customer, and serves it over GraphQL', async () => {
      const body = JSON.stringify(mention());
      const response = await signedPost(body);
      expect(response.status).toBe(200);
      const result = (await response.json()) as { ids: string[]; mentions: { id: string; created: boolean }[] };
      expect(result.ids).toHaveLength(1);
      expect(result.mentions[0]!.created).toBe(true);

      const { data, errors } = await graphql(
        `query ($id: ID!) { mention(id: $id) { id network text sentiment sentimentScore isComplaint postedAt url customer { id } author { handle displayName followers customer { id } } } }`,
        { id: result.ids[0] },
      );
      expect(errors).toBeUndefined();
      expect(data.mention).toMatchObject({
        id: result.ids[0],
        network: 'X',
        sentiment: 'NEGATIVE',
        isComplaint: true,
        postedAt: '2026-03-01T09:30:00.000Z',
        customer: { id: 'C-000042' },
        author: { handle: 'janedoe', displayName: 'Jane Doe', followers: 5400, customer: { id: 'C-000042' } },
      });
      expect(data.mention.sentimentScore).toBeLessThan(0);

      const entities = await graphql(`{ _entities(representations: [{ __typename: "Customer", id: "C-000042" }]) { ... on Customer { mentions(first: 5) { id } socialProfiles { handle } } } }`);
      expect(entities.data._entities[0].mentions.map((m: { id: string }) => m.id)).toContain(result.ids[0]);
      expect(entities.data._entities[0].socialProfiles).toEqual([{ handle: 'janedoe' }]);
    });

    it('accepts a list, stores an unknown author unlinked, and answers a redelivery with the stored id', async () => {
      const known = mention({ text: 'Great service, thank you!' });
      const stranger = mention({ authorHandle: 'somebody_new', authorFollowers: 3 });
      const first = (await (await signedPost(JSON.stringify([known, stranger]))).json()) as { ids: string[] };
      expect(first.ids).toHaveLength(2);
      const again = await signedPost(JSON.stringify(known));
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({ ids: [first.ids[0]], mentions: [{ id: first.ids[0], externalId: known.externalId, created: false }] });

      const { data } = await graphql(`query ($id: ID!) { mention(id: $id) { isComplaint sentiment customer { id } author { handle followers } } }`, { id: first.ids[1] });
      expect(data.mention).toEqual({ isComplaint: true, sentiment: 'NEGATIVE', customer: null, author: { handle: 'somebody_new', followers: 3 } });
    });

    it('refuses a bad, missing or stale signature and a replayed nonce with 401, storing nothing', async () => {
      const before = await storedCount();
      const body = JSON.stringify(mention());

      const wrongSecret = await post(body, signatureHeaders('not-the-secret', body));
      expect(wrongSecret.status).toBe(401);
      expect(await wrongSecret.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'the signature does not match' } });

      const headers = signatureHeaders(SECRET, body);
      const tampered = await post(body.replace('never arrived', 'arrived'), headers);
      expect(tampered.status).toBe(401);

      expect((await post(body, {})).status).toBe(401);
      expect((await post(body, { ...headers, 'x-touchpoint-signature': 'sha256=zz' })).status).toBe(401);

      const sixMinutesAgo = new Date(Date.now() - 6 * 60_000);
      const stale = await signedPost(body, { now: sixMinutesAgo });
      expect(stale.status).toBe(401);
      expect(((await stale.json()) as { error: { message: string } }).error.message).toMatch(/timestamp/);
      const future = await signedPost(body, { now: new Date(Date.now() + 6 * 60_000) });
      expect(future.status).toBe(401);

      expect(await storedCount()).toBe(before);

      // The same signed request twice: the first is stored, the replay refused.
      const ok = await post(body, headers);
      expect(ok.status).toBe(200);
      const replay = await post(body, headers);
      expect(replay.status).toBe(401);
      expect(((await replay.json()) as { error: { message: string } }).error.message).toMatch(/replayed/);
      expect(await storedCount()).toBe(before + 1);
    });

    it('refuses a malformed body with 400, storing nothing, even when signed', async () => {
      const before = await storedCount();
      for (const body of ['{"externalId": "x-1", ', '[]', JSON.stringify(mention({ network: 'MYSPACE' })), JSON.stringify([mention(), mention({ postedAt: 'yesterday' })]), JSON.stringify(mention({ text: '' }))]) {
        const response = await signedPost(body);
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
      }
      expect(await storedCount()).toBe(before);
    });

    it('signs the exact bytes of the body', async () => {
      const body = JSON.stringify(mention({ text: 'Café order never arrived 😞' }));
      const timestamp = String(Math.floor(Date.now() / 1000));
      const nonce = 'nonce-utf8-body-0001';
      const response = await post(body, {
        'x-touchpoint-timestamp': timestamp,
        'x-touchpoint-nonce': nonce,
        'x-touchpoint-signature': computeSignature(SECRET, timestamp, nonce, Buffer.from(body, 'utf8')),
      });
      expect(response.status).toBe(200);
    });

    it('answers other methods with 405 and leaves GraphQL untouched', async () => {
      expect((await fetch(`${service.url}/webhooks/mentions`)).status).toBe(405);
      expect((await graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    });
  });
}
