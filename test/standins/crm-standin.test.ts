// The demo CRM stand-in speaks its legacy REST dialect over real HTTP.
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { startCrmStandIn } from '../../demo/standins/crm/crm-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';

describe('demo CRM stand-in', () => {
  const dataset = generateDemoDataset({ customers: 50, products: 10, orders: 50 });
  let crm: StandInHandle;
  const headers = { 'x-api-key': 'k1', 'content-type': 'application/json' };
  const get = (path: string, h: Record<string, string> = headers) => fetch(crm.url + path, { headers: h });
  const post = (path: string, body: unknown) => fetch(crm.url + path, { method: 'POST', headers, body: JSON.stringify(body) });

  beforeAll(async () => {
    crm = await startCrmStandIn({ port: 0, dataset, apiKey: 'k1' });
  });
  beforeEach(() => crm.resetControls());
  afterAll(() => crm.close());

  it('serves one contact in the legacy DTO shape', async () => {
    const c = dataset.customers[0]!;
    const res = await get(`/api/v1/contacts/${c.id}`);
    expect(res.status).toBe(200);
    const since = c.customerSince.toISOString().slice(0, 10).replace(/-/g, '');
    expect(await res.json()).toEqual({
      CONTACT_ID: c.id,
      FNAME: c.firstName,
      LNAME: c.lastName,
      EMAIL_ADDR: c.email,
      PHONE_NO: c.phone,
      SEG_CD: c.segment ?? '',
      CRT_DT: since,
    });
    const missing = await get('/api/v1/contacts/C-999999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ ERR_CD: 'NOT_FOUND' });
  });

  it('refuses a request without the API key, but keeps its health check open', async () => {
    expect((await get(`/api/v1/contacts/${dataset.customers[0]!.id}`, {})).status).toBe(401);
    expect((await fetch(`${crm.url}/healthz`)).status).toBe(200);
  });

  it('answers a batch of contact ids, listing the unknown ones, and refuses more than 1000', async () => {
    const res = await post('/api/v1/contacts/batch-get', { CONTACT_IDS: [dataset.customers[1]!.id, 'C-NOPE'] });
    const body = (await res.json()) as { CONTACTS: { CONTACT_ID: string }[]; NOT_FOUND: string[] };
    expect(body.CONTACTS.map((c) => c.CONTACT_ID)).toEqual([dataset.customers[1]!.id]);
    expect(body.NOT_FOUND).toEqual(['C-NOPE']);
    const tooMany = await post('/api/v1/contacts/batch-get', { CONTACT_IDS: Array.from({ length: 1001 }, (_, i) => `C-${i}`) });
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({ ERR_CD: 'BATCH_TOO_LARGE' });
  });

  it('pages search results with an offset token', async () => {
    const first = (await (await get('/api/v1/contacts/search?q=&max_rows=20')).json()) as { RESULTS: unknown[]; TOTAL_CNT: number; NEXT_TOKEN: string; MORE_FLG: string };
    expect(first.RESULTS.length).toBe(20);
    expect(first).toMatchObject({ TOTAL_CNT: 50, MORE_FLG: 'Y' });
    const last = (await (await get(`/api/v1/contacts/search?q=&max_rows=40&page_token=${first.NEXT_TOKEN}`)).json()) as { RESULTS: unknown[]; MORE_FLG: string };
    expect(last.RESULTS.length).toBe(30);
    expect(last.MORE_FLG).toBe('N');
    expect((await get('/api/v1/contacts/search?q=&page_token=garbage')).status).toBe(400);
  });

  it('answers activities of many contacts with legacy codes and timestamps, newest first', async () => {
    const c = dataset.customers[2]!;
    const res = await post('/api/v1/activities/batch-get', { CONTACT_IDS: [c.id], MAX_PER_CONTACT: 3, CHNL_CDS: ['PH', 'EM', 'CT', 'WB', 'SO'] });
    const { ACTIVITIES } = (await res.json()) as { ACTIVITIES: { CONTACT_ID: string; ACT_TS: string; ACT_TYP_CD: string; CHNL_CD: string }[] };
    expect(ACTIVITIES.length).toBe(Math.min(3, dataset.interactions.filter((i) => i.customerId === c.id).length));
    for (const a of ACTIVITIES) {
      expect(a.CONTACT_ID).toBe(c.id);
      expect(a.ACT_TS).toMatch(/^\d{14}$/);
      expect(['CL', 'CH', 'EM', 'SC']).toContain(a.ACT_TYP_CD);
    }
    expect([...ACTIVITIES].map((a) => a.ACT_TS)).toEqual(ACTIVITIES.map((a) => a.ACT_TS).sort().reverse());
    expect((await post('/api/v1/activities/batch-get', { CONTACT_IDS: [c.id], CHNL_CDS: ['PHONE'] })).status).toBe(400);
  });

  it('fails and delays the next requests on demand, and counts requests with their request id', async () => {
    crm.failNext(1, 503);
    crm.delayNext(1, 100);
    const started = Date.now();
    const failed = await fetch(`${crm.url}/api/v1/contacts/C-000001`, { headers: { ...headers, 'x-request-id': 'r-1' } });
    expect(failed.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    expect((await get('/api/v1/contacts/C-000001')).status).toBe(200);
    expect(crm.requestCount).toBe(2);
    expect(crm.requests.map((r) => r.requestId)).toEqual(['r-1', null]);
  });
});
