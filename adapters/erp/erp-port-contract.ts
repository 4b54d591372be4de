// The promises every ErpPort adapter keeps, as a jest suite. Run it against a new adapter from a
// test file: describeErpPortContract('my ERP', async (dataset) => { load dataset; return { port, close } }).
// The factory receives the dataset the assertions expect, and must load it into the store first.
import { InvalidInputError } from '../../lib/errors';
import { generateDemoDataset, type DemoDataset, type DemoOrder } from '../../demo/data/demo-dataset';
import type { ErpPort, Order, OrderLine, Product } from './erp-port';

export interface ErpPortFixture {
  port: ErpPort;
  close(): Promise<void>;
}

/** A small slice of the demo world: big enough for pages and per-account limits, quick to load. */
export function erpContractDataset(): DemoDataset {
  const dataset = generateDemoDataset({ customers: 30, products: 45, orders: 240 });
  // The small demo slice is nearly all shipped history; give the first orders every status, so
  // that the contract sees each one round-trip.
  const statuses: DemoOrder['status'][] = ['OPEN', 'CONFIRMED', 'BACKORDERED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CANCELLED'];
  dataset.orders.slice(0, 24).forEach((o, i) => (o.status = statuses[i % statuses.length]!));
  return dataset;
}

const CURRENCY = 'USD';

function expectedProduct(p: DemoDataset['products'][number]): Product {
  return { sku: p.sku, name: p.name, description: p.description, category: p.category, priceCents: p.priceCents, currency: CURRENCY };
}

function expectedOrder(o: DemoOrder): Order {
  return {
    id: o.id,
    number: o.number,
    accountNumber: o.accountNumber,
    channel: o.channel,
    partnerId: o.partnerId,
    status: o.status,
    placedAt: o.placedAt,
    totalCents: o.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0),
    currency: CURRENCY,
  };
}

function expectedLines(o: DemoOrder): OrderLine[] {
  return [...o.lines]
    .sort((a, b) => a.lineNumber - b.lineNumber)
    .map((l) => ({ orderId: o.id, lineNumber: l.lineNumber, sku: l.sku, quantity: l.quantity, unitPriceCents: l.unitPriceCents, currency: CURRENCY }));
}

/** Newest first; the order number breaks a tie. */
function newestFirst(a: DemoOrder, b: DemoOrder): number {
  return b.placedAt.getTime() - a.placedAt.getTime() || b.number.localeCompare(a.number);
}

