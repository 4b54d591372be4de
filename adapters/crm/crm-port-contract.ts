// The contract every CrmPort adapter must meet. Run it from a jest test file with
// describeCrmPortContract('my CRM', (dataset) => ...): the factory gets a small demo dataset and
// returns an adapter over a CRM that holds exactly that data (a stand-in, a seeded sandbox...).
import { InvalidInputError } from '../../lib/errors';
import { generateDemoDataset, type DemoCustomer, type DemoDataset, type DemoInteraction } from '../../demo/data/demo-dataset';
import type { CrmPort, Customer } from './crm-port';

export interface CrmPortFixture {
  port: CrmPort;
  close(): Promise<void>;
}

/** The data the contract runs on: small, deterministic. */
export const CRM_CONTRACT_DATASET_SIZE = { customers: 60, products: 20, orders: 200 };

function expected(c: DemoCustomer): Customer {
  return {
    id: c.id,
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    segment: c.segment,
    customerSince: c.customerSince,
  };
}

function newestFirst(list: DemoInteraction[]): DemoInteraction[] {
  return [...list].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime());
}

export function describeCrmPortContract(name: string, createFixture: (dataset: DemoDataset) => Promise<CrmPortFixture>): void {
  describe(`CrmPort contract: ${name}`, () => {
    const dataset = generateDemoDataset(CRM_CONTRACT_DATASET_SIZE);
    let fixture: CrmPortFixture;
    let crm: CrmPort;

    beforeAll(async () => {
      fixture = await createFixture(dataset);
      crm = fixture.port;
    });
    afterAll(async () => {
      await fixture?.close();
    });

    const interactionsOf = (customerId: string) => dataset.interactions.filter((i) => i.customerId === customerId);
    const busiest = () => [...dataset.customers].sort((a, b) => interactionsOf(b.id).length - interactionsOf(a.id).length)[0]!;

    describe('findCustomersByIds', () => {
      it('returns the customers aligned with the ids, null for an unknown id, repeats included', async () => {
        const [a, b] = [dataset.customers[3]!, dataset.customers[17]!];
        const found = await crm.findCustomersByIds([b.id, 'C-999999', a.id, b.id]);
        expect(found).toEqual([expected(b), null, expected(a), expected(b)]);
      });

      it('maps every field of the golden record, a missing segment as null', async () => {
        const ids = dataset.customers.map((c) => c.id);
        const found = await crm.findCustomersByIds(ids);
        expect(found).toEqual(dataset.customers.map(expected));
        expect(found.some((c) => c?.segment === null)).toBe(true);
      });

      it('answers an empty batch with an empty list', async () => {
        await expect(crm.findCustomersByIds([])).resolves.toEqual([]);
      });
    });

    describe('searchCustomers', () => {
      it('finds a customer by e-mail, in any letter case', async () => {
        const c = dataset.customers[9]!;
        const page = await crm.searchCustomers(c.email.toUpperCase(), { first: 10 });
        expect(page.nodes).toEqual([expected(c)]);
        expect(page.totalCount).toBe(1);
        expect(page.hasNextPage).toBe(false);
      });

      it('finds a customer by phone number', async () => {
        const c = dataset.customers[21]!;
        const page = await crm.searchCustomers(c.phone, { first: 10 });
        expect(page.nodes.map((n) => n.id)).toEqual([c.id]);
      });

      it('finds every customer with a name, and narrows by first and last name together', async () => {
        const c = dataset.customers[5]!;
        const mentions = (x: Customer, term: string) => `${x.firstName} ${x.lastName} ${x.email}`.toLowerCase().includes(term.toLowerCase());
        const byLast = await crm.searchCustomers(c.lastName.toLowerCase(), { first: 100 });
        const ids = byLast.nodes.map((n) => n.id);
        for (const x of dataset.customers.filter((x) => x.lastName === c.lastName)) expect(ids).toContain(x.id);
        expect(byLast.nodes.every((n) => mentions(n, c.lastName))).toBe(true);
        expect(byLast.totalCount).toBe(ids.length);

        const both = await crm.searchCustomers(`${c.firstName} ${c.lastName}`, { first: 100 });
        const bothIds = both.nodes.map((n) => n.id);
        for (const x of dataset.customers.filter((x) => x.firstName === c.firstName && x.lastName === c.lastName)) expect(bothIds).toContain(x.id);
        expect(both.nodes.every((n) => mentions(n, c.firstName) && mentions(n, c.lastName))).toBe(true);
        expect(bothIds.length).toBeLessThan(ids.length);
      });

      it('pages through every customer with cursors, without repeats or gaps', async () => {
        const seen: string[] = [];
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const page = await crm.searchCustomers('', { first: 25, after });
          pages += 1;
          expect(page.nodes.length).toBeLessThanOrEqual(25);
          expect(page.totalCount).toBe(dataset.customers.length);
          seen.push(...page.nodes.map((n) => n.id));
          if (!page.hasNextPage) break;
          expect(page.endCursor).not.toBeNull();
          after = page.endCursor;
          if (pages > 10) throw new Error('pagination does not end');
        }
        expect(pages).toBe(Math.ceil(dataset.customers.length / 25));
        expect(new Set(seen).size).toBe(seen.length);
        expect([...seen].sort()).toEqual(dataset.customers.map((c) => c.id).sort());
      });

      it('finds nothing for a query nobody matches', async () => {
        const page = await crm.searchCustomers('zzz-nobody-zzz', { first: 10 });
        expect(page).toEqual({ nodes: [], totalCount: 0, endCursor: null, hasNextPage: false });
      });

      it('rejects a cursor it did not issue as invalid input', async () => {
        await expect(crm.searchCustomers('', { first: 10, after: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidInputError);
      });
    });

    describe('findInteractionsByCustomerIds', () => {
      it('returns each customer\'s newest interactions first, at most `first`, aligned with the ids', async () => {
        const c = busiest();
        const other = dataset.customers.find((x) => x.id !== c.id && interactionsOf(x.id).length > 0)!;
        const [mine, unknown, others, again] = await crm.findInteractionsByCustomerIds([c.id, 'C-999999', other.id, c.id], { first: 3 });
        const want = newestFirst(interactionsOf(c.id)).slice(0, 3);
        expect(mine!.map((i) => i.occurredAt)).toEqual(want.map((i) => i.occurredAt));
        expect(mine!.every((i) => i.customerId === c.id)).toBe(true);
        expect(unknown).toEqual([]);
        expect(others!.length).toBe(Math.min(3, interactionsOf(other.id).length));
        expect(again).toEqual(mine);
      });

      it('maps kind, channel, time, subject, status and agent', async () => {
        const c = busiest();
        const [all] = await crm.findInteractionsByCustomerIds([c.id], { first: 500 });
        const byId = new Map(interactionsOf(c.id).map((i) => [i.id, i]));
        expect(all!.length).toBe(byId.size);
        for (const got of all!) {
          const want = byId.get(got.id)!;
          expect(got).toEqual({
            id: want.id,
            customerId: want.customerId,
            kind: want.kind,
            channel: want.channel,
            occurredAt: want.occurredAt,
            subject: want.subject,
            status: want.status,
            agent: want.agent,
          });
        }
      });

      it('keeps only the channels asked for', async () => {
        const c = busiest();
        const [phoneOrEmail] = await crm.findInteractionsByCustomerIds([c.id], { first: 500, channels: ['PHONE', 'EMAIL'] });
        const want = interactionsOf(c.id).filter((i) => i.channel === 'PHONE' || i.channel === 'EMAIL');
        expect(phoneOrEmail!.map((i) => i.id).sort()).toEqual(want.map((i) => i.id).sort());
        const [none] = await crm.findInteractionsByCustomerIds([c.id], { first: 10, channels: [] });
        expect(none).toEqual([]);
      });

      it('answers an empty batch with an empty list', async () => {
        await expect(crm.findInteractionsByCustomerIds([], { first: 5 })).resolves.toEqual([]);
      });
    });
  });
}
