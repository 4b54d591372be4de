// Starts the inventory subgraph on its own. Env: INVENTORY_DATABASE_URL (sqlite:.data/inventory.sqlite),
// HUB_DATABASE_URL (sqlite:.data/hub.sqlite: change-capture watermarks, the outbox, leases),
// INVENTORY_PORT (4003), HOST (127.0.0.1), LOG_LEVEL (info), EVENT_BUS_URL (redis://... or
// nats://...; unset: in-process, events stay in this process), CHANGE_CAPTURE (on: hear stock written
// straight into the warehouse's database), CHANGE_CAPTURE_INTERVAL_MS (500).
// The process also relays the hub store's outbox (relays in several processes take turns).
import { openEventRuntime } from '../../adapters/events/event-runtime';
import { eventSettingsFromEnv } from '../../adapters/events/event-settings';
import { startInventoryChangeCapture } from '../../adapters/inventory/sql/change-capture/inventory-change-capture';
import { createLogger } from '../../lib/logger';
import { startInventoryService } from './service';
import { runMain, stopOnSignal } from '../../lib/process-lifecycle';

async function main(): Promise<void> {
  const log = createLogger({ name: 'touchpoint', level: process.env.LOG_LEVEL ?? 'info' });
  const settings = eventSettingsFromEnv(process.env);
  const inventoryDatabaseUrl = process.env.INVENTORY_DATABASE_URL ?? 'sqlite:.data/inventory.sqlite';
  const hubDatabaseUrl = process.env.HUB_DATABASE_URL ?? 'sqlite:.data/hub.sqlite';
  const events = await openEventRuntime({ eventBusUrl: settings.eventBusUrl, hubDatabaseUrl, log, outboxIntervalMs: settings.changeCaptureIntervalMs });
  if (!settings.eventBusUrl) log.warn('EVENT_BUS_URL is not set: events stay inside this process');
  let service;
  try {
    service = await startInventoryService({
      inventoryDatabaseUrl,
      port: Number(process.env.INVENTORY_PORT ?? 4003),
      // Shared with the gateway: when set, only requests carrying the claims the gateway signs are served.
      gatewayClaimsSecret: process.env.GATEWAY_CLAIMS_SECRET || undefined,
      host: process.env.HOST ?? '127.0.0.1',
      log,
      eventBus: events.bus,
    });
    // After the service, which creates the warehouse tables when they are missing.
    if (settings.changeCapture) {
      const { hub, lease, bus } = events;
      events.add(await startInventoryChangeCapture({ inventoryDatabaseUrl, watermarks: hub.watermarks, lease, bus, log, intervalMs: settings.changeCaptureIntervalMs }));
    }
  } catch (error) {
    await service?.close();
    await events.close();
    throw error;
  }
  log.info({ endpoint: service.endpoint, changeCapture: settings.changeCapture }, 'inventory subgraph listening');
  const running = service;
  stopOnSignal(async () => {
    await events.stopProducers();
    await running.close();
    await events.close();
  });
}

runMain(main);
