// The promises every InventoryPort adapter keeps, as a jest suite. Run it against a new adapter
// from a test file: describeInventoryPortContract('my WMS', async (dataset) => { load; return { port, close } }).
// The factory receives the dataset the assertions expect, and must load it into the store first.
import { InvalidInputError } from '../../lib/errors';
import { DEMO_EPOCH, generateDemoDataset, type DemoDataset } from '../../demo/data/demo-dataset';
import type { DistributionCenter, InventoryPort, StockLevel } from './inventory-port';

export interface InventoryPortFixture {
  port: InventoryPort;
  close(): Promise<void>;
}

const DAY = 86_400_000;

/** Pairs the contract looks at closely: one only expected, one oversold, one with two arrivals. */
export interface InventoryContractCases {
  expectedOnly: { sku: string; centerCode: string };
  oversold: { sku: string; centerCode: string };
  twoArrivals: { sku: string; centerCode: string };
}

/** A small slice of the demo world with the awkward cases legacy stock data holds. */
export function inventoryContractDataset(): DemoDataset & { cases: InventoryContractCases } {
  const dataset = generateDemoDataset({ customers: 5, products: 40, orders: 5 });
  const held = new Set(dataset.stock.map((s) => `${s.sku}|${s.centerCode}`));
  const expectedOnlyPair = dataset.products
    .flatMap((p) => dataset.centers.map((c) => ({ sku: p.sku, centerCode: c.code })))
    .find((k) => !held.has(`${k.sku}|${k.centerCode}`) && !dataset.incoming.some((i) => i.sku === k.sku && i.centerCode === k.centerCode))!;
  // A centre that holds none of the item yet expects a delivery.
  dataset.incoming.push({ ...expectedOnlyPair, quantity: 25, expectedAt: new Date(DEMO_EPOCH + 9 * DAY) });
  // More reserved than on hand (an oversell the legacy system allowed): nothing is available.
  const oversold = dataset.stock.find((s) => s.onHand > 3)!;
  oversold.reserved = oversold.onHand + 4;
  // A second arrival listed after the first but due earlier: arrivals come back earliest first.
  const first = dataset.incoming[0]!;
  dataset.incoming.push({ sku: first.sku, centerCode: first.centerCode, quantity: 7, expectedAt: new Date(first.expectedAt.getTime() - DAY) });
  return {
    ...dataset,
    cases: {
      expectedOnly: expectedOnlyPair,
      oversold: { sku: oversold.sku, centerCode: oversold.centerCode },
      twoArrivals: { sku: first.sku, centerCode: first.centerCode },
    },
  };
}

/** What the port must answer for the dataset: every pair held or expected, by SKU then centre code. */
function expectedLevels(dataset: DemoDataset): StockLevel[] {
  const levels = new Map<string, StockLevel>();
  const levelOf = (sku: string, centerCode: string) => {
    const key = `${sku}|${centerCode}`;
    let level = levels.get(key);
    if (!level) levels.set(key, (level = { sku, centerCode, onHand: 0, reserved: 0, available: 0, incoming: [] }));
    return level;
  };
  for (const s of dataset.stock) Object.assign(levelOf(s.sku, s.centerCode), { onHand: s.onHand, reserved: s.reserved, available: Math.max(0, s.onHand - s.reserved) });
  for (const i of dataset.incoming) levelOf(i.sku, i.centerCode).incoming.push({ quantity: i.quantity, expectedAt: i.expectedAt });
  for (const level of levels.values()) level.incoming.sort((a, b) => a.expectedAt.getTime() - b.expectedAt.getTime());
  return [...levels.values()].sort((a, b) => a.sku.localeCompare(b.sku) || a.centerCode.localeCompare(b.centerCode));
}

