// Social listening through the gateway: a social profile linked to a customer by identity
// resolution (CRM subgraph), mentions arriving by the signed webhook (social subgraph), and the
// customer's listening score, social-member flag and routing hint on Customer, on both databases.
import { signatureHeaders } from '../../lib/webhook-signature';
import { TEST_DIALECTS } from '../support/test-databases';
import { startTestHub, type TestHub } from '../support/test-hub';

const LISTENING = `query($ids: [ID!]!) {
  customers(ids: $ids) { id listening { score mentions complaints praise maxFollowers influential vocal } socialMember routingHint { priority skill reasons } }
}`;

interface Listening {
  id: string;
  listening: { score: number; mentions: number; complaints: number; praise: number; maxFollowers: number; influential: boolean; vocal: boolean };
  socialMember: boolean;
  routingHint: { priority: string; skill: string; reasons: string[] } | null;
}

describe.each(TEST_DIALECTS)('social listening through the gateway on %s', (dialect) => {
  let t: TestHub;
  beforeAll(async () => {
    t = await startTestHub(dialect);
  }, 120_000);
  afterAll(async () => t?.close());

  let serial = 0;
  async function deliver(handle: string, followers: number, text: string) {
    const body = JSON.stringify({ externalId: `listen-${dialect}-${++serial}`, network: 'INSTAGRAM', authorHandle: handle, authorFollowers: followers, text, postedAt: new Date(Date.UTC(2026, 10, 1, 9, serial)).toISOString() });
    const res = await fetch(`${t.hub.subgraphs.social.url}/webhooks/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', ...signatureHeaders(t.config.socialWebhookSecret, body) }, body });
    expect(res.status).toBe(200);
  }
  async function listen(ids: string[]): Promise<Listening[]> {
    const res = await t.query<{ customers: Listening[] }>(LISTENING, { ids });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.customers;
  }
  async function linkInstagram(customerId: string, handle: string) {
    const res = await t.query(`mutation($id: ID!, $h: String!) { linkIdentity(customerId: $id, namespace: INSTAGRAM, value: $h, source: "SOCIAL") { id } }`, { id: customerId, h: handle });
    expect(res.body.errors).toBeUndefined();
  }
  const quiet = () => t.dataset.customers.filter((c) => c.social.length === 0);

  it('weighs a complaint ten times as much as praise, and flags and routes an influential customer who complained', async () => {
    const [influencer, critic, plain] = quiet();
    await linkInstagram(influencer.id, '@bigvoice');
    await linkInstagram(critic.id, '@smallvoice');

    await deliver('@bigvoice', 250_000, 'Love my new headphones, best purchase this year!');
    await deliver('@smallvoice', 40, 'My order never arrived and nobody answers, I want a refund');
    await deliver('@smallvoice', 40, 'Great support chat today, thanks, problem solved quickly');

    let [a, b, c] = await listen([influencer.id, critic.id, plain.id]);
    expect(a).toEqual({
      id: influencer.id,
      listening: { score: 1, mentions: 1, complaints: 0, praise: 1, maxFollowers: 250_000, influential: true, vocal: false },
      socialMember: true,
      routingHint: { priority: 'ELEVATED', skill: 'SOCIAL_CARE', reasons: ['influential: 250000 followers (from 10000)'] },
    });
    // One complaint and one praise: 10 + 1. Not vocal (one complaint), not influential: no special routing.
    expect(b).toEqual({ id: critic.id, listening: { score: 11, mentions: 2, complaints: 1, praise: 1, maxFollowers: 40, influential: false, vocal: false }, socialMember: false, routingHint: null });
    expect(c).toEqual({ id: plain.id, listening: { score: 0, mentions: 0, complaints: 0, praise: 0, maxFollowers: 0, influential: false, vocal: false }, socialMember: false, routingHint: null });

    // The influencer complains: high priority, complaint recovery.
    await deliver('@bigvoice', 250_000, 'The speaker arrived broken and I am still waiting for a refund');
    [a] = await listen([influencer.id]);
    expect(a.listening).toMatchObject({ score: 11, complaints: 1, praise: 1 });
    expect(a.routingHint).toMatchObject({ priority: 'HIGH', skill: 'COMPLAINT_RECOVERY' });
  });

  it('makes a customer with repeated complaints vocal: a social member routed to complaint recovery', async () => {
    const critic = quiet()[1];
    await deliver('@smallvoice', 40, 'Package came damaged and one item is missing');
    await deliver('@smallvoice', 40, 'Still waiting for the replacement, delivery is late again');
    const [b] = await listen([critic.id]);
    expect(b.listening).toMatchObject({ complaints: 3, praise: 1, score: 31, vocal: true, influential: false });
    expect(b.socialMember).toBe(true);
    expect(b.routingHint).toEqual({ priority: 'HIGH', skill: 'COMPLAINT_RECOVERY', reasons: ['vocal: 3 complaints (from 3)'] });
  });
});
