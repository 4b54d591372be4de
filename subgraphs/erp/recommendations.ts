// Composition of the ERP's upsell recommendations: order history from the ERP's database, stock
// from the warehouse system's database (read only), the model rebuilt after every order.updated.
import type { Kysely } from 'kysely';
import type { EventBus } from '../../adapters/events/event-bus-port';
import { CachedRecommendations } from '../../adapters/erp/recommendations/cached-recommendations';
import { inStockFromInventory } from '../../adapters/erp/recommendations/inventory-stock-check';
import type { RecommendationsPort } from '../../adapters/erp/recommendations/recommendations-port';
import { readPurchasePairs } from '../../adapters/erp/recommendations/sql-purchase-history';
import type { ErpTables } from '../../adapters/erp/sql/erp-tables';
import { openInventorySql } from '../../adapters/inventory/sql/open-inventory-sql';
import type { StatementObserver } from '../../adapters/sql/database';
import type { Logger } from '../../lib/logger';

export interface OpenRecommendationsOptions {
  erpDb: Kysely<ErpTables>;
  inventoryDatabaseUrl: string;
  events: EventBus;
  statementObserver?: StatementObserver;
  log: Logger;
}

export async function openRecommendations(options: OpenRecommendationsOptions): Promise<{ recommendations: RecommendationsPort; close(): Promise<void> }> {
  // The warehouse system owns its tables (the inventory service migrates them): read only here.
  const inventory = await openInventorySql(options.inventoryDatabaseUrl, { observer: options.statementObserver, migrate: false });
  try {
    const recommendations = new CachedRecommendations({ readPurchases: () => readPurchasePairs(options.erpDb), inStock: inStockFromInventory(inventory.inventory) });
    const unsubscribe = await options.events.subscribe('order.updated', () => recommendations.invalidate());
    options.log.debug('recommendations rebuild after every order.updated');
    return {
      recommendations,
      async close() {
        await unsubscribe();
        await inventory.close();
      },
    };
  } catch (error) {
    await inventory.close();
    throw error;
  }
}
