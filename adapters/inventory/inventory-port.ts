// The warehouse system as the hub sees it: distribution centres and stock per product per centre.

export interface DistributionCenter {
  code: string;
  name: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
}

export interface IncomingStock {
  quantity: number;
  expectedAt: Date;
}

export interface StockLevel {
  sku: string;
  centerCode: string;
  onHand: number;
  reserved: number;
  /** On hand less reserved, never below zero. */
  available: number;
  /** Expected arrivals, earliest first. */
  incoming: IncomingStock[];
}

export interface InventoryPort {
  /** Every centre, ordered by code. */
  listCenters(): Promise<DistributionCenter[]>;
  /** Aligned with codes; null for an unknown code. */
  findCentersByCodes(codes: readonly string[]): Promise<(DistributionCenter | null)[]>;
  /** Aligned with skus: the product's stock in every centre that holds or expects it, by centre code. */
  findStockBySkus(skus: readonly string[]): Promise<StockLevel[][]>;
  /** Aligned with centre codes: the centre's stock ordered by sku, at most `first` each. */
  findStockByCenterCodes(codes: readonly string[], options: { first: number }): Promise<StockLevel[][]>;
}
