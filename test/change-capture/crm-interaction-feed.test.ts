// New CRM interactions are heard through the CRM's change feed (the demo stand-in over real HTTP)
// and published as `interaction.created` within 5 seconds; the token is a watermark in the hub store.
import { eventually, Received } from '../../adapters/events/event-bus-contract';
import type { EventBus } from '../../adapters/events/event-bus-port';
import type { ChangeCapture } from '../../adapters/events/change-capture/change-table-poller';
import { InProcessEventBus } from '../../adapters/events/memory/in-process-event-bus';
import { CRM_INTERACTION_STREAM, startCrmInteractionFeed } from '../../adapters/crm/http/change-feed/crm-interaction-feed';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { startCrmStandIn } from '../../demo/standins/crm/crm-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { silentLogger } from '../../lib/logger';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../support/test-databases';
import { openHubSide, sleep, type HubSide } from './capture-support';

const FIVE_SECONDS = 5000;
const dataset = generateDemoDataset({ customers: 20, products: 10, orders: 20 });
const customer = dataset.customers[3]!.id;
const API_KEY = 'feed-key';

async function recordInteraction(crm: StandInHandle, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, string> }> {
  const res = await fetch(`${crm.url}/api/v1/activities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const call = (subject: string) => ({ CONTACT_ID: customer, ACT_TYP_CD: 'CL', CHNL_CD: 'PH', SUBJ_TXT: subject, AGENT_ID: 'AG01' });

describe('demo CRM stand-in: change feed and recording an interaction', () => {
  let crm: StandInHandle;
  const get = async (path: string) => {
    const res = await fetch(crm.url + path, { headers: { 'x-api-key': API_KEY } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  beforeAll(async () => {
    crm = await startCrmStandIn({ port: 0, dataset, apiKey: API_KEY });
  });
  afterAll(() => crm.close());

  it('records an interaction, serves it with the contact\'s activities and in the feed after the token', async () => {
    const head = await get('/api/v1/activities/changes');
    expect(head.body).toEqual({ CHANGES: [], NEXT_TOKEN: expect.any(String), MORE_FLG: 'N' });
    const created = await recordInteraction(crm, call('Where is my parcel?'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ CONTACT_ID: customer, ACT_TYP_CD: 'CL', CHNL_CD: 'PH', SUBJ_TXT: 'Where is my parcel?', ACT_ID: expect.stringMatching(/^I-\d{7}$/) });
    expect(dataset.interactions.some((i) => i.id === created.body.ACT_ID)).toBe(false);

    const page = await get(`/api/v1/activities/changes?since=${head.body.NEXT_TOKEN}`);
    expect(page.body.CHANGES).toEqual([{ CHG_SEQ: 1, CHG_TYP: 'I', CHG_TS: expect.stringMatching(/^\d{14}$/), ACTIVITY: created.body }]);
    const again = await get(`/api/v1/activities/changes?since=${page.body.NEXT_TOKEN}`);
    expect(again.body.CHANGES).toEqual([]);

    const res = await fetch(`${crm.url}/api/v1/activities/batch-get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ CONTACT_IDS: [customer], MAX_PER_CONTACT: 500 }),
    });
    const activities = ((await res.json()) as { ACTIVITIES: { ACT_ID: string }[] }).ACTIVITIES.map((a) => a.ACT_ID);
    expect(activities).toContain(created.body.ACT_ID);
  });

  it('pages the feed with max_rows', async () => {
    const head = await get('/api/v1/activities/changes');
    for (const n of [1, 2, 3]) await recordInteraction(crm, call(`Question ${n}`));
    const first = await get(`/api/v1/activities/changes?since=${head.body.NEXT_TOKEN}&max_rows=2`);
    expect((first.body.CHANGES as unknown[]).length).toBe(2);
    expect(first.body.MORE_FLG).toBe('Y');
    const second = await get(`/api/v1/activities/changes?since=${first.body.NEXT_TOKEN}&max_rows=2`);
    expect((second.body.CHANGES as { ACTIVITY: { SUBJ_TXT: string } }[]).map((c) => c.ACTIVITY.SUBJ_TXT)).toEqual(['Question 3']);
    expect(second.body.MORE_FLG).toBe('N');
  });

  it('refuses bad input with the CRM\'s errors and records nothing', async () => {
    const head = await get('/api/v1/activities/changes');
    expect((await recordInteraction(crm, { ...call('x'), CONTACT_ID: 'C-NOBODY' })).status).toBe(404);
    expect((await recordInteraction(crm, { ...call('x'), ACT_TYP_CD: 'ZZ' })).body.ERR_CD).toBe('BAD_ACT_TYP_CD');
    expect((await recordInteraction(crm, { ...call('x'), CHNL_CD: 'ZZ' })).body.ERR_CD).toBe('BAD_CHNL_CD');
    expect((await recordInteraction(crm, { ...call(''), SUBJ_TXT: '   ' })).body.ERR_CD).toBe('BAD_SUBJ_TXT');
    expect((await recordInteraction(crm, { ...call('x'), ACT_TS: '2025' })).body.ERR_CD).toBe('BAD_ACT_TS');
    expect((await get(`/api/v1/activities/changes?since=${head.body.NEXT_TOKEN}`)).body.CHANGES).toEqual([]);
    expect((await get('/api/v1/activities/changes?since=not-a-token')).status).toBe(400);
    expect((await get('/api/v1/activities/changes?max_rows=0')).status).toBe(400);
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`CRM interaction feed (hub store on ${dialect})`, () => {
    let crm: StandInHandle;
    let hubDb: TestDatabase;
    let bus: EventBus;
    const seen = new Received<'interaction.created'>();
    const feeds: { feed: ChangeCapture; side: HubSide }[] = [];

    const startFeed = async () => {
      const side = await openHubSide(hubDb.url);
      const feed = startCrmInteractionFeed({ crmApiUrl: crm.url, crmApiKey: API_KEY, watermarks: side.hub.watermarks, lease: side.lease, bus, log: silentLogger, leaseTtlMs: 1500 });
      feeds.push({ feed, side });
      return feed;
    };

    beforeAll(async () => {
      crm = await startCrmStandIn({ port: 0, dataset, apiKey: API_KEY });
      hubDb = await createTestDatabase(dialect, 'crmfeed');
      bus = new InProcessEventBus();
      await bus.subscribe('interaction.created', seen.handler);
      await recordInteraction(crm, call('Before the hub listened'));
      const feed = await startFeed();
      await feed.runOnce(); // the first poll takes the feed's head as the watermark
    });
    afterAll(async () => {
      for (const { feed, side } of feeds) {
        await feed.stop();
        await side.close();
      }
      await bus?.close();
      await crm?.close();
      await hubDb?.drop();
    });

    it('publishes a recorded interaction as interaction.created, and nothing recorded before it listened', async () => {
      const created = await recordInteraction(crm, call('My order arrived damaged'));
      await eventually(() => seen.events.length === 1, FIVE_SECONDS, 'the interaction');
      expect(seen.events[0]).toMatchObject({
        id: `crm:activity:${created.body.ACT_ID}`,
        topic: 'interaction.created',
        payload: { interactionId: created.body.ACT_ID, customerId: customer },
      });
    });

    it('publishes several in the order they were recorded, and keeps its token in the hub store', async () => {
      const ids: string[] = [];
      for (const n of [1, 2, 3]) ids.push((await recordInteraction(crm, call(`Follow-up ${n}`))).body.ACT_ID!);
      await eventually(() => seen.events.length === 4, FIVE_SECONDS, 'three more interactions');
      expect(seen.events.slice(1).map((e) => e.payload.interactionId)).toEqual(ids);
      const side = await openHubSide(hubDb.url);
      try {
        expect(await side.hub.watermarks.get(CRM_INTERACTION_STREAM)).toEqual(expect.any(String));
      } finally {
        await side.close();
      }
    });

    it('with a second poller, publishes each interaction once; the second takes over when the first dies', async () => {
      await startFeed();
      const before = seen.events.length;
      await recordInteraction(crm, call('Once only'));
      await eventually(() => seen.events.length === before + 1, FIVE_SECONDS, 'the interaction');
      await sleep(1200);
      expect(seen.events.length).toBe(before + 1);
      await feeds[0]!.side.close(); // the first poller dies
      await recordInteraction(crm, call('After the takeover'));
      await eventually(() => seen.events.length === before + 2, FIVE_SECONDS, 'the interaction after the takeover');
    });

    it('starts again from the head when the CRM no longer knows its token (the CRM was reset)', async () => {
      const side = await openHubSide(hubDb.url);
      const oldToken = await side.hub.watermarks.get(CRM_INTERACTION_STREAM);
      const port = crm.port;
      await crm.close();
      crm = await startCrmStandIn({ port, dataset, apiKey: API_KEY });
      // A poll meets the unknown token and moves to the new head.
      const deadline = Date.now() + FIVE_SECONDS;
      while ((await side.hub.watermarks.get(CRM_INTERACTION_STREAM)) === oldToken && Date.now() < deadline) await sleep(50);
      await side.close();
      const before = seen.events.length;
      const created = await recordInteraction(crm, call('After the CRM restart'));
      await eventually(() => seen.events.length === before + 1, FIVE_SECONDS, 'the interaction after the restart');
      expect(seen.events[before]!.payload.interactionId).toBe(created.body.ACT_ID);
    });
  });
}
