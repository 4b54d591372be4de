// In stock = units available to sell now in any distribution centre, from the warehouse system.
import type { InventoryPort } from '../../inventory/inventory-port';
import type { InStockCheck } from './recommendations-port';

export function inStockFromInventory(inventory: Pick<InventoryPort, 'findStockBySkus'>): InStockCheck {
  return async (skus) => (await inventory.findStockBySkus(skus)).map((levels) => levels.some((l) => l.available > 0));
}
