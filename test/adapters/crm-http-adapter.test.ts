// The CRM HTTP adapter against the demo CRM stand-in over real HTTP: the port contract, then
// timeouts, retries, error mapping and batching, with faults injected by the stand-in.
import { describeCrmPortContract } from '../../adapters/crm/crm-port-contract';
import { CrmHttpAdapter, type CrmHttpAdapterOptions } from '../../adapters/crm/http/crm-http-adapter';
import { HttpStatusError } from '../../adapters/http/http-client';
import { generateDemoDataset } from '../../demo/data/demo-dataset';
import { startCrmStandIn } from '../../demo/standins/crm/crm-standin';
import type { StandInHandle } from '../../demo/standins/shared/standin-server';
import { UpstreamUnavailableError } from '../../lib/errors';

describeCrmPortContract('HTTP adapter over the demo CRM stand-in', async (dataset) => {
  const standIn = await startCrmStandIn({ port: 0, dataset, apiKey: 'contract-key' });
  const port = CrmHttpAdapter.create({ baseUrl: standIn.url, apiKey: 'contract-key' });
  return {
    port,
    close: async () => {
      await port.close();
      await standIn.close();
    },
  };
});

describe('CRM HTTP adapter', () => {
  const dataset = generateDemoDataset({ customers: 120, products: 10, orders: 50 });
  const ids = dataset.customers.map((c) => c.id);
  let standIn: StandInHandle;
  const adapters: CrmHttpAdapter[] = [];
  let attempts: { path: string; status: number | null }[] = [];

  const adapter = (options: Partial<CrmHttpAdapterOptions> = {}) => {
    const created = CrmHttpAdapter.create({
      baseUrl: standIn.url,
      apiKey: 'secret',
      retryDelayMs: 5,
      onAttempt: (a) => attempts.push({ path: a.path, status: a.status }),
      ...options,
    });
    adapters.push(created);
    return created;
  };

  beforeAll(async () => {
    standIn = await startCrmStandIn({ port: 0, dataset, apiKey: 'secret' });
  });
  beforeEach(() => {
    standIn.resetControls();
    attempts = [];
  });
  afterAll(async () => {
    await Promise.all(adapters.map((a) => a.close()));
    await standIn.close();
  });

  describe('batching', () => {
    it('asks for a whole batch of customers in one HTTP call, repeated ids sent once', async () => {
      const asked = [...ids, ...ids.slice(0, 30), 'C-999999'];
      const found = await adapter().findCustomersByIds(asked);
      expect(found.length).toBe(asked.length);
      expect(found.slice(0, ids.length).map((c) => c?.id)).toEqual(ids);
      expect(found.at(-1)).toBeNull();
      expect(standIn.requestCount).toBe(1);
      expect(attempts).toEqual([{ path: '/api/v1/contacts/batch-get', status: 200 }]);
    });

    it('splits a batch only above the CRM limit of 1000 ids, and keeps the results aligned', async () => {
      const asked = Array.from({ length: 2500 }, (_, i) => (i % 100 === 0 ? ids[i / 100]! : `C-X${i}`));
      const found = await adapter().findCustomersByIds(asked);
      expect(standIn.requestCount).toBe(3);
      asked.forEach((id, i) => expect(found[i]?.id ?? null).toBe(id.startsWith('C-X') ? null : id));
    });

    it("asks for many customers' interactions in one HTTP call", async () => {
      const lists = await adapter().findInteractionsByCustomerIds(ids.slice(0, 50), { first: 5, channels: ['PHONE', 'CHAT'] });
      expect(lists.length).toBe(50);
      expect(lists.flat().every((i) => i.channel === 'PHONE' || i.channel === 'CHAT')).toBe(true);
      expect(standIn.requestCount).toBe(1);
    });

    it('makes no call for an empty batch', async () => {
      await adapter().findCustomersByIds([]);
      await adapter().findInteractionsByCustomerIds([], { first: 5 });
      expect(standIn.requestCount).toBe(0);
    });
  });

  describe('timeouts', () => {
    it('gives up on an attempt slower than the timeout with UpstreamUnavailableError', async () => {
      standIn.delayNext(1, 600);
      const error = await adapter({ timeoutMs: 150, retries: 0 }).findCustomersByIds([ids[0]!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as UpstreamUnavailableError).system).toBe('crm');
      expect((error as Error).message).toMatch(/timed out/);
      expect(standIn.requestCount).toBe(1);
    });

    it('retries a read whose first attempt timed out, and succeeds', async () => {
      standIn.delayNext(1, 600);
      const found = await adapter({ timeoutMs: 150, retries: 1 }).findCustomersByIds([ids[0]!]);
      expect(found[0]?.id).toBe(ids[0]);
      expect(standIn.requestCount).toBe(2);
      expect(attempts.map((a) => a.status)).toEqual([null, 200]);
    });
  });

  describe('upstream failures', () => {
    it('retries a 5xx and succeeds', async () => {
      standIn.failNext(2, 503);
      const page = await adapter({ retries: 2 }).searchCustomers(dataset.customers[0]!.email, { first: 5 });
      expect(page.nodes.map((n) => n.id)).toEqual([ids[0]]);
      expect(attempts.map((a) => a.status)).toEqual([503, 503, 200]);
    });

    it('reports a persistent 5xx as UpstreamUnavailableError after the retries', async () => {
      standIn.failNext(10, 502);
      const error = await adapter({ retries: 2 }).findInteractionsByCustomerIds([ids[0]!], { first: 5 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as HttpStatusError).status).toBe(502);
      expect(standIn.requestCount).toBe(3);
    });

    it('does not retry a 4xx', async () => {
      standIn.failNext(1, 400);
      const error = await adapter({ retries: 3 }).findCustomersByIds([ids[0]!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpStatusError);
      expect((error as HttpStatusError).status).toBe(400);
      expect(standIn.requestCount).toBe(1);
    });

    it('reports a rejected API key as UpstreamUnavailableError without retrying', async () => {
      const error = await adapter({ apiKey: 'wrong', retries: 3 }).findCustomersByIds([ids[0]!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
      expect((error as HttpStatusError).status).toBe(401);
      expect(standIn.requestCount).toBe(1);
    });

    it('reports a CRM that is not listening as UpstreamUnavailableError', async () => {
      const gone = await startCrmStandIn({ port: 0, dataset });
      await gone.close();
      const error = await adapter({ baseUrl: gone.url, retries: 1 }).findCustomersByIds([ids[0]!]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
    });
  });

  it('forwards the request id to the CRM', async () => {
    const scoped = adapter().forRequest('req-crm-42');
    await scoped.findCustomersByIds([ids[0]!]);
    await scoped.searchCustomers('ada', { first: 1 });
    expect(standIn.requests.map((r) => r.requestId)).toEqual(['req-crm-42', 'req-crm-42']);
  });
});
