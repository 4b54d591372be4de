// Creates every store's tables and fills the empty ones with the demo world. Safe to run again:
// a store that already has data is left as it is.
import type { Logger } from '../../lib/logger';
import { generateDemoDataset, type DemoDataset } from '../../demo/data/demo-dataset';
import { openErpSql } from '../../adapters/erp/sql/open-erp-sql';
import { openInventorySql } from '../../adapters/inventory/sql/open-inventory-sql';
import { openHubStore } from '../../adapters/hub/sql/hub-sql-store';
import { openSocialStore } from '../../adapters/social/sql/social-sql-store';
import { seedErp } from '../../demo/seed/seed-erp';
import { seedInventory } from '../../demo/seed/seed-inventory';
import { seedHub } from '../../demo/seed/seed-hub';
import { seedSocial } from '../../demo/seed/seed-social';
import type { HubConfig } from './hub-config';

export interface SeedReport {
  erp: boolean;
  inventory: boolean;
  identityLinks: number;
  socialMentions: number;
}

export async function prepareDemoStores(databases: HubConfig['databases'], log: Logger, dataset: DemoDataset = generateDemoDataset()): Promise<SeedReport> {
  const started = Date.now();
  const erp = await openErpSql(databases.erp);
  const inventory = await openInventorySql(databases.inventory);
  const hub = await openHubStore(databases.hub);
  const social = await openSocialStore(databases.social);
  try {
    const [erpSeeded, inventorySeeded, identityLinks] = await Promise.all([
      seedErp(erp.database.db, dataset),
      seedInventory(inventory.database.db, dataset),
      seedHub(hub, dataset),
    ]);
    // Mentions link to customers through the identities, so the hub goes first.
    const socialResult = await seedSocial({ social, identities: hub.identities }, dataset);
    const report = { erp: erpSeeded, inventory: inventorySeeded, identityLinks, socialMentions: socialResult.mentionsCreated };
    log.info({ ...report, ms: Date.now() - started }, 'demo stores ready');
    return report;
  } finally {
    await Promise.all([erp.close(), inventory.close(), hub.close(), social.close()]);
  }
}
