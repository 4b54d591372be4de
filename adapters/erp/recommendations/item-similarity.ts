// Item-to-item collaborative filtering. Each product is a vector over the ERP accounts that bought
// it (1 when the account bought it at least once); two products are similar by the cosine of their
// vectors: accounts that bought both / sqrt(accounts that bought one × accounts that bought the other).

export interface ScoredSku {
  sku: string;
  score: number;
}

export interface SimilarityModel {
  /** Neighbours of each product, most similar first (ties by SKU), at most `neighbours` each. */
  neighboursOf(sku: string): readonly ScoredSku[];
  /** What each account bought. */
  purchasesOf(accountNumber: string): ReadonlySet<string>;
}

/** Builds the model from (account, sku) purchase pairs (duplicates allowed). */
export function buildSimilarityModel(purchases: Iterable<{ accountNumber: string; sku: string }>, neighbours = 50): SimilarityModel {
  const basketOf = new Map<string, Set<string>>();
  for (const { accountNumber, sku } of purchases) {
    (basketOf.get(accountNumber) ?? basketOf.set(accountNumber, new Set()).get(accountNumber)!).add(sku);
  }
  const buyers = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  for (const basket of basketOf.values()) {
    const items = [...basket];
    for (const a of items) {
      buyers.set(a, (buyers.get(a) ?? 0) + 1);
      const row = together.get(a) ?? together.set(a, new Map()).get(a)!;
      for (const b of items) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const neighbourLists = new Map<string, ScoredSku[]>();
  for (const [a, row] of together) {
    const list: ScoredSku[] = [];
    for (const [b, both] of row) list.push({ sku: b, score: both / Math.sqrt(buyers.get(a)! * buyers.get(b)!) });
    list.sort((x, y) => y.score - x.score || x.sku.localeCompare(y.sku));
    neighbourLists.set(a, list.slice(0, neighbours));
  }
  const none = new Set<string>();
  return {
    neighboursOf: (sku) => neighbourLists.get(sku) ?? [],
    purchasesOf: (account) => basketOf.get(account) ?? none,
  };
}

/**
 * Scores candidates for someone who owns `owned`: the sum of their similarities to each owned
 * product, owned products excluded; best first (ties by SKU).
 */
export function recommendFor(model: SimilarityModel, owned: ReadonlySet<string>): ScoredSku[] {
  const scores = new Map<string, number>();
  for (const sku of owned) {
    for (const n of model.neighboursOf(sku)) if (!owned.has(n.sku)) scores.set(n.sku, (scores.get(n.sku) ?? 0) + n.score);
  }
  return [...scores].map(([sku, score]) => ({ sku, score })).sort((x, y) => y.score - x.score || x.sku.localeCompare(y.sku));
}
