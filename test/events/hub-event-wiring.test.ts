// The whole hub's event wiring: two hubs (two "deployments" of every service) on one Redis and the
// same databases. A change written straight into a legacy database, an interaction recorded in the
// CRM and an event appended to the hub store's outbox each reach the bus of both hubs, once.
import { resolve } from 'node:path';
import { eventually, Received } from '../../adapters/events/event-bus-contract';
import { appendHubEvent } from '../../adapters/events/outbox-event';
import { eventSettingsFromEnv } from '../../adapters/events/event-settings';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { silentLogger } from '../../lib/logger';
import { hubConfigFromEnv, type HubConfig } from '../../scripts/hub/hub-config';
import { startHub, type RunningHub } from '../../scripts/hub/start-hub';
import { BatchJob, sleep } from '../change-capture/capture-support';
import { createTestDatabase, type TestDatabase } from '../support/test-databases';
import { TEST_DATASET_SIZE } from '../support/test-hub';
import { TEST_REDIS_URL, uniquePrefix } from './test-brokers';

describe('event settings from the environment', () => {
  it('defaults to the in-process bus with change capture on every 500 ms', () => {
    expect(eventSettingsFromEnv({})).toEqual({ eventBusUrl: null, changeCapture: true, changeCaptureIntervalMs: 500 });
  });
  it('reads the bus URL, the switch and the interval, and refuses nonsense', () => {
    expect(eventSettingsFromEnv({ EVENT_BUS_URL: 'nats://nats:4222', CHANGE_CAPTURE: 'off', CHANGE_CAPTURE_INTERVAL_MS: '250' })).toEqual({
      eventBusUrl: 'nats://nats:4222',
      changeCapture: false,
      changeCaptureIntervalMs: 250,
    });
    expect(() => eventSettingsFromEnv({ CHANGE_CAPTURE: 'maybe' })).toThrow(/CHANGE_CAPTURE/);
    expect(() => eventSettingsFromEnv({ CHANGE_CAPTURE_INTERVAL_MS: 'soon' })).toThrow(/CHANGE_CAPTURE_INTERVAL_MS/);
  });
});

describe('two hubs on Redis sharing their databases', () => {
  const dbs: TestDatabase[] = [];
  const hubs: RunningHub[] = [];
  let job: BatchJob;
  const dataset = generateDemoDataset(TEST_DATASET_SIZE);

  beforeAll(async () => {
    const db = async (label: string) => {
      const created = await createTestDatabase('sqlite', label);
      dbs.push(created);
      return created.url;
    };
    const databases = { erp: await db('erp'), inventory: await db('inventory'), social: await db('social'), hub: await db('hub') };
    const base: HubConfig = {
      ...hubConfigFromEnv({}, resolve(__dirname, '..', '..')),
      host: '127.0.0.1',
      gatewayPort: 0,
      ports: { crm: 0, erp: 0, inventory: 0, shipping: 0, social: 0, crmStandIn: 0, carrierStandIn: 0 },
      databases,
      crmApiUrl: null,
      carrierApiUrl: null,
      eventBusUrl: `${TEST_REDIS_URL}?prefix=${uniquePrefix('hubs')}:`,
      changeCaptureIntervalMs: 200,
    };
    hubs.push(await startHub(base, silentLogger, { dataset }));
    // The second deployment reaches the same CRM and carrier as the first.
    hubs.push(await startHub({ ...base, crmApiUrl: hubs[0]!.standIns.crm!.url, carrierApiUrl: hubs[0]!.standIns.carrier!.url }, silentLogger, { dataset }));
    job = new BatchJob(databases.inventory);
  });
  afterAll(async () => {
    await job?.close();
    for (const hub of hubs.reverse()) await hub.close();
    for (const d of dbs) await d.drop();
  });

  it('hears stock written straight into the warehouse database on both hubs, once', async () => {
    const seen = [new Received<'stock.changed'>(), new Received<'stock.changed'>()];
    const offs = await Promise.all(hubs.map((h, i) => h.events.bus.subscribe('stock.changed', seen[i]!.handler)));
    try {
      const product = dataset.products[0]!.sku;
      await job.run(`UPDATE STKBAL SET QOH = QOH + 5 WHERE ITM_NO = '${product}'`);
      await eventually(() => seen.every((s) => s.events.length > 0), 5000, 'the stock change on both hubs');
      await sleep(600);
      for (const s of seen) {
        expect(new Set(s.events.map((e) => e.payload.sku))).toEqual(new Set([product]));
        expect(new Set(s.ids()).size).toBe(s.events.length); // no event published by both hubs
      }
      expect(seen[0]!.ids()).toEqual(seen[1]!.ids());
    } finally {
      await Promise.all(offs.map((off) => off()));
    }
  });

  it('carries an interaction recorded in the CRM and an event appended to the outbox to both hubs', async () => {
    const interactions = [new Received<'interaction.created'>(), new Received<'interaction.created'>()];
    const mentions = [new Received<'mention.received'>(), new Received<'mention.received'>()];
    const offs = [
      ...(await Promise.all(hubs.map((h, i) => h.events.bus.subscribe('interaction.created', interactions[i]!.handler)))),
      ...(await Promise.all(hubs.map((h, i) => h.events.bus.subscribe('mention.received', mentions[i]!.handler)))),
    ];
    try {
      const customerId = dataset.customers[0]!.id;
      const res = await fetch(`${hubs[0]!.standIns.crm!.url}/api/v1/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ CONTACT_ID: customerId, ACT_TYP_CD: 'CH', CHNL_CD: 'CT', SUBJ_TXT: 'Chat about a late delivery' }),
      });
      expect(res.status).toBe(201);
      await appendHubEvent(hubs[1]!.events.hub.outbox, 'mention.received', { mentionId: 'M-wiring', customerId, isComplaint: true, followers: 1200 });
      await eventually(() => [...interactions, ...mentions].every((r) => r.events.length === 1), 5000, 'both events on both hubs');
      expect(interactions[1]!.events[0]!.payload.customerId).toBe(customerId);
      expect(mentions[0]!.events[0]!.payload.mentionId).toBe('M-wiring');
    } finally {
      await Promise.all(offs.map((off) => off()));
    }
  });
});
