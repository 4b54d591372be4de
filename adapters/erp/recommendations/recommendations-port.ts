// Upsell: products bought together, and products a customer may want next, filtered to what is in stock.
import type { ScoredSku } from './item-similarity';

export interface RecommendationsPort {
  /** Aligned with skus: the products most often bought with each, in stock, at most `first`. */
  alsoBought(skus: readonly string[], first: number): Promise<ScoredSku[][]>;
  /**
   * Aligned with the account lists (one list per customer): products similar to what the
   * customer's accounts bought, none of those, in stock, at most `first`.
   */
  recommendForAccounts(accountsPerCustomer: readonly (readonly string[])[], first: number): Promise<ScoredSku[][]>;
  /** Marks the model stale (an order changed): the next read rebuilds it. */
  invalidate(): void;
}

/** Aligned with skus: whether each product can be sold now. */
export type InStockCheck = (skus: readonly string[]) => Promise<boolean[]>;
