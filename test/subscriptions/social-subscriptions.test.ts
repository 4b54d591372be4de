// social's mentionReceived over real sockets, fed by real writes: a signed delivery to the mention
// webhook stores the mention and raises mention.received on the bus, which the subscribers hear.
import type { HubEvent, HubTopic } from '../../adapters/events/event-bus-port';
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { silentLogger } from '../../lib/logger';
import { signatureHeaders } from '../../lib/webhook-signature';
import type { RunningService } from '../../subgraphs/shared/running-service';
import { startSocialService } from '../../subgraphs/social/service';
import { createTestDatabase, type TestDatabase } from '../support/test-databases';
import { CountingEventBus } from './support/counting-event-bus';
import { refusal, subscribe, TRANSPORTS, unsubscribeAll, type Transport } from './support/subscription-clients';

const SECRET = 'subscription-test-secret';
const COMPLAINT = 'My order never arrived and nobody answers, I want a refund';
const PRAISE = 'Lovely service, the parcel came a day early. Thank you!';

const MENTION_RECEIVED = `subscription ($complaintsOnly: Boolean, $minFollowers: Int) {
  mentionReceived(complaintsOnly: $complaintsOnly, minFollowers: $minFollowers) {
    id text isComplaint sentiment network author { handle followers } customer { id }
  }
}`;

describe('social mentionReceived', () => {
  let hubDb: TestDatabase;
  let socialDb: TestDatabase;
  const bus = new CountingEventBus();
  let service: RunningService;
  let serial = 0;

  const deliver = async (base: string, overrides: Record<string, unknown> = {}) => {
    const body = JSON.stringify({
      externalId: `x-sub-${++serial}`,
      network: 'X',
      authorHandle: '@JaneDoe',
      authorFollowers: 5400,
      text: COMPLAINT,
      postedAt: '2026-03-01T09:30:00Z',
      ...overrides,
    });
    const response = await fetch(`${base}/webhooks/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders(SECRET, body) }, body });
    expect(response.status).toBe(200);
    return ((await response.json()) as { mentions: { id: string; created: boolean }[] }).mentions[0]!;
  };

  beforeAll(async () => {
    [hubDb, socialDb] = await Promise.all([createTestDatabase('sqlite', 'social_sub_hub'), createTestDatabase('sqlite', 'social_sub')]);
    const hub = await openHubStore(hubDb.url);
    await hub.identities.link({ customerId: 'C-000042', namespace: 'X', value: '@JaneDoe' });
    await hub.close();
    service = await startSocialService({ socialDatabaseUrl: socialDb.url, hubDatabaseUrl: hubDb.url, webhookSecret: SECRET, port: 0, log: silentLogger, eventBus: bus });
  });
  afterEach(async () => {
    await bus.waitForHandlers('mention.received', 0);
  });
  afterAll(async () => {
    unsubscribeAll();
    await service?.close();
    await bus.close();
    await Promise.all([hubDb?.drop(), socialDb?.drop()]);
  });

  describe.each(TRANSPORTS)('over %s', (transport: Transport) => {
    it('delivers a mention the webhook stores, once however often the network redelivers it, and releases the bus on unsubscribe', async () => {
      const sub = subscribe(transport, service.endpoint, { query: MENTION_RECEIVED });
      await bus.waitForHandlers('mention.received', 1);
      const stored = await deliver(service.url, { externalId: `x-redelivered-${transport}` });
      expect(stored.created).toBe(true);
      const { data, errors } = await sub.next();
      expect(errors).toBeUndefined();
      expect(data!.mentionReceived).toEqual({
        id: stored.id,
        text: COMPLAINT,
        isComplaint: true,
        sentiment: 'NEGATIVE',
        network: 'X',
        author: { handle: 'janedoe', followers: 5400 },
        customer: { id: 'C-000042' },
      });
      expect((await deliver(service.url, { externalId: `x-redelivered-${transport}` })).created).toBe(false);
      await sub.expectNothing();
      sub.unsubscribe();
      await bus.waitForHandlers('mention.received', 0);
    });

    it('refuses a negative minFollowers with BAD_USER_INPUT', async () => {
      expect(await refusal(subscribe(transport, service.endpoint, { query: MENTION_RECEIVED, variables: { minFollowers: -1 } }))).toEqual([
        expect.objectContaining({ message: 'minFollowers must be a whole number from 0', extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'minFollowers' }) }),
      ]);
      expect(bus.handlers('mention.received')).toBe(0);
    });
  });

  it('hears complaints only with complaintsOnly, and only authors with enough followers with minFollowers', async () => {
    const complaints = subscribe('graphql-ws', service.endpoint, { query: MENTION_RECEIVED, variables: { complaintsOnly: true } });
    const influential = subscribe('sse', service.endpoint, { query: MENTION_RECEIVED, variables: { minFollowers: 10_000 } });
    await bus.waitForHandlers('mention.received', 2);
    const praise = await deliver(service.url, { text: PRAISE, authorHandle: '@bigvoice', authorFollowers: 250_000 });
    const quietComplaint = await deliver(service.url, { authorHandle: '@quiet', authorFollowers: 12 });
    expect((await complaints.next()).data!.mentionReceived).toMatchObject({ id: quietComplaint.id, isComplaint: true, customer: null });
    expect((await influential.next()).data!.mentionReceived).toMatchObject({ id: praise.id, isComplaint: false, author: { handle: 'bigvoice', followers: 250_000 } });
    await complaints.expectNothing(100);
    await influential.expectNothing(100);
    complaints.unsubscribe();
    influential.unsubscribe();
  });

  it('keeps a mention whose event the bus refuses: the webhook still answers 200 and the mention is stored', async () => {
    class RefusingBus extends CountingEventBus {
      override publish<T extends HubTopic>(_event: HubEvent<T>): Promise<void> {
        return Promise.reject(new Error('broker unavailable'));
      }
    }
    const refusing = new RefusingBus();
    const other = await startSocialService({ socialDatabaseUrl: socialDb.url, hubDatabaseUrl: hubDb.url, webhookSecret: SECRET, port: 0, log: silentLogger, eventBus: refusing });
    try {
      const stored = await deliver(other.url);
      const response = await fetch(other.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `{ mention(id: "${stored.id}") { id } }` }) });
      expect(((await response.json()) as { data: { mention: { id: string } } }).data.mention).toEqual({ id: stored.id });
    } finally {
      await other.close();
      await refusing.close();
    }
  });

  it('closes with subscriptions open: clients see the end, the bus subscriptions are released', async () => {
    const own = new CountingEventBus();
    const closing = await startSocialService({ socialDatabaseUrl: socialDb.url, hubDatabaseUrl: hubDb.url, webhookSecret: SECRET, port: 0, log: silentLogger, eventBus: own });
    const subs = TRANSPORTS.map((transport) => subscribe(transport, closing.endpoint, { query: MENTION_RECEIVED }));
    await own.waitForHandlers('mention.received', subs.length);
    await closing.close();
    expect(own.handlers('mention.received')).toBe(0);
    await Promise.all(subs.map((sub) => sub.ended));
    await own.close();
  });
});
