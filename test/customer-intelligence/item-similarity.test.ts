// Item-to-item collaborative filtering on its own: cosine similarity of co-purchase vectors,
// recommendations that exclude what is owned, and the cached model rebuilt only after an order changed.
import { CachedRecommendations } from '../../adapters/erp/recommendations/cached-recommendations';
import { buildSimilarityModel, recommendFor } from '../../adapters/erp/recommendations/item-similarity';

const baskets: Record<string, string[]> = {
  a1: ['A'],
  a2: ['A', 'B'],
  a3: ['A', 'B', 'B'],
  a4: ['A', 'B', 'D'],
  a5: ['A', 'C', 'D'],
};
const pairs = () => Object.entries(baskets).flatMap(([accountNumber, skus]) => skus.map((sku) => ({ accountNumber, sku })));

describe('item similarity', () => {
  it('is the cosine of the products buyer vectors, best first', () => {
    const model = buildSimilarityModel(pairs());
    const neighbours = model.neighboursOf('A').map((n) => [n.sku, Number(n.score.toFixed(4))]);
    expect(neighbours).toEqual([
      ['B', Number((3 / Math.sqrt(5 * 3)).toFixed(4))],
      ['D', Number((2 / Math.sqrt(5 * 2)).toFixed(4))],
      ['C', Number((1 / Math.sqrt(5 * 1)).toFixed(4))],
    ]);
    expect(model.neighboursOf('B').map((n) => n.sku)).toEqual(['A', 'D']);
    expect(model.neighboursOf('Z')).toEqual([]);
  });

  it('recommends by summed similarity to what is owned, never what is owned', () => {
    const model = buildSimilarityModel(pairs());
    const recs = recommendFor(model, new Set(['B', 'C']));
    expect(recs.map((r) => r.sku)).toEqual(['A', 'D']);
    // D: sim(B,D) + sim(C,D) = 1/sqrt(3*2) + 1/sqrt(1*2)
    expect(recs[1].score).toBeCloseTo(1 / Math.sqrt(6) + 1 / Math.sqrt(2), 6);
    expect(recommendFor(model, new Set())).toEqual([]);
  });
});

describe('cached recommendations', () => {
  it('builds once, rebuilds after invalidate, and offers only products in stock', async () => {
    let reads = 0;
    const history = pairs();
    const inStockAsked: string[][] = [];
    const recs = new CachedRecommendations({
      readPurchases: async () => {
        reads += 1;
        return history;
      },
      inStock: async (skus) => {
        inStockAsked.push([...skus]);
        return skus.map((s) => s !== 'D');
      },
    });
    expect(await recs.alsoBought(['A', 'C'], 5)).toEqual([
      [expect.objectContaining({ sku: 'B' }), expect.objectContaining({ sku: 'C' })],
      [expect.objectContaining({ sku: 'A' })],
    ]);
    expect(inStockAsked).toHaveLength(1); // one stock check for the whole batch
    await Promise.all([recs.alsoBought(['B'], 1), recs.recommendForAccounts([['a1'], ['a5', 'a2']], 5)]);
    expect(reads).toBe(1);

    history.push({ accountNumber: 'a6', sku: 'A' }, { accountNumber: 'a6', sku: 'E' });
    expect((await recs.alsoBought(['A'], 5))[0].map((c) => c.sku)).toEqual(['B', 'C']);
    recs.invalidate();
    expect((await recs.alsoBought(['A'], 5))[0].map((c) => c.sku)).toEqual(['B', 'C', 'E']);
    expect(reads).toBe(2);

    // a1 owns A; a5 and a2 together own A, B, C, D.
    const [one, two] = await recs.recommendForAccounts([['a1'], ['a5', 'a2']], 5);
    expect(one.map((c) => c.sku)).toEqual(['B', 'C', 'E']);
    expect(two.map((c) => c.sku)).toEqual(['E']);
  });
});
