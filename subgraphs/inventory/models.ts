// The inventory subgraph's own models (codegen maps schema types to these).
import type { StockLevel } from '../../adapters/inventory/inventory-port';

/** A product as the inventory extends it: only its SKU (the item master lives in the ERP). */
export interface ProductRef {
  sku: string;
}

/** A product's availability across every centre, derived from its stock levels. */
export interface ProductAvailabilityModel {
  available: number;
  inStock: boolean;
  nextRestockAt: Date | null;
  byCenter: StockLevel[];
}

export function availabilityOf(levels: StockLevel[]): ProductAvailabilityModel {
  const available = levels.reduce((sum, level) => sum + level.available, 0);
  let nextRestockAt: Date | null = null;
  for (const level of levels) {
    for (const arrival of level.incoming) {
      if (nextRestockAt === null || arrival.expectedAt < nextRestockAt) nextRestockAt = arrival.expectedAt;
    }
  }
  return { available, inStock: available > 0, nextRestockAt, byCenter: levels };
}