export function describeInventoryPortContract(
  label: string,
  open: (dataset: DemoDataset) => Promise<InventoryPortFixture>,
): void {
  describe(`InventoryPort contract: ${label}`, () => {
    const dataset = inventoryContractDataset();
    const { cases } = dataset;
    const levels = expectedLevels(dataset);
    const levelsOfSku = (sku: string) => levels.filter((l) => l.sku === sku);
    const levelsOfCenter = (code: string) => levels.filter((l) => l.centerCode === code);
    const centers: DistributionCenter[] = [...dataset.centers].sort((a, b) => a.code.localeCompare(b.code));
    let fixture: InventoryPortFixture;
    let inventory: InventoryPort;

    beforeAll(async () => {
      fixture = await open(dataset);
      inventory = fixture.port;
    });
    afterAll(async () => {
      await fixture?.close();
    });

    describe('distribution centres', () => {
      it('lists every centre ordered by code, with its coordinates', async () => {
        expect(await inventory.listCenters()).toEqual(centers);
      });

      it('finds centres by code aligned with the request, null for unknown codes', async () => {
        const [a, b] = [centers[0]!, centers[3]!];
        expect(await inventory.findCentersByCodes([b.code, 'DC-NONE', a.code, b.code])).toEqual([b, null, a, b]);
        expect(await inventory.findCentersByCodes([])).toEqual([]);
      });
    });

    describe('stock by product', () => {
      it('gives every product its stock in each centre, by centre code, aligned with the SKUs', async () => {
        const skus = dataset.products.map((p) => p.sku);
        expect(await inventory.findStockBySkus(skus)).toEqual(skus.map(levelsOfSku));
      });

      it('answers an unknown SKU with an empty list and keeps repeats aligned', async () => {
        const sku = dataset.products[4]!.sku;
        expect(await inventory.findStockBySkus(['SKU-NONE', sku, sku])).toEqual([[], levelsOfSku(sku), levelsOfSku(sku)]);
        expect(await inventory.findStockBySkus([])).toEqual([]);
      });

      it('includes a centre that holds none of the product but expects a delivery', async () => {
        const [stock] = await inventory.findStockBySkus([cases.expectedOnly.sku]);
        const level = stock!.find((l) => l.centerCode === cases.expectedOnly.centerCode);
        expect(level).toEqual({ ...cases.expectedOnly, onHand: 0, reserved: 0, available: 0, incoming: [{ quantity: 25, expectedAt: expect.any(Date) }] });
      });

      it('never reports less than zero available, even when more is reserved than on hand', async () => {
        const [stock] = await inventory.findStockBySkus([cases.oversold.sku]);
        const level = stock!.find((l) => l.centerCode === cases.oversold.centerCode)!;
        expect(level.reserved).toBeGreaterThan(level.onHand);
        expect(level.available).toBe(0);
      });

      it('lists expected arrivals earliest first', async () => {
        const [stock] = await inventory.findStockBySkus([cases.twoArrivals.sku]);
        const level = stock!.find((l) => l.centerCode === cases.twoArrivals.centerCode)!;
        expect(level.incoming).toHaveLength(2);
        expect(level.incoming[0]!.expectedAt.getTime()).toBeLessThan(level.incoming[1]!.expectedAt.getTime());
        expect(level.incoming[0]!.quantity).toBe(7);
      });
    });

    describe('stock by centre', () => {
      it("gives each centre its stock by SKU, at most `first`, aligned with the codes", async () => {
        const [a, b] = [centers[1]!.code, centers[2]!.code];
        const found = await inventory.findStockByCenterCodes([a, 'DC-NONE', b, a], { first: 6 });
        expect(found).toEqual([levelsOfCenter(a).slice(0, 6), [], levelsOfCenter(b).slice(0, 6), levelsOfCenter(a).slice(0, 6)]);
      });

      it('returns the whole stock of a centre when `first` is large enough', async () => {
        const code = cases.expectedOnly.centerCode;
        expect(await inventory.findStockByCenterCodes([code], { first: 1000 })).toEqual([levelsOfCenter(code)]);
      });

      it('answers first: 0 and an empty batch with empty lists, and rejects a negative first', async () => {
        expect(await inventory.findStockByCenterCodes([centers[0]!.code], { first: 0 })).toEqual([[]]);
        expect(await inventory.findStockByCenterCodes([], { first: 5 })).toEqual([]);
        await expect(inventory.findStockByCenterCodes([centers[0]!.code], { first: -1 })).rejects.toBeInstanceOf(InvalidInputError);
      });
    });
  });
}
