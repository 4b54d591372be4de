// Recommendations over a cached similarity model: built once from the purchase history, rebuilt on
// the first read after invalidate() (the ERP service calls it on every order.updated event). One
// build at a time; reads during a build share it. Candidates are checked for stock in one call per
// batch, so that only products that can be sold now are offered.
import { buildSimilarityModel, recommendFor, type ScoredSku, type SimilarityModel } from './item-similarity';
import type { InStockCheck, RecommendationsPort } from './recommendations-port';

export interface CachedRecommendationsOptions {
  /** Reads every (account, sku) purchase pair. */
  readPurchases: () => Promise<{ accountNumber: string; sku: string }[]>;
  inStock: InStockCheck;
  /** Neighbours kept per product (default 50). */
  neighbours?: number;
}

export class CachedRecommendations implements RecommendationsPort {
  private model: Promise<SimilarityModel> | null = null;
  private generation = 0;
  /** How many times the model was built (for tests and metrics). */
  builds = 0;

  constructor(private readonly options: CachedRecommendationsOptions) {}

  invalidate(): void {
    this.generation += 1;
    this.model = null;
  }

  private current(): Promise<SimilarityModel> {
    if (!this.model) {
      const generation = this.generation;
      const building = this.options.readPurchases().then((pairs) => {
        this.builds += 1;
        return buildSimilarityModel(pairs, this.options.neighbours ?? 50);
      });
      this.model = building;
      // A failed build is not cached; one invalidated while building is used once and then dropped.
      building.then(
        () => {
          if (this.generation !== generation && this.model === building) this.model = null;
        },
        () => {
          if (this.model === building) this.model = null;
        },
      );
    }
    return this.model;
  }

  /** Keeps, per list, the first `first` candidates in stock (one stock check for all lists). */
  private async inStockOnly(lists: ScoredSku[][], first: number): Promise<ScoredSku[][]> {
    // Enough candidates per list to fill it in the usual case without asking about every product.
    const window = Math.max(first * 4, 20);
    const candidates = [...new Set(lists.flatMap((l) => l.slice(0, window).map((c) => c.sku)))];
    const flags = candidates.length ? await this.options.inStock(candidates) : [];
    const available = new Set(candidates.filter((_, i) => flags[i]));
    return lists.map((l) => l.slice(0, window).filter((c) => available.has(c.sku)).slice(0, first));
  }

  async alsoBought(skus: readonly string[], first: number): Promise<ScoredSku[][]> {
    const model = await this.current();
    return this.inStockOnly(skus.map((sku) => [...model.neighboursOf(sku)]), first);
  }

  async recommendForAccounts(accountsPerCustomer: readonly (readonly string[])[], first: number): Promise<ScoredSku[][]> {
    const model = await this.current();
    const lists = accountsPerCustomer.map((accounts) => {
      const owned = new Set<string>();
      for (const account of accounts) for (const sku of model.purchasesOf(account)) owned.add(sku);
      return recommendFor(model, owned);
    });
    return this.inStockOnly(lists, first);
  }
}