export function describeErpPortContract(label: string, open: (dataset: DemoDataset) => Promise<ErpPortFixture>): void {
  describe(`ErpPort contract: ${label}`, () => {
    const dataset = erpContractDataset();
    const products = [...dataset.products].sort((a, b) => a.sku.localeCompare(b.sku));
    const ordersByAccount = new Map<string, DemoOrder[]>();
    for (const o of dataset.orders) ordersByAccount.set(o.accountNumber, [...(ordersByAccount.get(o.accountNumber) ?? []), o]);
    const busiest = [...ordersByAccount.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    let fixture: ErpPortFixture;
    let erp: ErpPort;

    beforeAll(async () => {
      fixture = await open(dataset);
      erp = fixture.port;
    });
    afterAll(async () => {
      await fixture?.close();
    });

    describe('products', () => {
      it('finds products by SKU aligned with the request, repeats included, null for unknown SKUs', async () => {
        const [a, b] = [products[3]!, products[17]!];
        const found = await erp.findProductsBySkus([b.sku, 'SKU-NOPE', a.sku, b.sku, '']);
        expect(found).toEqual([expectedProduct(b), null, expectedProduct(a), expectedProduct(b), null]);
      });

      it('answers an empty batch with an empty list', async () => {
        expect(await erp.findProductsBySkus([])).toEqual([]);
      });

      it('pages through the whole catalogue in SKU order with opaque cursors', async () => {
        const seen: Product[] = [];
        let after: string | null = null;
        for (let page = 0; page < 20; page += 1) {
          const result: Awaited<ReturnType<ErpPort['listProducts']>> = await erp.listProducts({ first: 7, after });
          expect(result.nodes.length).toBeLessThanOrEqual(7);
          seen.push(...result.nodes);
          if (!result.hasNextPage) break;
          expect(result.endCursor).toEqual(expect.any(String));
          after = result.endCursor;
        }
        expect(seen).toEqual(products.map(expectedProduct));
      });

      it('says there is no next page when the last page is exactly full', async () => {
        const all = await erp.listProducts({ first: products.length });
        expect(all.nodes).toHaveLength(products.length);
        expect(all.hasNextPage).toBe(false);
        const beyond = await erp.listProducts({ first: 5, after: all.endCursor });
        expect(beyond).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
      });

      it('filters by category, still in SKU order', async () => {
        const category = products[0]!.category;
        const expected = products.filter((p) => p.category === category).map(expectedProduct);
        const first = await erp.listProducts({ category, first: 2 });
        const rest = await erp.listProducts({ category, first: 100, after: first.endCursor });
        expect([...first.nodes, ...rest.nodes]).toEqual(expected);
        expect(first.hasNextPage).toBe(expected.length > 2);
        expect(await erp.listProducts({ category: 'No Such Category', first: 10 })).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
      });

      it('answers first: 0 with no products but tells whether any exist', async () => {
        expect(await erp.listProducts({ first: 0 })).toEqual({ nodes: [], endCursor: null, hasNextPage: true });
      });

      it('rejects a cursor it did not issue and a negative page size as invalid input', async () => {
        await expect(erp.listProducts({ first: 5, after: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidInputError);
        await expect(erp.listProducts({ first: 5, after: Buffer.from('SKU-00001').toString('base64url') })).rejects.toBeInstanceOf(InvalidInputError);
        await expect(erp.listProducts({ first: -1 })).rejects.toBeInstanceOf(InvalidInputError);
      });
    });

    describe('orders', () => {
      it('finds orders by id aligned with the request, null for unknown or malformed ids', async () => {
        const [a, b] = [dataset.orders[5]!, dataset.orders[100]!];
        const found = await erp.findOrdersByIds([b.id, 'SO-9999999', a.id, 'banana', `SO-0${a.number}`, b.id]);
        expect(found).toEqual([expectedOrder(b), null, expectedOrder(a), null, null, expectedOrder(b)]);
      });

      it('gives each account its newest orders, at most `first`, aligned with the accounts', async () => {
        const [account, orders] = busiest;
        const newest = [...orders].sort(newestFirst).map(expectedOrder);
        const other = dataset.orders.find((o) => o.accountNumber !== account)!.accountNumber;
        const otherOrders = ordersByAccount.get(other)!.sort(newestFirst).map(expectedOrder);

        const limited = await erp.findOrdersByAccountNumbers([account, 'A-UNKNOWN', other, account], { first: 3 });
        expect(limited).toEqual([newest.slice(0, 3), [], otherOrders.slice(0, 3), newest.slice(0, 3)]);

        const all = await erp.findOrdersByAccountNumbers([account], { first: 100 });
        expect(all).toEqual([newest]);
      });

      it('gives only the orders that came through a partner when asked for one partner', async () => {
        const partnered = dataset.orders.filter((o) => o.partnerId !== null);
        const partner = partnered[0]!.partnerId!;
        const accounts = [...new Set(partnered.map((o) => o.accountNumber))].slice(0, 5);
        const expected = accounts.map((account) =>
          (ordersByAccount.get(account) ?? []).filter((o) => o.partnerId === partner).sort(newestFirst).slice(0, 2).map(expectedOrder),
        );
        expect(await erp.findOrdersByAccountNumbers(accounts, { first: 2, partnerId: partner })).toEqual(expected);
        expect(await erp.findOrdersByAccountNumbers(accounts, { first: 2, partnerId: 'NOBODY' })).toEqual(accounts.map(() => []));
      });

      it('answers first: 0 and an empty batch with empty lists, and rejects a negative first', async () => {
        expect(await erp.findOrdersByAccountNumbers([busiest[0]], { first: 0 })).toEqual([[]]);
        expect(await erp.findOrdersByAccountNumbers([], { first: 5 })).toEqual([]);
        await expect(erp.findOrdersByAccountNumbers([busiest[0]], { first: -2 })).rejects.toBeInstanceOf(InvalidInputError);
      });

      it("gives each order's lines by line number, aligned, an empty list for an unknown order", async () => {
        const [a, b] = [dataset.orders[7]!, dataset.orders.find((o) => o.lines.length > 2)!];
        const lines = await erp.findLinesByOrderIds([b.id, 'SO-9999999', a.id, 'nonsense']);
        expect(lines).toEqual([expectedLines(b), [], expectedLines(a), []]);
      });

      it('maps every order status and channel', async () => {
      const found = await erp.findOrdersByIds(dataset.orders.map((o) => o.id));
      expect(new Set(found.map((o) => o!.status))).toEqual(new Set(dataset.orders.map((o) => o.status)));
      expect(new Set(found.map((o) => o!.channel))).toEqual(new Set(['WEB', 'MOBILE', 'CALL_CENTER', 'PARTNER']));
      expect(found).toEqual(dataset.orders.map(expectedOrder));
    });

    it('keeps each order total equal to the sum of its lines', async () => {
        const ids = dataset.orders.slice(0, 25).map((o) => o.id);
        const [orders, lines] = await Promise.all([erp.findOrdersByIds(ids), erp.findLinesByOrderIds(ids)]);
        orders.forEach((order, i) => {
          expect(order!.totalCents).toBe(lines[i]!.reduce((sum, l) => sum + l.quantity * l.unitPriceCents, 0));
        });
      });
    });

    describe('credit accounts', () => {
      it('finds credit accounts aligned with the account numbers, null for unknown accounts', async () => {
        const [a, b] = [dataset.customers[2]!, dataset.customers[9]!];
        const found = await erp.findCreditAccountsByAccountNumbers([b.accountNumber, 'A-UNKNOWN', a.accountNumber]);
        expect(found[1]).toBeNull();
        expect(found[0]).toEqual({ accountNumber: b.accountNumber, limitCents: b.creditLimitCents, usedCents: expect.any(Number), currency: CURRENCY });
        expect(found[2]).toEqual({ accountNumber: a.accountNumber, limitCents: a.creditLimitCents, usedCents: expect.any(Number), currency: CURRENCY });
        for (const account of [found[0]!, found[2]!]) {
          expect(Number.isInteger(account.usedCents)).toBe(true);
          expect(account.usedCents).toBeGreaterThanOrEqual(0);
        }
        expect(await erp.findCreditAccountsByAccountNumbers([])).toEqual([]);
      });
    });
  });
}
