// Starts, in the hub process, everything that hears changes made outside the hub: triggers and
// pollers on the ERP's and the warehouse's databases, and the CRM's change feed.
import type { EventRuntime } from '../../adapters/events/event-runtime';
import { startCrmInteractionFeed } from '../../adapters/crm/http/change-feed/crm-interaction-feed';
import { startErpChangeCapture } from '../../adapters/erp/sql/change-capture/erp-change-capture';
import { startInventoryChangeCapture } from '../../adapters/inventory/sql/change-capture/inventory-change-capture';
import type { Logger } from '../../lib/logger';
import type { HubConfig } from './hub-config';

export interface HubChangeCaptureOptions {
  databases: HubConfig['databases'];
  crmApiUrl: string;
  crmApiKey?: string;
  intervalMs?: number;
  log: Logger;
}

/** The captures are added to the runtime, which stops them before the bus closes. */
export async function startHubChangeCapture(runtime: EventRuntime, options: HubChangeCaptureOptions): Promise<void> {
  const { bus, lease, hub } = runtime;
  const { intervalMs, log } = options;
  runtime.add(await startErpChangeCapture({ erpDatabaseUrl: options.databases.erp, identities: hub.identities, watermarks: hub.watermarks, lease, bus, log, intervalMs }));
  runtime.add(await startInventoryChangeCapture({ inventoryDatabaseUrl: options.databases.inventory, watermarks: hub.watermarks, lease, bus, log, intervalMs }));
  runtime.add(startCrmInteractionFeed({ crmApiUrl: options.crmApiUrl, crmApiKey: options.crmApiKey, watermarks: hub.watermarks, lease, bus, log, intervalMs }));
}
