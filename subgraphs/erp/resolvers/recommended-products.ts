import type { Product } from '../../../adapters/erp/erp-port';
import type { ErpLoaders } from '../loaders';

/** The products of recommended SKUs, in order; a SKU gone from the item master is left out. */
export async function productsBySku(skus: readonly string[], loaders: ErpLoaders): Promise<Product[]> {
  const products = await loaders.productBySku.loadMany(skus);
  const found: Product[] = [];
  for (const p of products) {
    if (p instanceof Error) throw p;
    if (p) found.push(p);
  }
  return found;
}
